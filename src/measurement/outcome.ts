/**
 * The outcome of one decision, derived from its reaction events. Kept pure so the same rules run
 * when events arrive, in tests, and in the simulator.
 */
export type ReactionType = 'displayed' | 'resource_opened' | 'acknowledged' | 'cancelled' | 'proceeded';
export type Outcome = 'cancelled' | 'verified' | 'proceeded' | 'abandoned';

export interface ReactionEvent {
  type: ReactionType;
  occurredAt: Date;
  resourceId: string | null;
}

export interface OutcomeState {
  displayedAt: Date | null;
  firstCheckOpenedAt: Date | null;
  acknowledgedAt: Date | null;
  decidedAt: Date | null;
  /** Whether the withdrawal went ahead (the first cancel or proceed); null until the user decided. */
  withdrew: boolean | null;
  /** null while the user may still decide. */
  outcome: Outcome | null;
}

export interface OutcomeRules {
  /** Resources that count as checking before sending (e.g. Scameter). */
  checkResourceIds: ReadonlySet<string>;
  decisionCreatedAt: Date;
  /** A decision with no cancel/proceed within this time is abandoned. */
  abandonAfterMs: number;
  now: Date;
}

export function deriveOutcome(events: readonly ReactionEvent[], rules: OutcomeRules): OutcomeState {
  const ordered = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const first = (predicate: (event: ReactionEvent) => boolean) => ordered.find(predicate)?.occurredAt ?? null;
  const displayedAt = first((event) => event.type === 'displayed');
  const acknowledgedAt = first((event) => event.type === 'acknowledged');
  const firstCheckOpenedAt = first(
    (event) =>
      event.type === 'resource_opened' &&
      event.resourceId !== null &&
      rules.checkResourceIds.has(event.resourceId),
  );
  const deadline = rules.decisionCreatedAt.getTime() + rules.abandonAfterMs;
  // The first cancel or proceed is the user's decision; later ones (double clicks, retries of the
  // same withdrawal) do not change it. A decision reported after the deadline came too late.
  const terminal = ordered.find(
    (event) =>
      (event.type === 'cancelled' || event.type === 'proceeded') && event.occurredAt.getTime() <= deadline,
  );
  let outcome: Outcome | null = null;
  if (terminal) {
    const checkedFirst =
      firstCheckOpenedAt !== null && firstCheckOpenedAt.getTime() <= terminal.occurredAt.getTime();
    outcome = checkedFirst ? 'verified' : terminal.type === 'cancelled' ? 'cancelled' : 'proceeded';
  } else if (rules.now.getTime() > deadline) {
    outcome = 'abandoned';
  }
  return {
    displayedAt,
    firstCheckOpenedAt,
    acknowledgedAt,
    decidedAt: terminal?.occurredAt ?? null,
    withdrew: terminal ? terminal.type === 'proceeded' : null,
    outcome,
  };
}
