import { stringify } from 'csv-stringify/sync';
import type { PilotReport } from './report-model.js';
import type { RateEstimate } from './statistics/proportions.js';

const rate = (estimate: RateEstimate) => [estimate.rate ?? '', estimate.low ?? '', estimate.high ?? ''];

/** One row per day (then per ISO week) with counts and each rate with its 95% interval. */
export function reportCsv(report: PilotReport): string {
  const header = [
    'period_kind',
    'period',
    'warned',
    'holdout',
    'displayed',
    'intervention_rate',
    'intervention_low',
    'intervention_high',
    'completion_warned',
    'completion_warned_low',
    'completion_warned_high',
    'completion_holdout',
    'completion_holdout_low',
    'completion_holdout_high',
  ];
  const rows = [
    ...report.daily.map((p) => ['day', p] as const),
    ...report.weekly.map((p) => ['week', p] as const),
  ].map(([kind, p]) => [
    kind,
    p.period,
    p.treatment,
    p.holdout,
    p.displayed,
    ...rate(p.intervention),
    ...rate(p.completionWarned),
    ...rate(p.completionHoldout),
  ]);
  return stringify([header, ...rows]);
}
