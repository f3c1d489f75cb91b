import { describe, expect, it } from 'vitest';
import { buildReport, isoWeekStart } from '../../src/measurement/report.js';
import type { ReportInput, RollupRow } from '../../src/measurement/report-model.js';

const row = (overrides: Partial<RollupRow>): RollupRow => ({
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
  ...overrides,
});
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
});
