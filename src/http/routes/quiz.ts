import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { educationOf } from '../../app/education-service.js';
import type { Caveat } from '../../app/caveat.js';
import { QuizOfferSchema, TRICKS } from '../../education/model.js';
import { RequestProblem } from '../../errors.js';
import { actorOf, type Authenticator } from '../auth.js';
import { problemResponses } from '../schemas.js';
import { canSee, requireVisible, SECURITY } from '../scope.js';

const JurisdictionCode = Type.String({ pattern: '^[A-Z]{2}$' });
const Uuid = Type.String({
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
  description: 'Chosen by the client (a random UUID); it also seeds the draw',
});
const Token = Type.String({ minLength: 10, maxLength: 400 });
const Note = Type.String({ minLength: 1, maxLength: 2000 });
const Params = Type.Object({ jurisdiction: JurisdictionCode });

const StartBody = Type.Object(
  {
    attemptId: Uuid,
    jurisdiction: Type.Optional(JurisdictionCode),
    locale: Type.String({ pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$', maxLength: 35 }),
    userToken: Type.Optional(Token),
    eventToken: Type.Optional(Token),
  },
  { additionalProperties: false },
);
const DrawnQuestionSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  prompt: Type.String(),
  body: Type.Optional(Type.String()),
  channel: Type.Optional(Type.String()),
  options: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })),
});
const StartedSchema = Type.Object({
  attemptId: Type.String(),
  jurisdiction: Type.String(),
  quizVersion: Type.Integer(),
  locale: Type.String(),
  title: Type.String(),
  questions: Type.Array(DrawnQuestionSchema),
});
const AnswerBody = Type.Object(
  {
    questionId: Type.String({ minLength: 1, maxLength: 120 }),
    optionId: Type.String({ pattern: '^[a-z]$' }),
  },
  { additionalProperties: false },
);
const AnswerSchema = Type.Object({
  status: Type.Union([Type.Literal('accepted'), Type.Literal('duplicate')]),
  questionId: Type.String(),
  correct: Type.Boolean(),
  correctOptionId: Type.String(),
  trick: Type.String({ description: TRICKS.join(' | ') }),
  trickLabel: Type.String(),
  explanation: Type.String(),
  score: Type.Object({ answered: Type.Integer(), correct: Type.Integer(), total: Type.Integer() }),
});
const Anything = (description: string) =>
  Type.Unsafe<object>({ type: 'object', additionalProperties: true, description });

/**
 * The phishing-awareness quiz: public attempts (anonymous unless the exchange vouches for its user),
 * drafts generated from caveat's knowledge, partner approval, publication, and measurement.
 */
