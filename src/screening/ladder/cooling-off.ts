import type { LadderStep } from './step.js';

/**
 * A pause that ends by itself: scammers rely on urgency, and an hour is often enough for a call
 * to a friend or the police. After releaseAt the exchange re-screens the withdrawal or releases it.
 */
export const coolingOffStep: LadderStep = {
  key: 'cooling_off',
  rank: 2,
  decision: 'hold',
  releaseAt: (ladder, fromMs) => fromMs + ladder.coolingOffMinutes * 60_000,
};
