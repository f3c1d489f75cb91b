import { createRequire } from 'node:module';

// echarts declares its types with `export =` and ESM type files whose extensionless paths NodeNext
// cannot follow, so it is loaded through its CommonJS entry, typed by its own declarations.
// eslint-disable-next-line @typescript-eslint/consistent-type-imports -- `export =` types only work this way
const echarts = createRequire(import.meta.url)('echarts') as typeof import('echarts');
import type { ReportWords } from './report-language.js';
import type { PilotReport } from './report-model.js';

/**
 * The report's charts as SVG strings, rendered on the server by ECharts (no browser, no canvas), so
 * the HTML report works offline and prints.
 */
function render(
  option: Parameters<ReturnType<typeof echarts.init>['setOption']>[0],
  width = 720,
  height = 300,
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

/** Intervention rate per day with its 95% band (a stacked band: low, then high − low). */
export function interventionOverTime(report: PilotReport, words: ReportWords): string {
  const days = report.daily.map((d) => d.period);
  const low = report.daily.map((d) => percent(d.intervention.low));
  const width = report.daily.map((d) =>
    d.intervention.low === null || d.intervention.high === null
      ? null
      : percent(d.intervention.high - d.intervention.low),
  );
  return render({
    title: {
      text: words.chartIntervention,
      left: 'center',
      textStyle: { fontSize: 14 },
    },
    grid: { left: 50, right: 20, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: 'low', type: 'line', data: low, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none' },
      {
        name: words.chartInterval,
        type: 'line',
        data: width,
        stack: 'band',
        lineStyle: { opacity: 0 },
        areaStyle: { color: '#9ecae1', opacity: 0.6 },
        symbol: 'none',
      },
      {
        name: words.interventionRate,
        type: 'line',
        data: report.daily.map((d) => percent(d.intervention.rate)),
        color: '#08519c',
      },
    ],
  });
}

/**
 * What warned users did after seeing the warning: one bar per plain outcome name when the report
 * has them (per user), else the rollup's four (per displayed warning).
 */
export function outcomeMix(report: PilotReport, words: ReportWords): string {
  const breakdown = report.pilotNumber?.outcomes;
  const { cancelled, verified, proceeded, abandoned } = report.totals;
  const bars = breakdown
    ? breakdown.rows.map((row) => [words.outcomes[row.outcome], row.users] as const)
    : ([
        [words.rollupOutcomes.cancelled, cancelled],
        [words.rollupOutcomes.verified, verified],
        [words.rollupOutcomes.proceeded, proceeded],
        [words.rollupOutcomes.abandoned, abandoned],
      ] as const);
  return render(
    {
      title: { text: words.chartOutcomes, left: 'center', textStyle: { fontSize: 14 } },
      grid: { left: 230, right: 40, top: 40, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: bars.map(([name]) => name) },
      series: [
        {
          type: 'bar',
          data: bars.map(([, count]) => count),
          itemStyle: { color: '#3182bd' },
          label: { show: true, position: 'right' },
        },
      ],
    },
    720,
    40 + 70 + bars.length * 28,
  );
}

/** Withdrawal completion, warned vs holdout, and their difference once it may be read, with intervals. */
export function upliftChart(report: PilotReport, words: ReportWords): string {
  const { completionWarned: w, completionHoldout: h } = report.uplift;
  // Until the comparison may be read, the chart shows each arm but no difference (evidence.ts).
  const d = report.evidence.uplift.enough
    ? report.uplift.difference
    : { difference: null, low: null, high: null };
  const segment = (name: string, low: number | null, high: number | null) =>
    low === null || high === null
      ? []
      : [
          {
            type: 'line',
            data: [
              [percent(low), name],
              [percent(high), name],
            ],
            color: '#444',
            symbol: 'none',
          },
        ];
  const rows = [words.chartWarnedCompletion, words.chartHoldoutCompletion, words.chartDifference];
  return render(
    {
      title: {
        text: words.chartEffect,
        left: 'center',
        textStyle: { fontSize: 14 },
      },
      grid: { left: 190, right: 30, top: 40, bottom: 30 },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: rows },
      series: [
        ...segment(rows[0] as string, w.low, w.high),
        ...segment(rows[1] as string, h.low, h.high),
        ...segment(rows[2] as string, d.low, d.high),
        {
          type: 'scatter',
          symbolSize: 10,
          color: '#08519c',
          data: [
            [percent(w.rate), rows[0]],
            [percent(h.rate), rows[1]],
            [percent(d.difference), rows[2]],
          ].filter(([x]) => x !== null),
          markLine: { silent: true, symbol: 'none', data: [{ xAxis: 0 }], lineStyle: { color: '#999' } },
        },
      ],
    },
    720,
    220,
  );
}
