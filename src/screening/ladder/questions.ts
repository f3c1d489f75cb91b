import type { LadderStep } from './step.js';

/** The warning asks its questions before the countdown ends; the answers may climb the ladder. */
export const questionsStep: LadderStep = {
  key: 'questions',
  rank: 1,
  decision: 'warn',
  releaseAt: () => null,
};
