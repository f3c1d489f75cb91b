import type { LadderStepKey } from '../../campaigns/spec.js';
import type { DecisionKind } from '../decision.js';
import { LADDER } from './index.js';

/** One climb of the ladder recorded beside a decision (decision_holds), and its release if any. */
export interface HoldRecord {
  step: LadderStepKey;
  releaseAt: string | null;
  createdAt: string;
  releasedAt: string | null;
  releasedBy: string | null;
  releaseNote: string | null;
}

/** What the exchange must do about a decision now, after the answers and any release. */
export interface DecisionStatus {
  decisionId: string;
  /** hold while the withdrawal must wait; warn once a hold ended (the user decides); allow for allow. */
  decision: DecisionKind;
  step: LadderStepKey | null;
  /** When the hold ends by itself; null for a hold that waits for staff (or no hold). */
  releaseAt: string | null;
  released: { at: string; by: string; note: string | null } | null;
}

export interface DecidedFacts {
  id: string;
  decision: DecisionKind;
  step?: LadderStepKey | null | undefined;
  releaseAt?: string | null | undefined;
}

/** The step a decision stands on: its last climb, or where it started. */
export function currentStep(decided: DecidedFacts, holds: readonly HoldRecord[]): LadderStepKey | null {
  if (decided.decision === 'allow') return null;
  return holds.at(-1)?.step ?? decided.step ?? (decided.decision === 'hold' ? 'review' : 'warn');
}

export function statusOf(decided: DecidedFacts, holds: readonly HoldRecord[], nowMs: number): DecisionStatus {
  const step = currentStep(decided, holds);
  if (step === null)
    return { decisionId: decided.id, decision: 'allow', step: null, releaseAt: null, released: null };
  const latest = holds.at(-1);
  const releaseAt = latest ? latest.releaseAt : (decided.releaseAt ?? null);
  const released =
    latest?.releasedAt && latest.releasedBy
      ? { at: latest.releasedAt, by: latest.releasedBy, note: latest.releaseNote }
      : null;
  const held =
    LADDER[step].decision === 'hold' &&
    released === null &&
    (releaseAt === null || Date.parse(releaseAt) > nowMs);
  return { decisionId: decided.id, decision: held ? 'hold' : 'warn', step, releaseAt, released };
}
