import { Value } from '@sinclair/typebox/value';
import { resolveLocale } from '../campaigns/locale-fallback.js';
import { generateQuizSpec } from '../education/bank.js';
import { drawQuestions, presentQuestion } from '../education/draw.js';
import {
  fooledReport,
  intentionToTreat,
  observationalComparison,
  offeredQuiz,
  type QuizMeasurement,
} from '../education/measurement.js';
import {
  QUIZ_LOCALES,
  type DrawnQuestion,
  type Quiz,
  QuizSpecSchema,
  type QuizOffer,
  type QuizSpec,
  type QuizVersion,
  type Trick,
} from '../education/model.js';
import { RequestProblem } from '../errors.js';
import { EducationRepository } from '../store/education-repository.js';
import { ensureSecret } from '../store/settings-repository.js';
import type { Caveat } from './caveat.js';
import type { EventTokens } from './event-tokens.js';
import type { IntelligenceHolder } from './intelligence-holder.js';
import { QuizUserTokens } from './quiz-user-tokens.js';
import type { SnapshotHolder } from './snapshot-holder.js';

export interface StartInput {
  attemptId: string;
  jurisdiction?: string | undefined;
  locale: string;
  /** From the exchange's backend (POST /v1/quiz/invitations): ties the attempt to its user. */
  userToken?: string | undefined;
  /** From a warning's "test yourself" link: the decision's user and jurisdiction. */
  eventToken?: string | undefined;
}

export interface StartedAttempt {
  attemptId: string;
  jurisdiction: string;
  quizVersion: number;
  locale: string;
  title: string;
  questions: DrawnQuestion[];
}

export interface AnswerResult {
  status: 'accepted' | 'duplicate';
  questionId: string;
  correct: boolean;
  correctOptionId: string;
  trick: Trick;
  trickLabel: string;
  explanation: string;
  score: { answered: number; correct: number; total: number };
}

/** Generate, review and publish quizzes; run attempts; measure them. */
export class EducationService {
  // Published versions never change, so their specs are kept once read (a handful per jurisdiction).
  private readonly specs = new Map<string, QuizSpec>();

  constructor(
    private readonly store: EducationRepository,
    private readonly snapshots: SnapshotHolder,
    private readonly intelligence: IntelligenceHolder,
    private readonly eventTokens: EventTokens,
    private readonly userTokens: QuizUserTokens,
  ) {}

  getQuiz(jurisdiction: string): Promise<Quiz | undefined> {
    return this.store.getQuiz(jurisdiction);
  }

  /** A new draft from what caveat knows now: the official channels and the live campaign. */
  async generateDraft(jurisdiction: string, actor: string, offer?: QuizOffer): Promise<QuizVersion> {
    const snapshot = this.snapshots.snapshot;
    const known = snapshot.jurisdictions.get(jurisdiction);
    if (!known) throw RequestProblem.notFound('params/jurisdiction', `no jurisdiction ${jurisdiction}`);
    const live = snapshot.campaigns.get(jurisdiction)?.[0];
    const generated = generateQuizSpec({
      jurisdiction: known,
      registry: this.intelligence.registry,
      detector: this.intelligence.detector,
      campaign: live ? { id: live.campaign.id, version: live.version, content: live.spec.content } : null,
      ...(offer ? { offer } : {}),
    });
    if (!generated.ok)
      throw RequestProblem.conflict('params/jurisdiction', `cannot generate a quiz: ${generated.reason}`);
    // What the campaign gave the generators could still make a text too long to store: refuse it whole.
    const error = Value.Errors(QuizSpecSchema, generated.spec).First();
    if (error)
      throw RequestProblem.conflict(
        'params/jurisdiction',
        `the generated quiz is not valid at ${error.path}: ${error.message}`,
      );
    return this.store.saveDraft(jurisdiction, live?.campaign.partnerId ?? null, generated.spec, actor);
  }

  approve(jurisdiction: string, actor: string, note: string | null): Promise<QuizVersion> {
    return this.store.approve(jurisdiction, actor, note);
  }

