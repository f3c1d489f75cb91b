import { describe, expect, it } from 'vitest';
import { deriveOutcome, type ReactionEvent } from '../../src/measurement/outcome.js';
import { OUTCOME_NAMES, outcomeBreakdown, outcomeName } from '../../src/measurement/outcome-names.js';
import type { DecisionFact } from '../../src/measurement/pilot-number.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 10, minute));
const fact = (userRef: string, minute: number, overrides: Partial<DecisionFact>): DecisionFact => ({
  decisionId: `${userRef}-${minute}`,
  userRef,
  createdAt: at(minute).toISOString(),
  arm: 'treatment',
  outcome: null,
  withdrew: null,
  checkedAt: null,
  completed: null,
  answerPath: null,
  step: 'warn',
  presentation: null,
  ...overrides,
});

/** The outcome the event pipeline derives, so the names are tested against the real model. */
function derived(events: { type: ReactionEvent['type']; minute: number; resourceId?: string }[]) {
  const state = deriveOutcome(
    events.map((e) => ({ type: e.type, occurredAt: at(e.minute), resourceId: e.resourceId ?? null })),
    {
      checkResourceIds: new Set(['scamshield']),
      decisionCreatedAt: at(0),
      abandonAfterMs: 30 * 60_000,
      now: at(59),
    },
  );
  return { outcome: state.outcome, withdrew: state.withdrew };
}

describe('plain outcome names', () => {
  it('a user who opened ScamShield and then cancelled is "cancelled after checking", and counts as cancelled', () => {
    const checkedThenCancelled = derived([
      { type: 'displayed', minute: 1 },
      { type: 'resource_opened', minute: 2, resourceId: 'scamshield' },
      { type: 'cancelled', minute: 3 },
    ]);
    expect(checkedThenCancelled.outcome).toBe('verified');
    expect(outcomeName(checkedThenCancelled)).toBe('cancelled_after_checking');
    const checkedThenWent = derived([
      { type: 'resource_opened', minute: 2, resourceId: 'scamshield' },
      { type: 'proceeded', minute: 3 },
    ]);
    expect(outcomeName(checkedThenWent)).toBe('went_ahead_after_checking');
    expect(outcomeName(derived([{ type: 'cancelled', minute: 3 }]))).toBe('cancelled_without_checking');
    expect(outcomeName(derived([{ type: 'proceeded', minute: 3 }]))).toBe('went_ahead_without_checking');
    expect(outcomeName(derived([{ type: 'displayed', minute: 1 }]))).toBe('left_without_deciding');
    expect(outcomeName({ outcome: null, withdrew: null })).toBe('not_decided_yet');

    // "0 of 2 cancelled" was the old reading of two users who both checked and cancelled.
    const breakdown = outcomeBreakdown([
      fact('a', 1, checkedThenCancelled),
      fact('b', 2, checkedThenCancelled),
    ]);
    expect(breakdown.cancelled).toMatchObject({ x: 2, n: 2 });
    expect(breakdown.checkedFirst).toMatchObject({ x: 2, n: 2 });
  });

  it('puts every warned user in exactly one name, each user at the first warning they saw', () => {
    const facts = [
      fact('a', 1, { outcome: 'verified', withdrew: false }),
      fact('a', 5, { outcome: 'proceeded', withdrew: true }), // a's second warning: not counted
      fact('b', 2, { outcome: 'cancelled', withdrew: false }),
      fact('c', 3, { outcome: 'verified', withdrew: true }),
      fact('d', 4, { outcome: 'proceeded', withdrew: true }),
      fact('e', 5, { outcome: 'abandoned', withdrew: null }),
      fact('f', 6, { outcome: null, withdrew: null }),
      fact('g', 7, { outcome: 'cancelled', withdrew: false, displayed: false }), // never seen
      fact('g', 8, { outcome: 'proceeded', withdrew: true }), // g's first seen warning
      fact('h', 9, { arm: 'holdout', outcome: 'proceeded', withdrew: true }),
    ];
    const breakdown = outcomeBreakdown(facts);
    expect(breakdown.users).toBe(7);
    expect(breakdown.rows.map((row) => row.outcome)).toEqual([...OUTCOME_NAMES]);
    expect(Object.fromEntries(breakdown.rows.map((row) => [row.outcome, row.users]))).toEqual({
      cancelled_after_checking: 1,
      cancelled_without_checking: 1,
      went_ahead_after_checking: 1,
      went_ahead_without_checking: 2,
      left_without_deciding: 1,
      not_decided_yet: 1,
    });
    expect(breakdown.rows.reduce((sum, row) => sum + row.users, 0)).toBe(breakdown.users);
    expect(breakdown.cancelled).toMatchObject({ x: 2, n: 7 });
    expect(breakdown.wentAhead).toMatchObject({ x: 3, n: 7 });
    expect(breakdown.checkedFirst).toMatchObject({ x: 2, n: 7 });
  });
});
