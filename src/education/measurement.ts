import { assignmentPoint } from '../campaigns/assignment.js';
import {
  newcombeDifference,
  wilson,
  type DifferenceEstimate,
  type RateEstimate,
} from '../measurement/statistics/proportions.js';
import type { QuizOffer, Trick } from './model.js';

/** Answers counted per jurisdiction and question, as the store sums them. */
export interface AnswerTally {
  jurisdiction: string;
  questionId: string;
  trick: Trick;
  answered: number;
  fooled: number;
}

export interface FooledRate {
  /** The share of answers that picked what the scammer wanted, with its 95% Wilson interval. */
  fooled: RateEstimate;
}

export interface FooledReport {
  byQuestion: (FooledRate & { jurisdiction: string; questionId: string; trick: Trick })[];
  byTrick: (FooledRate & { trick: Trick })[];
  byJurisdiction: (FooledRate & { jurisdiction: string; byTrick: (FooledRate & { trick: Trick })[] })[];
}

/** "Which tricks fool people here": the share fooled per question, per trick and per jurisdiction. */
export function fooledReport(tallies: readonly AnswerTally[], confidence = 0.95): FooledReport {
  const sum = (rows: readonly AnswerTally[]) =>
    wilson(
      rows.reduce((s, r) => s + r.fooled, 0),
      rows.reduce((s, r) => s + r.answered, 0),
      confidence,
    );
  const byTrick = (rows: readonly AnswerTally[]) =>
    [...new Set(rows.map((r) => r.trick))].sort().map((trick) => ({
      trick,
      fooled: sum(rows.filter((r) => r.trick === trick)),
    }));
  return {
    byQuestion: [...tallies]
      .sort(
        (a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || a.questionId.localeCompare(b.questionId),
      )
      .map((r) => ({
        jurisdiction: r.jurisdiction,
        questionId: r.questionId,
        trick: r.trick,
        fooled: wilson(r.fooled, r.answered, confidence),
      })),
    byTrick: byTrick(tallies),
    byJurisdiction: [...new Set(tallies.map((r) => r.jurisdiction))].sort().map((jurisdiction) => {
      const rows = tallies.filter((r) => r.jurisdiction === jurisdiction);
      return { jurisdiction, fooled: sum(rows), byTrick: byTrick(rows) };
    }),
  };
}

/** Everything GET /v1/quiz-measurement answers: fooled shares and the later-warning comparisons. */
export interface QuizMeasurement extends FooledReport {
  from: string;
  to: string;
  laterWarnings: (GroupComparison & { jurisdiction: string })[];
  experiment: (GroupComparison & { jurisdiction: string })[];
}

/** A user's first decided warning in the period (after their first quiz, for those who took it). */
export interface LaterWarning {
  userRef: string;
  tookQuiz: boolean;
  /** cancelled or verified: the user did not send the money unchecked. */
  protected: boolean;
}

export interface GroupComparison {
  design: 'observational' | 'intention_to_treat';
  statement: string;
  /** The share protected (cancelled or verified) at the first later warning, per group. */
  groups: { group: string; users: number; protected: RateEstimate }[];
  /** First group minus second, Newcombe's interval. */
  difference: DifferenceEstimate;
}

const OBSERVATIONAL =
  'Observational: users chose to take the quiz, so a difference may come from who they are, not from the quiz. ' +
  'One warning per user (the first after their quiz, or the first in the period for the others).';

/** Users who took the quiz against users who did not, at their next warning. Not causal. */
export function observationalComparison(rows: readonly LaterWarning[]): GroupComparison {
  const took = rows.filter((r) => r.tookQuiz);
  const not = rows.filter((r) => !r.tookQuiz);
  return compare('observational', OBSERVATIONAL, [
    ['took_quiz', took],
    ['did_not', not],
  ]);
}

/** Whether a user is offered the quiz in the offer experiment: stable per user and key. */
export function offeredQuiz(offer: QuizOffer, userRef: string): boolean {
  return assignmentPoint(offer.experimentKey, userRef) < offer.offerShare;
}

/**
 * The offer experiment by intention to treat: every warned user is in the arm the hash put them in,
 * whether or not they took the quiz, so the comparison is randomized and unbiased for the effect of
 * offering it (diluted by those who ignored the offer).
 */
export function intentionToTreat(
  offer: QuizOffer,
  rows: readonly Omit<LaterWarning, 'tookQuiz'>[],
): GroupComparison {
  const offered = rows.filter((r) => offeredQuiz(offer, r.userRef));
  const not = rows.filter((r) => !offeredQuiz(offer, r.userRef));
  return compare(
    'intention_to_treat',
    `Randomized: ${Math.round(offer.offerShare * 100)}% of users were offered the quiz by experiment ${offer.experimentKey}; ` +
      'groups are compared as assigned, whether or not they took it (intention to treat), so this is the effect of the offer: ' +
      'both groups can still reach /quiz by themselves or from a warning. One warning per user, the first after the experiment began.',
    [
      ['offered', offered],
      ['not_offered', not],
    ],
  );
}

function compare(
  design: GroupComparison['design'],
  statement: string,
  groups: [string, readonly { protected: boolean }[]][],
): GroupComparison {
  const estimates = groups.map(([group, rows]) => ({
    group,
    users: rows.length,
    protected: wilson(rows.filter((r) => r.protected).length, rows.length),
  }));
  const [a, b] = estimates;
  return {
    design,
    statement,
    groups: estimates,
    difference:
      a && b
        ? newcombeDifference(a.protected.x, a.protected.n, b.protected.x, b.protected.n)
        : { difference: null, low: null, high: null },
  };
}
