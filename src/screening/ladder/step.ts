import type { Ladder, LadderStepKey } from '../../campaigns/spec.js';

/** The ladder a campaign gets when its spec names none. */
export const DEFAULT_LADDER: Ladder = { coolingOffMinutes: 60 };

/**
 * One rung of the friction ladder: what the exchange is told to do there, and when a hold ends by
 * itself. "Cancel" and "talk to us" stay the user's first actions on every rung (the element's job).
 */
export interface LadderStep {
  key: LadderStepKey;
  /** Higher is more friction; a decision only ever climbs. */
  rank: number;
  /** warn: the user may continue after the warning; hold: the exchange keeps the withdrawal. */
  decision: 'warn' | 'hold';
  /** When the hold ends by itself (ms since epoch); null while only staff can release it. */
  releaseAt(ladder: Ladder, fromMs: number): number | null;
}
