import { useMemo } from 'react';
import { formatCount, rateWithInterval } from '../format.js';
import type { PilotReport } from '../types.js';
import { Chart } from './chart.js';
import { colors, type ChartOption } from './echarts.js';

type Period = PilotReport['daily'][number];

interface Props {
  periods: Period[];
  /** "day" or "week": the x axis of both charts. */
  unit: 'day' | 'week';
}

const pct = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);
const span = (periods: Period[]) => `${periods[0]?.period ?? ''} to ${periods.at(-1)?.period ?? ''}`;

export function SeriesCharts({ periods, unit }: Props) {
  const counts = useMemo(() => countsOption(periods), [periods]);
  const completion = useMemo(() => completionOption(periods), [periods]);
  const per = unit === 'day' ? 'Daily' : 'Weekly';
  return (
    <div className="charts">
      <figure>
        <figcaption>{per} decisions: warned (treatment) and holdout</figcaption>
        <Chart
          option={counts}
          label={`Bar chart of ${per.toLowerCase()} decisions in the treatment and holdout arms, ${span(periods)}. The same figures are in the data table below.`}
        />
        <details>
          <summary>Data table: {per.toLowerCase()} decisions</summary>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{unit === 'day' ? 'Day' : 'Week of'}</th>
                  <th scope="col">Treatment</th>
                  <th scope="col">Holdout</th>
                  <th scope="col">Displayed</th>
                </tr>
              </thead>
              <tbody>
                {periods.map((p) => (
                  <tr key={p.period}>
                    <th scope="row">{p.period}</th>
                    <td>{formatCount(p.treatment)}</td>
                    <td>{formatCount(p.holdout)}</td>
                    <td>{formatCount(p.displayed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figure>
      <figure>
        <figcaption>{per} completion of withdrawals: warned vs holdout, with 95% intervals</figcaption>
        <Chart
          option={completion}
          label={`Line chart of the ${per.toLowerCase()} share of withdrawals that went ahead, warned users against the holdout, with shaded 95% confidence bands, ${span(periods)}. The same figures are in the data table below.`}
        />
        <details>
          <summary>Data table: {per.toLowerCase()} completion</summary>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{unit === 'day' ? 'Day' : 'Week of'}</th>
                  <th scope="col">Completion, warned</th>
                  <th scope="col">Completion, holdout</th>
                  <th scope="col">Intervention rate</th>
                </tr>
              </thead>
              <tbody>
                {periods.map((p) => (
                  <tr key={p.period}>
                    <th scope="row">{p.period}</th>
                    <td>{rateWithInterval(p.completionWarned)}</td>
                    <td>{rateWithInterval(p.completionHoldout)}</td>
                    <td>{rateWithInterval(p.intervention)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figure>
    </div>
  );
}

const base = (periods: Period[]): ChartOption => ({
  animation: false,
  textStyle: { fontFamily: 'system-ui, sans-serif', color: '#1f2937' },
  grid: { left: 48, right: 16, top: 40, bottom: 32 },
  legend: { top: 0 },
  tooltip: { trigger: 'axis' },
  xAxis: { type: 'category', data: periods.map((p) => p.period), axisLabel: { color: '#374151' } },
});

function countsOption(periods: Period[]): ChartOption {
  return {
    ...base(periods),
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#374151' } },
    series: [
      {
        name: 'Treatment',
        type: 'bar',
        data: periods.map((p) => p.treatment),
        itemStyle: { color: colors.warned },
      },
      {
        name: 'Holdout',
        type: 'bar',
        data: periods.map((p) => p.holdout),
        itemStyle: { color: colors.holdout, decal: { symbol: 'rect' } },
      },
    ],
  };
}

/** Each interval is drawn as a stacked pair: an invisible line at the low end, the band above it. */
function band(name: string, stack: string, color: string, rates: Period['completionWarned'][]) {
  return [
    {
      name,
      type: 'line' as const,
      stack,
      data: rates.map((r) => pct(r.low)),
      lineStyle: { opacity: 0 },
      symbol: 'none',
      silent: true,
      tooltip: { show: false },
    },
    {
      name,
      type: 'line' as const,
      stack,
      data: rates.map((r) => (r.low === null || r.high === null ? null : pct(r.high - r.low))),
      lineStyle: { opacity: 0 },
      areaStyle: { color, opacity: colors.band },
      symbol: 'none',
      silent: true,
      tooltip: { show: false },
    },
  ];
}

function completionOption(periods: Period[]): ChartOption {
  const warned = periods.map((p) => p.completionWarned);
  const holdout = periods.map((p) => p.completionHoldout);
  return {
    ...base(periods),
    legend: { top: 0, data: ['Completion, warned', 'Completion, holdout'] },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', color: '#374151' } },
    series: [
      ...band('warned band', 'warned', colors.warned, warned),
      ...band('holdout band', 'holdout', colors.holdout, holdout),
      {
        name: 'Completion, warned',
        type: 'line',
        data: warned.map((r) => pct(r.rate)),
        itemStyle: { color: colors.warned },
        connectNulls: false,
      },
      {
        name: 'Completion, holdout',
        type: 'line',
        data: holdout.map((r) => pct(r.rate)),
        itemStyle: { color: colors.holdout },
        lineStyle: { type: 'dashed' },
        symbol: 'diamond',
        connectNulls: false,
      },
    ],
  };
}
