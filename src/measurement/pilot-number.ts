import type { LadderStepKey } from '../campaigns/spec.js';
import type { Outcome } from './outcome.js';
import { outcomeBreakdown, type OutcomeBreakdown } from './outcome-names.js';
import {
  newcombeDifference,
  wilson,
  type DifferenceEstimate,
  type RateEstimate,
} from './statistics/proportions.js';

/**
 * The pilot's own number, measured exactly: the share of warned users who did not withdraw or
 * checked first. Computed per user (each user's first warning in the period) and per withdrawal,
 * and the comparison with the holdout counting everyone, not only the withdrawals someone decided.
 */

/** One decision under a campaign, with what is known of what happened next. */
export interface DecisionFact {
  decisionId: string;
  userRef: string;
  createdAt: string;
  arm: 'treatment' | 'holdout' | 'none';
  outcome: Outcome | null;
  /** From the user's screen: the first cancel (false) or proceed (true); null if neither came. */
  withdrew: boolean | null;
  /** When a check-before-you-send resource was first opened, if ever. */
  checkedAt: string | null;
  /** From the exchange's backend: whether the money left; null when it did not say. */
  completed: boolean | null;
  /** The answers given, "question=answer" in question order joined by " & "; null when none. */
  answerPath: string | null;
  /** The ladder step the decision ended on; null when it had none (holdout, allow). */
  step: LadderStepKey | null;
  presentation: string | null;
  /** Whether the exchange reported the warning as displayed; absent means it was. */
  displayed?: boolean;
}

/** How it was decided whether a withdrawal went ahead. */
export type WentAheadBasis = 'completion_event' | 'client_event' | 'abandoned_rule' | 'pending';

export const PILOT_RULES = {
  wentAhead:
    "The exchange's completion event where it sent one (withdrawal_completed / withdrawal_not_completed); else the user's first cancel or proceed on the warning; else, once the decision is abandoned (nobody decided in time), not withdrawn.",
  checked:
    'Checked: opened a check-before-you-send resource at any time, whatever happened next; a user who checked and then left counts as checked.',
  pending: 'Decisions still open (no outcome yet, no completion event) are left out until they close.',
  perUser: "Denominator per user: each warned user's first warning in the period (treatment arm).",
  perWithdrawal:
    'Denominator per withdrawal: every warned decision in the period (treatment arm), displayed or not.',
  uplift:
    "Counting everyone: each user's first decision in the period in either arm, went-ahead by the rule above, compared warned minus holdout.",
} as const;

export interface BreakdownRow {
  key: string;
  users: number;
  /** Did not withdraw or checked first. */
  pilot: RateEstimate;
  /** The withdrawal went ahead. */
  wentAhead: RateEstimate;
}

export interface PilotNumber {
  perUser: RateEstimate;
  perWithdrawal: RateEstimate;
  /** How each first warning's went-ahead was decided (per user). */
  bases: Record<WentAheadBasis, number>;
  rules: { [K in keyof typeof PILOT_RULES]: string };
  upliftEveryone: {
    wentAheadWarned: RateEstimate;
    wentAheadHoldout: RateEstimate;
    /** warned − holdout (negative: the warning stopped withdrawals). */
    difference: DifferenceEstimate;
  };
  /** Per user (first warning). The holdout answers no questions: uplift by path has no counterpart. */
  byAnswerPath: BreakdownRow[];
  byStep: BreakdownRow[];
  /** Per withdrawal: presentations are measured like variants (a repeat warning rotates them). */
  byPresentation: BreakdownRow[];
  /** Warned users with more than one warning in the period. */
  usersWarnedMoreThanOnce: number;
  /** What each warned user did at their first displayed warning, one name each (outcome-names.ts). */
  outcomes: OutcomeBreakdown;
}

export function wentAhead(fact: DecisionFact): { value: boolean | null; basis: WentAheadBasis } {
  if (fact.completed !== null) return { value: fact.completed, basis: 'completion_event' };
  if (fact.withdrew !== null) return { value: fact.withdrew, basis: 'client_event' };
  if (fact.outcome === 'abandoned') return { value: false, basis: 'abandoned_rule' };
  return { value: null, basis: 'pending' };
}

/** Did not withdraw, or checked first; null while unknown. */
export function pilotSuccess(fact: DecisionFact): boolean | null {
  if (fact.checkedAt !== null) return true;
  const went = wentAhead(fact).value;
  return went === null ? null : !went;
}

/** Each user's first decision, in the order given (callers pass decisions oldest first). */
function firstPerUser(facts: readonly DecisionFact[]): DecisionFact[] {
  const seen = new Map<string, DecisionFact>();
  for (const fact of facts) if (!seen.has(fact.userRef)) seen.set(fact.userRef, fact);
  return [...seen.values()];
}

function rateOf(facts: readonly DecisionFact[], pick: (fact: DecisionFact) => boolean | null): RateEstimate {
  let x = 0;
  let n = 0;
  for (const fact of facts) {
    const value = pick(fact);
    if (value === null) continue;
    n += 1;
    if (value) x += 1;
  }
  return wilson(x, n);
}

function breakdown(facts: readonly DecisionFact[], keyOf: (fact: DecisionFact) => string): BreakdownRow[] {
  const groups = new Map<string, DecisionFact[]>();
  for (const fact of facts) {
    const key = keyOf(fact);
    const group = groups.get(key);
    if (group) group.push(fact);
    else groups.set(key, [fact]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, group]) => ({
      key,
      users: group.length,
      pilot: rateOf(group, pilotSuccess),
      wentAhead: rateOf(group, (fact) => wentAhead(fact).value),
    }));
}

export const NO_ANSWER = '(no answer)';

export function buildPilotNumber(facts: readonly DecisionFact[]): PilotNumber {
  const ordered = [...facts].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const warned = ordered.filter((fact) => fact.arm === 'treatment');
  const holdout = ordered.filter((fact) => fact.arm === 'holdout');
  const firstWarned = firstPerUser(warned);
  const firstHoldout = firstPerUser(holdout);
  const bases: Record<WentAheadBasis, number> = {
    completion_event: 0,
    client_event: 0,
    abandoned_rule: 0,
    pending: 0,
  };
  for (const fact of firstWarned) bases[wentAhead(fact).basis] += 1;
  const warnedAhead = rateOf(firstWarned, (fact) => wentAhead(fact).value);
  const holdoutAhead = rateOf(firstHoldout, (fact) => wentAhead(fact).value);
  const warnings = new Map<string, number>();
  for (const fact of warned) warnings.set(fact.userRef, (warnings.get(fact.userRef) ?? 0) + 1);
  return {
    perUser: rateOf(firstWarned, pilotSuccess),
    perWithdrawal: rateOf(warned, pilotSuccess),
    bases,
    rules: PILOT_RULES,
    upliftEveryone: {
      wentAheadWarned: warnedAhead,
      wentAheadHoldout: holdoutAhead,
      difference: newcombeDifference(warnedAhead.x, warnedAhead.n, holdoutAhead.x, holdoutAhead.n),
    },
    byAnswerPath: breakdown(firstWarned, (fact) => fact.answerPath ?? NO_ANSWER),
    byStep: breakdown(firstWarned, (fact) => fact.step ?? 'warn'),
    byPresentation: breakdown(warned, (fact) => fact.presentation ?? '(none)'),
    usersWarnedMoreThanOnce: [...warnings.values()].filter((count) => count > 1).length,
    outcomes: outcomeBreakdown(facts),
  };
}
