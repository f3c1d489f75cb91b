import { planPilot } from './statistics/power.js';

/**
 * When a comparison may be read. An interval at n = 2 ("−50 points") is arithmetic, not evidence: a
 * police reader takes the point as the finding. So every effect the console and the report show
 * says "too early to tell" until each arm has a minimum sample and the sample the power plan asks
 * for (two-sided test at 5%, 80% power, to detect the planned change), and says how many more
 * users each arm needs.
 */
export const EVIDENCE_RULE = {
  /** Below this, per arm, no effect is shown as a finding, whatever the plan says. */
  minimumPerArm: 100,
  /** The change the pilot is planned to detect: ten points fewer withdrawals going ahead. */
  plannedEffect: -0.1,
  power: 0.8,
  alpha: 0.05,
  /**
   * The rate planned from while the holdout is too small to estimate it: 50% asks for the most
   * users, so an early plan never promises too soon.
   */
  planningBaseline: 0.5,
} as const;

export type EvidenceReason = 'no_comparison_group' | 'below_minimum' | 'below_plan';

export interface Evidence {
  /** The comparison may be read as a finding. */
  enough: boolean;
  /** Why not (null when enough): the first rule not yet met. */
  reason: EvidenceReason | null;
  have: { warned: number; holdout: number };
  need: { warned: number; holdout: number };
  /** How many more each arm needs (0 once reached). */
  more: { warned: number; holdout: number };
  /** The plan the sample is held to; null without a comparison group. */
  plan: {
    baselineRate: number;
    effect: number;
    power: number;
    alpha: number;
    holdoutShare: number;
    treatmentUsers: number;
    holdoutUsers: number;
  } | null;
}

/**
 * The rule for one comparison of two groups. `share` is the comparison group's configured share of
 * users (the holdout share; 0.5 for two variants), null when not known yet (no decisions to read it
 * from); `baseline` the comparison group's observed rate, used only once that group has the minimum
 * sample (kept within 15–85% so the planned change stays a rate).
 */
export function evidenceFor(
  have: { warned: number; holdout: number },
  share: number | null,
  baseline: number | null,
): Evidence {
  const min = EVIDENCE_RULE.minimumPerArm;
  if (share === null || !(share > 0 && share < 1)) {
    return {
      enough: false,
      // Unknown share: nothing observed yet, the minimum is what can be said; a share of 0 (or 1)
      // leaves one group empty by design.
      reason: share === null ? 'below_minimum' : 'no_comparison_group',
      have,
      need: { warned: min, holdout: min },
      more: { warned: Math.max(0, min - have.warned), holdout: Math.max(0, min - have.holdout) },
      plan: null,
    };
  }
  const observed = baseline !== null && have.holdout >= min ? baseline : EVIDENCE_RULE.planningBaseline;
  const baselineRate = Math.min(0.85, Math.max(0.15, observed));
  const planned = planPilot({
    baselineRate,
    effect: EVIDENCE_RULE.plannedEffect,
    holdoutShare: share,
    power: EVIDENCE_RULE.power,
    alpha: EVIDENCE_RULE.alpha,
  });
  const need = {
    warned: Math.max(min, planned.treatmentUsers),
    holdout: Math.max(min, planned.holdoutUsers),
  };
  const more = {
    warned: Math.max(0, need.warned - have.warned),
    holdout: Math.max(0, need.holdout - have.holdout),
  };
  const belowMinimum = have.warned < min || have.holdout < min;
  const reason: EvidenceReason | null = belowMinimum
    ? 'below_minimum'
    : more.warned > 0 || more.holdout > 0
      ? 'below_plan'
      : null;
  return {
    enough: reason === null,
    reason,
    have,
    need,
    more,
    plan: {
      baselineRate,
      effect: EVIDENCE_RULE.plannedEffect,
      power: EVIDENCE_RULE.power,
      alpha: EVIDENCE_RULE.alpha,
      holdoutShare: share,
      treatmentUsers: planned.treatmentUsers,
      holdoutUsers: planned.holdoutUsers,
    },
  };
}
