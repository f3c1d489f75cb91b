import type { DecisionFact } from './pilot-number.js';
import { wilson, type RateEstimate } from './statistics/proportions.js';

/**
 * What a warned user did, in names that cannot be misread. The outcome model's "verified" (opened a
 * check-before-you-send resource before deciding) says nothing of whether the user then cancelled,
 * so a user who checked and cancelled was shown as "checked first" beside "Cancelled: 0 of 2",
 * which a police reader takes for "nobody cancelled". Here each user falls in exactly one of six
 * names, two questions each answered once: did they check first, and did the money go.
 */
export const OUTCOME_NAMES = [
  'cancelled_after_checking',
  'cancelled_without_checking',
  'went_ahead_after_checking',
  'went_ahead_without_checking',
  'left_without_deciding',
  'not_decided_yet',
] as const;
export type OutcomeName = (typeof OUTCOME_NAMES)[number];

/** The one name of a decision (its first cancel or proceed decides; see outcome.ts). */
export function outcomeName(fact: Pick<DecisionFact, 'outcome' | 'withdrew'>): OutcomeName {
  switch (fact.outcome) {
    case 'verified':
      return fact.withdrew === true ? 'went_ahead_after_checking' : 'cancelled_after_checking';
    case 'cancelled':
      return 'cancelled_without_checking';
    case 'proceeded':
      return 'went_ahead_without_checking';
    case 'abandoned':
      return 'left_without_deciding';
    case null:
      return 'not_decided_yet';
  }
}

export interface OutcomeBreakdown {
  /** Warned users counted: each one's first displayed warning in the period. */
  users: number;
  /** Every name, in OUTCOME_NAMES order, zero rows included: the shares add up to all users. */
  rows: { outcome: OutcomeName; users: number; share: RateEstimate }[];
  /** Cancelled, with or without checking first. */
  cancelled: RateEstimate;
  /** Went ahead, with or without checking first. */
  wentAhead: RateEstimate;
  /** Checked first, whatever they did next. */
  checkedFirst: RateEstimate;
}

/**
 * Per warned user (the first warning the exchange reported as displayed, so the user saw it), as
 * "2 of 5 users cancelled". Facts without `displayed` are taken as displayed.
 */
export function outcomeBreakdown(facts: readonly DecisionFact[]): OutcomeBreakdown {
  const ordered = [...facts].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const first = new Map<string, DecisionFact>();
  for (const fact of ordered)
    if (fact.arm === 'treatment' && fact.displayed !== false && !first.has(fact.userRef))
      first.set(fact.userRef, fact);
  const counts = new Map<OutcomeName, number>(OUTCOME_NAMES.map((name) => [name, 0]));
  for (const fact of first.values()) {
    const name = outcomeName(fact);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const n = first.size;
  const count = (...names: OutcomeName[]) => names.reduce((sum, name) => sum + (counts.get(name) ?? 0), 0);
  return {
    users: n,
    rows: OUTCOME_NAMES.map((outcome) => ({
      outcome,
      users: count(outcome),
      share: wilson(count(outcome), n),
    })),
    cancelled: wilson(count('cancelled_after_checking', 'cancelled_without_checking'), n),
    wentAhead: wilson(count('went_ahead_after_checking', 'went_ahead_without_checking'), n),
    checkedFirst: wilson(count('cancelled_after_checking', 'went_ahead_after_checking'), n),
  };
}