  publish(jurisdiction: string, actor: string): Promise<QuizVersion> {
    return this.store.publish(jurisdiction, actor);
  }

  /** Published quizzes people can take, with their titles. */
  async available(): Promise<{ jurisdiction: string; name: string; title: Record<string, string> }[]> {
    const out = [];
    for (const j of this.snapshots.snapshot.jurisdictions.values()) {
      const version = await this.store.published(j.code);
      if (version) out.push({ jurisdiction: j.code, name: j.name, title: version.spec.title });
    }
    return out;
  }

  /** An offer experiment's arm for a user, and the token that ties their attempt to them. */
  async invite(
    jurisdiction: string,
    userRef: string,
  ): Promise<{ offered: boolean; experiment: string | null; userToken: string | null }> {
    const version = await this.store.published(jurisdiction);
    if (!version) throw RequestProblem.notFound('body/jurisdiction', `no published quiz for ${jurisdiction}`);
    const offer = version.spec.offer;
    const offered = offer ? offeredQuiz(offer, userRef) : true;
    return {
      offered,
      experiment: offer?.experimentKey ?? null,
      userToken: offered ? this.userTokens.issue(userRef) : null,
    };
  }

  async start(input: StartInput): Promise<StartedAttempt> {
    let userRef: string | null = null;
    let decisionId: string | null = null;
    let jurisdiction = input.jurisdiction;
    if (input.userToken !== undefined) {
      userRef = this.userTokens.verify(input.userToken) ?? null;
      if (userRef === null)
        throw RequestProblem.invalid('body/userToken', 'not a quiz user token from this caveat');
    }
    if (input.eventToken !== undefined) {
      decisionId = this.eventTokens.verify(input.eventToken) ?? null;
      const decision = decisionId ? await this.store.decisionUser(decisionId) : undefined;
      if (!decision) throw RequestProblem.invalid('body/eventToken', 'not an event token of a decision here');
      userRef ??= decision.userRef;
      if (jurisdiction && jurisdiction !== decision.jurisdiction)
        throw RequestProblem.invalid('body/jurisdiction', `the warning was for ${decision.jurisdiction}`);
      jurisdiction = decision.jurisdiction;
    }
    if (!jurisdiction)
      throw RequestProblem.invalid('body/jurisdiction', 'say which jurisdiction’s quiz to take');
    const known = this.snapshots.snapshot.jurisdictions.get(jurisdiction);
    const version = known && (await this.store.published(jurisdiction));
    if (!known || !version)
      throw RequestProblem.notFound('body/jurisdiction', `no published quiz for ${jurisdiction}`);
    const locale = resolveLocale(input.locale, QUIZ_LOCALES, known.defaultLocale) ?? 'en';
    const draw = drawQuestions(version.spec, input.attemptId);
    await this.store.startAttempt({
      id: input.attemptId,
      jurisdiction,
      quizVersion: version.version,
      locale,
      userRef,
      decisionId,
      questions: draw.questions.map((d) => ({ id: d.question.id, optionOrder: d.optionOrder })),
    });
    this.specs.set(`${jurisdiction}:${version.version}`, version.spec);
    return {
      attemptId: input.attemptId,
      jurisdiction,
      quizVersion: version.version,
      locale,
      title: version.spec.title[locale] ?? version.spec.title.en ?? '',
      questions: draw.questions.map((d) => presentQuestion(d.question, d.optionOrder, locale)),
    };
  }

