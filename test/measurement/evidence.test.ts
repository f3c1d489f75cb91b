import { describe, expect, it } from 'vitest';
import { EVIDENCE_RULE, evidenceFor } from '../../src/measurement/evidence.js';
import { buildReport } from '../../src/measurement/report.js';
import type { RollupRow } from '../../src/measurement/report-model.js';
import { rollupRow as row } from '../support/rollup-rows.js';
import { planPilot } from '../../src/measurement/statistics/power.js';

const report = (rows: RollupRow[]) =>
  buildReport({
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
    generatedAt: new Date('2026-11-24T00:00:00Z'),
  });

describe('too early to tell', () => {
  it('at n = 2 (a "−50 points" difference) the effect is too early, and says how many more users each arm needs', () => {
    const early = report([
      row({ decisions: 2, displayed: 2, withdrew: 1, stayed: 1 }),
      row({ arm: 'holdout', variant: '', decisions: 2, withdrew: 2 }),
    ]);
    expect(early.uplift.difference.difference).toBeCloseTo(-0.5);
    const evidence = early.evidence.uplift;
    expect(evidence).toMatchObject({
      enough: false,
      reason: 'below_minimum',
      have: { warned: 2, holdout: 2 },
    });
    const plan = planPilot({ baselineRate: 0.5, effect: -0.1, holdoutShare: 0.2 });
    expect(evidence.need).toEqual({ warned: plan.treatmentUsers, holdout: plan.holdoutUsers });
    expect(evidence.more).toEqual({ warned: plan.treatmentUsers - 2, holdout: plan.holdoutUsers - 2 });
  });

  it('past the minimum but short of the power plan it is still too early; at the plan it may be read', () => {
    const plan = planPilot({ baselineRate: 0.8, effect: -0.1, holdoutShare: 0.2 });
    const half = evidenceFor({ warned: 200, holdout: 120 }, 0.2, 0.8);
    expect(half).toMatchObject({ enough: false, reason: 'below_plan' });
    expect(half.more.holdout).toBe(plan.holdoutUsers - 120);
    const met = evidenceFor({ warned: plan.treatmentUsers, holdout: plan.holdoutUsers }, 0.2, 0.8);
    expect(met).toMatchObject({ enough: true, reason: null, more: { warned: 0, holdout: 0 } });
  });

  it('the minimum per arm holds even when the plan asks for fewer', () => {
    // A huge planned change would need a handful of users; the floor still applies.
    const evidence = evidenceFor({ warned: 60, holdout: 60 }, 0.5, 0.5);
    expect(evidence.need.warned).toBeGreaterThanOrEqual(EVIDENCE_RULE.minimumPerArm);
    expect(evidence.enough).toBe(false);
  });

  it('without a holdout there is nothing to compare: too early, no plan', () => {
    const evidence = report([row({ decisions: 500, displayed: 500, withdrew: 100, stayed: 400 })]).evidence
      .uplift;
    expect(evidence).toMatchObject({ enough: false, plan: expect.anything() });
    expect(evidenceFor({ warned: 500, holdout: 0 }, 0, null)).toMatchObject({
      enough: false,
      reason: 'no_comparison_group',
      plan: null,
    });
    // No decision yet, so no share to read: too early, the minimum is what each group needs.
    expect(evidenceFor({ warned: 0, holdout: 0 }, null, null)).toMatchObject({
      enough: false,
      reason: 'below_minimum',
      more: { warned: 100, holdout: 100 },
    });
  });
});
