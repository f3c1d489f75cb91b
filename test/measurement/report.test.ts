import { describe, expect, it } from 'vitest';
import { buildReport, isoWeekStart } from '../../src/measurement/report.js';
import type { ReportInput, RollupRow } from '../../src/measurement/report-model.js';
import { rollupRow as row } from '../support/rollup-rows.js';

const input = (rows: RollupRow[], overrides: Partial<ReportInput> = {}): ReportInput => ({
  filter: {},
  rows,
  decideBuckets: new Map(),
  resourceOpens: [],
  experiments: [
    {
      campaignId: 'c',
      version: 1,
      holdoutShare: 0.2,
      variants: [
        { key: 'A', weight: 1 },
        { key: 'B', weight: 1 },
      ],
      resourceIds: ['scameter', 'helpline'],
    },
  ],
  sequential: true,
  generatedAt: new Date('2026-11-24T00:00:00Z'),
  ...overrides,
});
const noNaN = (value: unknown) => expect(JSON.stringify(value)).not.toMatch(/NaN|Infinity/);

describe('pilot report edge cases', () => {
  it('zero warned users: null rates and a note, no NaN', () => {
    const report = buildReport(
      input([row({ arm: 'holdout', variant: '', decisions: 10, withdrew: 9, stayed: 1 })]),
    );
    expect(report.rates.intervention).toMatchObject({ n: 0, rate: null, low: null });
    expect(report.uplift.difference.difference).toBeNull();
    expect(report.notes).toContain('No warned users in this selection.');
    noNaN(report);
  });

  it('100% rates keep an interval that reaches 1 and a finite test', () => {
    const report = buildReport(
      input([
        row({ decisions: 50, displayed: 50, cancelled: 50, stayed: 50 }),
        row({ arm: 'holdout', variant: '', decisions: 12, withdrew: 12 }),
      ]),
    );
    expect(report.rates.intervention).toMatchObject({ rate: 1, high: 1 });
    expect(report.rates.intervention.low!).toBeGreaterThan(0.9);
    expect(report.uplift.difference.difference).toBe(-1);
    expect(report.uplift.test.p!).toBeLessThan(0.001);
    noNaN(report);
  });

  it('a configured variant with no traffic is listed with no rate, and no holdout is said so', () => {
    const report = buildReport(
      input([row({ decisions: 40, displayed: 40, cancelled: 8, withdrew: 30, stayed: 8 })]),
    );
    const b = report.variants.find((v) => v.variant === 'B');
    expect(b).toMatchObject({ decisions: 0, intervention: { rate: null } });
    expect(report.variantComparison?.intervention.difference).toBeNull();
    expect(report.notes.join(' ')).toMatch(/No holdout users/);
    noNaN(report);
  });

  it('sums days into ISO weeks starting on Monday', () => {
    expect(isoWeekStart('2026-11-29')).toBe('2026-11-23');
    expect(isoWeekStart('2026-11-30')).toBe('2026-11-30');
    const report = buildReport(
      input([
        row({ day: '2026-11-23', decisions: 5, displayed: 5, cancelled: 1 }),
        row({ day: '2026-11-29', decisions: 5, displayed: 5, verified: 2 }),
        row({ day: '2026-11-30', decisions: 5, displayed: 5 }),
      ]),
    );
    expect(report.daily).toHaveLength(3);
    expect(report.weekly.map((w) => [w.period, w.intervention.x, w.intervention.n])).toEqual([
      ['2026-11-23', 3, 10],
      ['2026-11-30', 0, 5],
    ]);
  });

  it('checks the split of a one-variant report against that variant and the holdout only', () => {
    // Configured 20% holdout, A and B 40% each: a report filtered to A holds A and the holdout at
    // 2:1, which is the configured ratio, not a mismatch for B's absence.
    const rows = [
      row({ decisions: 800, displayed: 800, withdrew: 700, stayed: 100 }),
      row({ arm: 'holdout', variant: '', decisions: 400, withdrew: 380, stayed: 20 }),
    ];
    const report = buildReport(input(rows, { filter: { variant: 'A' } }));
    expect(report.sampleRatio[0]?.assignment.mismatch).toBe(false);
    expect(report.sampleRatio[0]?.assignment.p).toBeCloseTo(1, 6);
    expect(Object.keys(report.sampleRatio[0]?.assignment.observed ?? {})).toEqual(['holdout', 'variant A']);
    expect(report.variants.map((v) => v.variant)).toEqual(['A']);
    // Unfiltered, the same rows are a broken split: B got nothing.
    expect(buildReport(input(rows)).sampleRatio[0]?.assignment.mismatch).toBe(true);
  });

  it('gives no time-to-decide quantile past the last bucket rather than Infinity', () => {
    const report = buildReport(
      input([row({ decisions: 10, displayed: 10, proceeded: 10 })], {
        decideBuckets: new Map([
          [3, 5],
          [17, 5],
        ]),
      }),
    );
    expect(report.timeToDecide).toEqual({ decided: 10, medianSeconds: 5, p90Seconds: null });
    noNaN(report);
  });

  it('never fails on rows whose counts disagree: the count is capped at its denominator', () => {
    const report = buildReport(
      input([row({ decisions: 5, displayed: 2, cancelled: 2, abandoned: 4 })], {
        resourceOpens: [{ resourceId: 'scameter', decisions: 3 }],
      }),
    );
    expect(report.rates.abandoned).toMatchObject({ x: 2, n: 2, rate: 1 });
    expect(report.resources.find((r) => r.resourceId === 'scameter')?.opened).toMatchObject({ x: 2, n: 2 });
  });

  it('warns when it pools versions whose holdout shares differ, and not when they agree', () => {
    const rows = [
      row({ decisions: 80, displayed: 80, withdrew: 70, stayed: 10 }),
      row({ arm: 'holdout', variant: '', decisions: 20, withdrew: 19, stayed: 1 }),
      row({ campaignVersion: 2, decisions: 50, displayed: 50, withdrew: 45, stayed: 5 }),
      row({ campaignVersion: 2, arm: 'holdout', variant: '', decisions: 50, withdrew: 48, stayed: 2 }),
    ];
    const v2 = (holdoutShare: number) => ({
      campaignId: 'c',
      version: 2,
      holdoutShare,
      variants: [{ key: 'A', weight: 1 }],
      resourceIds: [],
    });
    const base = input([]).experiments[0]!;
    const pooled = buildReport(input(rows, { experiments: [base, v2(0.5)] }));
    expect(pooled.notes.join(' ')).toMatch(/pools 2 campaign versions with different holdout shares/);
    const same = buildReport(input(rows, { experiments: [base, v2(0.2)] }));
    expect(same.notes.join(' ')).not.toMatch(/different holdout shares/);
  });

  it('lists a resource the content offers that nobody opened at 0%', () => {
    const report = buildReport(
      input([row({ decisions: 10, displayed: 10, verified: 3 })], {
        resourceOpens: [{ resourceId: 'scameter', decisions: 3 }],
      }),
    );
    expect(report.resources).toEqual([
      { resourceId: 'helpline', opened: expect.objectContaining({ x: 0, n: 10, rate: 0 }) },
      { resourceId: 'scameter', opened: expect.objectContaining({ x: 3, n: 10, rate: 0.3 }) },
    ]);
  });
});