  async answer(attemptId: string, questionId: string, optionId: string): Promise<AnswerResult> {
    const attempt = await this.store.getAttempt(attemptId);
    if (!attempt) throw RequestProblem.notFound('params/attemptId', 'no such attempt');
    const drawn = attempt.questions.find((q) => q.id === questionId);
    if (!drawn) throw RequestProblem.invalid('body/questionId', 'this question is not in the attempt');
    if (!drawn.optionOrder.includes(optionId))
      throw RequestProblem.invalid('body/optionId', 'this option is not one of the question’s');
    const spec = await this.specOf(attempt.jurisdiction, attempt.quizVersion);
    const question = spec.questions.find((q) => q.id === questionId);
    if (!question) throw RequestProblem.invalid('body/questionId', 'this question is not in the quiz');
    const correct = optionId === question.correct;
    const status = await this.store.recordAnswer({
      attemptId,
      questionId,
      optionId,
      jurisdiction: attempt.jurisdiction,
      trick: question.trick,
      fooled: !correct,
    });
    const answers = await this.store.answers(attemptId);
    const text = question.text[attempt.locale] ?? question.text.en;
    return {
      status,
      questionId,
      correct,
      correctOptionId: question.correct,
      trick: question.trick,
      trickLabel: text?.trickLabel ?? question.trick,
      explanation: text?.explanation ?? '',
      score: {
        answered: answers.length,
        correct: answers.filter((a) => !a.fooled).length,
        total: attempt.questions.length,
      },
    };
  }

  async measure(filter: {
    jurisdiction?: string | undefined;
    from: Date;
    to: Date;
  }): Promise<QuizMeasurement> {
    const tallies = await this.store.answerTallies(filter);
    const report = fooledReport(tallies);
    const jurisdictions = filter.jurisdiction
      ? [filter.jurisdiction]
      : [...this.snapshots.snapshot.jurisdictions.keys()].sort();
    const laterWarnings: QuizMeasurement['laterWarnings'] = [];
    const experiment: QuizMeasurement['experiment'] = [];
    for (const jurisdiction of jurisdictions) {
      const quiz = await this.store.getQuiz(jurisdiction);
      const published = quiz?.versions.filter((v) => v.state === 'published') ?? [];
      const first = published[0]?.publishedAt;
      if (!first) continue;
      // Warnings before the quiz existed compare nothing: the period starts at its first publication.
      const since = new Date(Math.max(filter.from.getTime(), Date.parse(first)));
      const rows = await this.store.laterWarnings({ jurisdiction, since, to: filter.to });
      laterWarnings.push({ jurisdiction, ...observationalComparison(rows) });
      const offer = published[published.length - 1]?.spec.offer;
      if (offer) {
        const began = published.find((v) => v.spec.offer?.experimentKey === offer.experimentKey)?.publishedAt;
        const start = new Date(Math.max(filter.from.getTime(), Date.parse(began ?? first)));
        const warned = await this.store.firstWarnings({ jurisdiction, since: start, to: filter.to });
        experiment.push({ jurisdiction, ...intentionToTreat(offer, warned) });
      }
    }
    return {
      from: filter.from.toISOString(),
      to: filter.to.toISOString(),
      ...report,
      laterWarnings,
      experiment,
    };
  }

  private async specOf(jurisdiction: string, version: number): Promise<QuizSpec> {
    const key = `${jurisdiction}:${version}`;
    const cached = this.specs.get(key);
    if (cached) return cached;
    const quiz = await this.store.getQuiz(jurisdiction);
    const found = quiz?.versions.find((v) => v.version === version);
    if (!found) throw RequestProblem.notFound('params/attemptId', 'the attempt’s quiz is gone');
    if (this.specs.size > 200) this.specs.clear();
    this.specs.set(key, found.spec);
    return found.spec;
  }
}

const services = new WeakMap<object, Promise<EducationService>>();

/** One service per caveat instance, shared by the quiz routes and the demo seed. */
export function educationOf(
  caveat: Pick<Caveat, 'db' | 'snapshots' | 'intelligence' | 'tokens'>,
): Promise<EducationService> {
  let service = services.get(caveat);
  if (!service) {
    service = ensureSecret(caveat.db, 'quiz_user_token_secret').then(
      (secret) =>
        new EducationService(
          new EducationRepository(caveat.db),
          caveat.snapshots,
          caveat.intelligence,
          caveat.tokens,
          new QuizUserTokens(secret),
        ),
    );
    services.set(caveat, service);
  }
  return service;
}
