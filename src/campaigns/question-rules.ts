import type { SpecProblem } from './spec-rules.js';
import { WARNING_SECTIONS, type CampaignSpec, type Question } from './spec.js';

export const MAX_QUESTIONS = 5;
export const MIN_ANSWERS = 2;
export const MAX_ANSWERS = 6;

/**
 * The questions of a warning: few and short (people answer them with money in flight), each answer
 * pointing at a scam the warning explains and a step of the ladder. Every locale asks the same
 * questions with the same answers (ids, scams, steps): answer paths are measured across locales,
 * and the step an answer takes must not depend on the language it was read in. Messages speak to
 * the person at the editor and count from 1, as the form does.
 */
export function checkQuestions(spec: CampaignSpec): SpecProblem[] {
  const problems: SpecProblem[] = [];
  let reference: { locale: string; shape: string } | undefined;
  for (const [locale, content] of Object.entries(spec.content)) {
    const questions = content.questions ?? [];
    const base = `/content/${locale}/questions`;
    if (questions.length > MAX_QUESTIONS)
      problems.push({
        field: base,
        message: `has ${questions.length} questions; a warning asks at most ${MAX_QUESTIONS}`,
      });
    const scamIds = new Set(content.commonScams.flatMap((scam) => (scam.id ? [scam.id] : [])));
    const seenScams = new Set<string>();
    content.commonScams.forEach((scam, index) => {
      if (!scam.id) return;
      if (seenScams.has(scam.id))
        problems.push({
          field: `/content/${locale}/commonScams/${index}/id`,
          message: `scam ${index + 1} uses the id "${scam.id}" of an earlier scam; give each scam its own id`,
        });
      seenScams.add(scam.id);
    });
    const questionIds = new Set<string>();
    questions.forEach((question, q) => {
      const field = `${base}/${q}`;
      if (questionIds.has(question.id))
        problems.push({
          field: `${field}/id`,
          message: `question ${q + 1} uses the id "${question.id}" of an earlier question; give each question its own id`,
        });
      questionIds.add(question.id);
      const count = question.answers.length;
      if (count < MIN_ANSWERS || count > MAX_ANSWERS)
        problems.push({
          field: `${field}/answers`,
          message: `question ${q + 1} has ${count} answer${count === 1 ? '' : 's'}; a question needs ${MIN_ANSWERS} to ${MAX_ANSWERS}`,
        });
      const answerIds = new Set<string>();
      question.answers.forEach((answer, a) => {
        const at = `${field}/answers/${a}`;
        if (answerIds.has(answer.id))
          problems.push({
            field: `${at}/id`,
            message: `answer ${a + 1} of question ${q + 1} uses the id "${answer.id}" of an earlier answer`,
          });
        answerIds.add(answer.id);
        if (answer.scam !== undefined && !scamIds.has(answer.scam))
          problems.push({
            field: `${at}/scam`,
            message: `answer ${a + 1} of question ${q + 1} points to the scam "${answer.scam}", but no common scam in ${locale} has that id`,
          });
      });
    });
    const shape = shapeOf(questions);
    if (!reference) reference = { locale, shape };
    else if (reference.shape !== shape)
      problems.push({
        field: base,
        message: `must ask the same questions, with the same answer ids, scams and steps, as ${reference.locale} (only the wording may differ)`,
      });
  }
  return problems;
}

/** Every presentation shows every section once, in its own order; keys are unique. */
export function checkPresentations(spec: CampaignSpec): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const keys = new Set<string>();
  (spec.presentations ?? []).forEach((presentation, index) => {
    const field = `/presentations/${index}`;
    if (keys.has(presentation.key))
      problems.push({
        field: `${field}/key`,
        message: `presentation ${index + 1} uses the key "${presentation.key}" of an earlier one`,
      });
    keys.add(presentation.key);
    const missing = WARNING_SECTIONS.filter((section) => !presentation.order.includes(section));
    if (missing.length > 0 || presentation.order.length !== WARNING_SECTIONS.length)
      problems.push({
        field: `${field}/order`,
        message: `presentation ${index + 1} must list each section once (${WARNING_SECTIONS.join(', ')})${missing.length > 0 ? `; missing ${missing.join(', ')}` : ''}`,
      });
  });
  return problems;
}

function shapeOf(questions: readonly Question[]): string {
  return JSON.stringify(questions.map((q) => [q.id, q.answers.map((a) => [a.id, a.scam ?? null, a.step])]));
}
