import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/measurement/report.js';
import type { ReportInput, RollupRow } from '../../src/measurement/report-model.js';

/** mulberry32: a small seeded PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const blank = {
  displayed: 0,
  cancelled: 0,
  verified: 0,
  proceeded: 0,
  abandoned: 0,
  undisplayedOutcomes: 0,
};

/**
 * A pilot of `users` decisions over 14 days with a 20% holdout, 99% of outcomes reported in the
 * warned arm, and the holdout losing `holdoutLoss` of its reports (a broken exchange integration).
 */
function pilot(seed: number, users: number, holdoutLoss: number): ReportInput {
  const random = mulberry32(seed);
  const rows: RollupRow[] = [];
  for (let day = 0; day < 14; day += 1) {
    const counts = {
      treatment: { decisions: 0, withdrew: 0, stayed: 0 },
      holdout: { decisions: 0, withdrew: 0, stayed: 0 },
    };
    for (let i = 0; i < users / 14; i += 1) {
      const arm = random() < 0.2 ? 'holdout' : 'treatment';
      const c = counts[arm];
      c.decisions += 1;
      const reported = random() < 0.99 * (arm === 'holdout' ? 1 - holdoutLoss : 1);
      if (!reported) continue;
      if (random() < (arm === 'holdout' ? 0.9 : 0.8)) c.withdrew += 1;
      else c.stayed += 1;
    }
    const date = `2026-11-${String(day + 1).padStart(2, '0')}`;
    for (const arm of ['treatment', 'holdout'] as const)
      rows.push({
        day: date,
        campaignId: 'c',
        campaignVersion: 1,
        variant: arm === 'holdout' ? '' : 'A',
        arm,
        ...blank,
        displayed: arm === 'treatment' ? counts[arm].decisions : 0,
        ...counts[arm],
      });
  }
  return {
    filter: {},
    rows,
    decideBuckets: new Map(),
    resourceOpens: [],
    experiments: [
      {
        campaignId: 'c',
        version: 1,
        holdoutShare: 0.2,
        variants: [{ key: 'A', weight: 1 }],
        resourceIds: [],
      },
    ],
    sequential: false,
    generatedAt: new Date('2026-11-20T00:00:00Z'),
  };
}

describe('alarm on outcome-reporting shares per arm', () => {
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8];

  it('catches a holdout that loses 10% of its reports in at least 7 of 8 pilots of 2,000 decisions', () => {
    let caught = 0;
    let caughtByRatio = 0;
    for (const seed of seeds) {
      const report = buildReport(pilot(seed, 2000, 0.1));
      const [check] = report.sampleRatio;
      expect(report.uplift.outcomeReported.holdout.rate!).toBeLessThan(0.93);
      if (check!.outcomeReporting.mismatch) caught += 1;
      if (check!.assignment.mismatch || check!.analysed.mismatch) caughtByRatio += 1;
      if (check!.outcomeReporting.mismatch)
        expect(
          report.notes.some((note) => note.startsWith('Outcome reporting differs between the arms')),
        ).toBe(true);
    }
    expect(caught).toBeGreaterThanOrEqual(7);
    // The sample-ratio checks alone (what there was before) miss most of these.
    expect(caughtByRatio).toBeLessThanOrEqual(2);
  });

  it('stays quiet when both arms report alike', () => {
    for (const seed of seeds) {
      const report = buildReport(pilot(seed, 2000, 0));
      const check = report.sampleRatio[0]!.outcomeReporting;
      expect(check.mismatch).toBe(false);
      expect(check.threshold).toBe(0.001);
      expect(check.warned.n + check.holdout.n).toBe(report.totals.decisions);
    }
  });
});
