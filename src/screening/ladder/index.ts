import type { Ladder, LadderStepKey, LocalizedContent } from '../../campaigns/spec.js';
import { coolingOffStep } from './cooling-off.js';
import { questionsStep } from './questions.js';
import { reviewStep } from './review.js';
import { DEFAULT_LADDER, type LadderStep } from './step.js';
import { warnStep } from './warn.js';

export { DEFAULT_LADDER, type LadderStep };

export const LADDER: Readonly<Record<LadderStepKey, LadderStep>> = {
  warn: warnStep,
  questions: questionsStep,
  cooling_off: coolingOffStep,
  review: reviewStep,
};

/** The higher of two steps: answers and findings only ever add friction. */
export function higherStep(a: LadderStepKey, b: LadderStepKey): LadderStepKey {
  return LADDER[b].rank > LADDER[a].rank ? b : a;
}

/** Where a warned decision starts: with the questions when the warning has any. */
export function startingStep(content: Pick<LocalizedContent, 'questions'> | null): LadderStepKey {
  return (content?.questions?.length ?? 0) > 0 ? 'questions' : 'warn';
}

/** The step an intelligence finding puts a decision on: a reported destination goes straight to hold. */
export function findingStep(severity: string, ladder: Ladder | undefined): LadderStepKey {
  return severity === 'hold' ? 'review' : (ladder?.warnFindingStep ?? 'questions');
}

export interface AnswerGiven {
  questionId: string;
  answerId: string;
}

/**
 * The step the answers given so far lead to, from the current one. An answer the content does not
 * know leaves the step as it is (the events API refuses such answers before they get here).
 */
export function stepAfterAnswers(
  current: LadderStepKey,
  content: Pick<LocalizedContent, 'questions'>,
  answers: readonly AnswerGiven[],
): LadderStepKey {
  let step = current;
  for (const given of answers) {
    const answer = content.questions
      ?.find((question) => question.id === given.questionId)
      ?.answers.find((candidate) => candidate.id === given.answerId);
    if (answer) step = higherStep(step, answer.step);
  }
  return step;
}

/** What the exchange is told for a step entered at fromMs: warn or hold, and until when. */
export function holdOf(
  step: LadderStepKey,
  ladder: Ladder | undefined,
  fromMs: number,
): { decision: 'warn' | 'hold'; releaseAt: string | null } {
  const rung = LADDER[step];
  const at = rung.releaseAt(ladder ?? DEFAULT_LADDER, fromMs);
  return { decision: rung.decision, releaseAt: at === null ? null : new Date(at).toISOString() };
}
