import type { LadderStep } from './step.js';

/** The warning alone: shown, with its countdown, then the user decides. */
export const warnStep: LadderStep = { key: 'warn', rank: 0, decision: 'warn', releaseAt: () => null };
