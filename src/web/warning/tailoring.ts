import type { WarningContent } from './decision.js';

type Question = NonNullable<WarningContent['questions']>[number];
type CommonScam = WarningContent['commonScams'][number];
export type LadderStep = 'warn' | 'questions' | 'cooling_off' | 'review';
export type Section = 'checks' | 'commonScams' | 'tips' | 'resources' | 'contacts' | 'statistics';

export const DEFAULT_SECTIONS: readonly Section[] = [
  'checks',
  'commonScams',
  'tips',
  'resources',
  'contacts',
  'statistics',
];
const RANK: Record<LadderStep, number> = { warn: 0, questions: 1, cooling_off: 2, review: 3 };

/** The answers given, question id → answer id. */
export type Answers = Readonly<Record<string, string>>;

/** The scams the answers point to, in the order of the questions. */
export function answeredScams(questions: readonly Question[], answers: Answers): string[] {
  const ids: string[] = [];
  for (const question of questions) {
    const scam = question.answers.find((answer) => answer.id === answers[question.id])?.scam;
    if (scam && !ids.includes(scam)) ids.push(scam);
  }
  return ids;
}

/** The common scams with those the answers point to first (the tailored part of the warning). */
export function tailoredScams(scams: readonly CommonScam[], pointedTo: readonly string[]): CommonScam[] {
  const first = pointedTo.flatMap((id) => scams.filter((scam) => scam.id === id));
  return [...first, ...scams.filter((scam) => !first.includes(scam))];
}

/**
 * The order of the sections: the presentation's (a repeat warning rotates it), with the scams moved
 * first once an answer points to one.
 */
export function sectionOrder(presentation: readonly Section[] | undefined, tailored: boolean): Section[] {
  const order = presentation && presentation.length > 0 ? [...presentation] : [...DEFAULT_SECTIONS];
  return tailored ? ['commonScams', ...order.filter((section) => section !== 'commonScams')] : order;
}

/** The step the answers lead to when the server cannot say (offline): the same rule as the server's. */
export function localStep(start: LadderStep, questions: readonly Question[], answers: Answers): LadderStep {
  let step = start;
  for (const question of questions) {
    const answer = question.answers.find((candidate) => candidate.id === answers[question.id]);
    if (answer && RANK[answer.step] > RANK[step]) step = answer.step;
  }
  return step;
}

export const isHoldStep = (step: LadderStep | undefined | null) =>
  step === 'cooling_off' || step === 'review';
