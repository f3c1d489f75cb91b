import type { LadderStep } from './step.js';

/** Held until a person at the exchange has talked to the user and releases it (audited). */
export const reviewStep: LadderStep = { key: 'review', rank: 3, decision: 'hold', releaseAt: () => null };
