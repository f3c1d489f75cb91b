import { useMemo } from 'react';
import { DataTable } from '../components/data-table.js';
import { formatCount, rateWithInterval } from '../format.js';
import { useT } from '../i18n/index.js';
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

export function SeriesCharts({ periods, unit }: Props) {
  const { t } = useT('dashboard');
  // `t` changes with the language, and with it the series' names (a chart redraws only then).
  const names = useMemo(
    () => ({
      treatment: t('charts.treatment'),
      holdout: t('charts.holdout'),
      completionWarned: t('charts.completionWarned'),
      completionHoldout: t('charts.completionHoldout'),
    }),
    [t],
  );
  const counts = useMemo(() => countsOption(periods, names), [periods, names]);
  const completion = useMemo(() => completionOption(periods, names), [periods, names]);
  const per = unit === 'day' ? t('charts.daily') : t('charts.weekly');
  const span = t('charts.span', { from: periods[0]?.period ?? '', to: periods.at(-1)?.period ?? '' });
  return (
    <div className="charts">
      <figure>
        <figcaption>{t('charts.decisionsCaption', { per })}</figcaption>
        <Chart option={counts} label={t('charts.decisionsLabel', { per: per.toLowerCase(), span })} />
        <PeriodTable
          title={t('charts.decisionsTable', { per: per.toLowerCase() })}
          unit={unit}
          periods={periods}
          columns={[
            [names.treatment, (p) => formatCount(p.treatment)],
            [names.holdout, (p) => formatCount(p.holdout)],
            [t('charts.displayed'), (p) => formatCount(p.displayed)],
          ]}
        />
      </figure>
      <figure>
        <figcaption>{t('charts.completionCaption', { per })}</figcaption>
        <Chart option={completion} label={t('charts.completionLabel', { per: per.toLowerCase(), span })} />
        <PeriodTable
          title={t('charts.completionTable', { per: per.toLowerCase() })}
          unit={unit}
          periods={periods}
          columns={[
            [names.completionWarned, (p) => rateWithInterval(p.completionWarned)],
            [names.completionHoldout, (p) => rateWithInterval(p.completionHoldout)],
            [t('charts.intervention'), (p) => rateWithInterval(p.intervention)],
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
  const { t } = useT('dashboard');
  return (
    <details>
      <summary>{props.title}</summary>
      <DataTable
        columns={[
          props.unit === 'day' ? t('charts.day') : t('charts.weekOf'),
          ...props.columns.map(([heading]) => heading),
        ]}
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

interface SeriesNames {
  treatment: string;
  holdout: string;
  completionWarned: string;
  completionHoldout: string;
}

function countsOption(periods: Period[], names: SeriesNames): ChartOption {
  return {
    ...base(periods),
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#374151' } },
    series: [
      {
        name: names.treatment,
        type: 'bar',
        data: periods.map((p) => p.treatment),
        itemStyle: { color: colors.warned },
      },
      {
        name: names.holdout,
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

function completionOption(periods: Period[], names: SeriesNames): ChartOption {
  const warned = periods.map((p) => p.completionWarned);
  const holdout = periods.map((p) => p.completionHoldout);
  return {
    ...base(periods),
    legend: { top: 0, data: [names.completionWarned, names.completionHoldout] },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', color: '#374151' } },
    series: [
      ...band('warned band', 'warned', colors.warned, warned),
      ...band('holdout band', 'holdout', colors.holdout, holdout),
      {
        name: names.completionWarned,
        type: 'line',
        data: warned.map((r) => pct(r.rate)),
        itemStyle: { color: colors.warned },
        connectNulls: false,
      },
      {
        name: names.completionHoldout,
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