export function quizRoutes(caveat: Caveat, auth: Authenticator): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(rateLimit, { global: false });
    const service = await educationOf(caveat);
    const perMinute = caveat.config.publicLookupPerMinute;
    const tags = ['quiz'];

    app.get(
      '/public/quiz',
      {
        config: { rateLimit: { max: perMinute, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'The quizzes people can take, by jurisdiction',
          response: {
            200: Type.Object({
              quizzes: Type.Array(
                Type.Object({
                  jurisdiction: Type.String(),
                  name: Type.String(),
                  title: Type.Record(Type.String(), Type.String()),
                }),
              ),
            }),
          },
        },
      },
      async () => ({ quizzes: await service.available() }),
    );

    app.post(
      '/public/quiz/attempts',
      {
        bodyLimit: 2048,
        config: { rateLimit: { max: perMinute, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Start an attempt: a balanced draw from the published quiz, without the answers',
          description:
            'Anonymous by default. A userToken from POST /v1/quiz/invitations, or the eventToken of a decision ' +
            '(the warning\'s "test yourself" link), ties the attempt to that pseudonymous user. An attemptId ' +
            'already used is a 409 and nothing is written.',
          body: StartBody,
          response: { 200: StartedSchema, ...problemResponses },
        },
      },
      async (request) => service.start(request.body),
    );

    app.post(
      '/public/quiz/attempts/:attemptId/answers',
      {
        bodyLimit: 512,
        // Eight answers per attempt.
        config: { rateLimit: { max: perMinute * 8, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Answer one question: whether it was right, the explanation naming the trick, the score',
          description:
            'Idempotent: the same answer again is a duplicate with the same result; another option for a question ' +
            'already answered is a 409. A question not in the attempt is a 400. Nothing is written on a refusal.',
          params: Type.Object({ attemptId: Uuid }),
          body: AnswerBody,
          response: { 200: AnswerSchema, ...problemResponses },
        },
      },
      async (request) =>
        service.answer(request.params.attemptId, request.body.questionId, request.body.optionId),
    );

    app.post(
      '/v1/quiz/invitations',
      {
        preHandler: auth.require('screening'),
        schema: {
          tags,
          summary: 'Whether to offer a signed-in user the quiz, and a token tying their attempt to them',
          description:
            'With an offer experiment in the published quiz, a stable random share of users is offered it ' +
            '(offered: false, userToken: null for the others); without one, everyone is.',
          security: [{ bearer: [] }],
          body: Type.Object(
            { jurisdiction: JurisdictionCode, userRef: Type.String({ minLength: 1, maxLength: 128 }) },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              offered: Type.Boolean(),
              experiment: Type.Union([Type.String(), Type.Null()]),
              userToken: Type.Union([Type.String(), Type.Null()]),
            }),
            ...problemResponses,
          },
        },
      },
      async (request) => service.invite(request.body.jurisdiction, request.body.userRef),
    );

    const visible = (request: FastifyRequest, jurisdiction: string) =>
      requireVisible(request, jurisdiction, 'params/jurisdiction', `quiz for ${jurisdiction}`);
    const admin = { tags, security: SECURITY, params: Params };

    app.get(
      '/v1/admin/quizzes/:jurisdiction',
      {
        preHandler: auth.require('campaigns.read'),
        schema: {
          ...admin,
          summary: 'A quiz with its versions and review',
          response: { 200: Anything('Quiz'), ...problemResponses },
        },
      },
      async (request) => {
        visible(request, request.params.jurisdiction);
        const quiz = await service.getQuiz(request.params.jurisdiction);
        if (!quiz)
          throw RequestProblem.notFound('params/jurisdiction', `no quiz for ${request.params.jurisdiction}`);
        return quiz;
      },
    );

    app.post(
      '/v1/admin/quizzes/:jurisdiction/draft',
      {
        preHandler: auth.require('campaigns.edit'),
        schema: {
          ...admin,
          summary: 'Generate a draft from the official channels, the lookalike tricks and the live campaign',
          body: Type.Optional(
            Type.Object({ offer: Type.Optional(QuizOfferSchema) }, { additionalProperties: false }),
          ),
          response: { 200: Anything('QuizVersion'), ...problemResponses },
        },
      },
      async (request) => {
        visible(request, request.params.jurisdiction);
        return service.generateDraft(request.params.jurisdiction, actorOf(request), request.body?.offer);
      },
    );

    app.post(
      '/v1/admin/quizzes/:jurisdiction/approve',
      {
        preHandler: auth.require('campaigns.review'),
        schema: {
          ...admin,
          summary: "The partner's reviewer approves the draft as it is",
          body: Type.Optional(Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false })),
          response: { 200: Anything('QuizVersion'), ...problemResponses },
        },
      },
      async (request) => {
        visible(request, request.params.jurisdiction);
        const quiz = await service.getQuiz(request.params.jurisdiction);
        const principal = request.principal;
        const reviewer = principal?.kind === 'session' ? principal.session.user.partnerId : null;
        if (reviewer && quiz?.partnerId && reviewer !== quiz.partnerId)
          throw new RequestProblem('forbidden', `session: this quiz is reviewed by ${quiz.partnerId}`, [
            { field: 'headers/cookie', message: `your session reviews for ${reviewer}` },
          ]);
        return service.approve(request.params.jurisdiction, actorOf(request), request.body?.note ?? null);
      },
    );

    app.post(
      '/v1/admin/quizzes/:jurisdiction/publish',
      {
        preHandler: auth.require('admin'),
        schema: {
          ...admin,
          summary: "Publish the draft; with a partner named, only after the partner's approval",
          response: { 200: Anything('QuizVersion'), ...problemResponses },
        },
      },
      async (request) => {
        visible(request, request.params.jurisdiction);
        return service.publish(request.params.jurisdiction, actorOf(request));
      },
    );

    app.get(
      '/v1/quiz-measurement',
      {
        preHandler: auth.require('reports'),
        schema: {
          tags,
          security: SECURITY,
          summary:
            'Share fooled per question, trick and jurisdiction (95% Wilson), and outcomes at later warnings',
          querystring: Type.Object(
            {
              jurisdiction: Type.Optional(JurisdictionCode),
              from: Type.Optional(Type.String({ format: 'date-time' })),
              to: Type.Optional(Type.String({ format: 'date-time' })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Anything('QuizMeasurement'), ...problemResponses },
        },
      },
      async (request) => {
        const restricted = request.principal?.jurisdiction ?? null;
        const jurisdiction = restricted ?? request.query.jurisdiction;
        if (request.query.jurisdiction && !canSee(request, request.query.jurisdiction))
          throw RequestProblem.notFound(
            'querystring/jurisdiction',
            `no quiz for ${request.query.jurisdiction}`,
          );
        const to = request.query.to ? new Date(request.query.to) : new Date();
        const from = request.query.from
          ? new Date(request.query.from)
          : new Date(to.getTime() - 90 * 86_400_000);
        if (from >= to) throw RequestProblem.invalid('querystring/from', 'must be before to');
        return service.measure({ jurisdiction, from, to });
      },
    );
  };
}
