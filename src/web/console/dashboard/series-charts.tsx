import { useMemo } from 'react';
import { DataTable } from '../components/data-table.js';
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
        <PeriodTable
          title={`Data table: ${per.toLowerCase()} decisions`}
          unit={unit}
          periods={periods}
          columns={[
            ['Treatment', (p) => formatCount(p.treatment)],
            ['Holdout', (p) => formatCount(p.holdout)],
            ['Displayed', (p) => formatCount(p.displayed)],
          ]}
        />
      </figure>
      <figure>
        <figcaption>{per} completion of withdrawals: warned vs holdout, with 95% intervals</figcaption>
        <Chart
          option={completion}
          label={`Line chart of the ${per.toLowerCase()} share of withdrawals that went ahead, warned users against the holdout, with shaded 95% confidence bands, ${span(periods)}. The same figures are in the data table below.`}
        />
        <PeriodTable
          title={`Data table: ${per.toLowerCase()} completion`}
          unit={unit}
          periods={periods}
          columns={[
            ['Completion, warned', (p) => rateWithInterval(p.completionWarned)],
            ['Completion, holdout', (p) => rateWithInterval(p.completionHoldout)],
            ['Intervention rate', (p) => rateWithInterval(p.intervention)],
          ]}
        />
      </figure>
    </div>
  );
}

/** The figures behind a chart, for screen readers and for reading exact values. */
function PeriodTable(props: {
  title: string;
  unit: 'day' | 'week';
  periods: Period[];
  columns: [string, (period: Period) => string][];
}) {
  return (
    <details>
      <summary>{props.title}</summary>
      <DataTable
        columns={[props.unit === 'day' ? 'Day' : 'Week of', ...props.columns.map(([heading]) => heading)]}
      >
        {props.periods.map((period) => (
          <tr key={period.period}>
            <th scope="row">{period.period}</th>
            {props.columns.map(([heading, cell]) => (
              <td key={heading}>{cell(period)}</td>
            ))}
          </tr>
        ))}
      </DataTable>
    </details>
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
