import type { RollupRow } from '../../src/measurement/report-model.js';

/** One day's rollup of campaign `c`, version 1, variant A, treatment, with every count zero unless given. */
export const rollupRow = (overrides: Partial<RollupRow>): RollupRow => ({
  day: '2026-11-02',
  campaignId: 'c',
  campaignVersion: 1,
  variant: 'A',
  arm: 'treatment',
  decisions: 0,
  displayed: 0,
  cancelled: 0,
  verified: 0,
  proceeded: 0,
  abandoned: 0,
  withdrew: 0,
  stayed: 0,
  undisplayedOutcomes: 0,
  ...overrides,
});
