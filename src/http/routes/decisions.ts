import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Caveat } from '../../app/caveat.js';
import { LadderStepSchema } from '../../campaigns/spec.js';
import { RequestProblem } from '../../errors.js';
import { actorOf, type Authenticator } from '../auth.js';
import { DecisionStatusSchema, problemResponses } from '../schemas.js';

const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/**
 * Where a decision stands on the friction ladder: the exchange (or the element, with the
 * decision's event token) asks whether to keep holding; staff release a hold after talking to the user.
 */
export function decisionRoutes(caveat: Caveat, auth: Authenticator): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['screening'];
    app.get(
      '/v1/decisions/holds',
      {
        preHandler: auth.require('decisions.release'),
        schema: {
          tags,
          summary: 'Withdrawals held now (cooling-off, review, reported destinations), newest first',
          security: [{ bearer: [] }],
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  decisionId: Type.String(),
                  jurisdiction: Type.String(),
                  decidedAt: Type.String({ format: 'date-time' }),
                  heldSince: Type.String({ format: 'date-time' }),
                  asset: Type.String(),
                  amountUsd: Type.Number(),
                  campaignId: Type.Union([Type.String(), Type.Null()]),
                  step: LadderStepSchema,
                  releaseAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
                }),
              ),
            }),
            ...problemResponses,
          },
        },
      },
      async (request) => ({
        items: await caveat.ladder.waitingHolds({
          jurisdiction: request.principal?.jurisdiction,
          now: new Date(),
        }),
      }),
    );

    app.get(
      '/v1/decisions/:id',
      {
        preHandler: auth.require('events', { eventTokens: true }),
        schema: {
          tags,
          summary: "A decision's ladder status: hold with releaseAt, or released",
          security: [{ bearer: [] }],
          params: Params,
          response: {
            200: Type.Composite([
              DecisionStatusSchema,
              Type.Object({
                answers: Type.Array(Type.Object({ questionId: Type.String(), answerId: Type.String() })),
                completion: Type.Union([
                  Type.Object({
                    completed: Type.Boolean(),
                    occurredAt: Type.String({ format: 'date-time' }),
                  }),
                  Type.Null(),
                ]),
              }),
            ]),
            ...problemResponses,
          },
        },
      },
      async (request) => {
        const principal = request.principal;
        const id = request.params.id;
        if (principal?.kind === 'event_token' && principal.decisionId !== id)
          throw RequestProblem.notFound('params/id', `no decision ${id}`);
        const status = await caveat.ladder.status(id, {
          jurisdiction: principal?.jurisdiction,
          now: new Date(),
        });
        if (!status) throw RequestProblem.notFound('params/id', `no decision ${id}`);
        return status;
      },
    );

    app.post(
      '/v1/decisions/:id/release',
      {
        preHandler: auth.require('decisions.release'),
        schema: {
          tags,
          summary: 'Release a held withdrawal (staff, after talking to the user); audited',
          security: [{ bearer: [] }],
          params: Params,
          body: Type.Object(
            { note: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })) },
            { additionalProperties: false },
          ),
          response: { 200: DecisionStatusSchema, ...problemResponses },
        },
      },
      async (request) =>
        caveat.ladder.release(request.params.id, {
          actor: actorOf(request),
          note: request.body.note ?? null,
          now: new Date(),
          jurisdiction: request.principal?.jurisdiction,
        }),
    );
  };
}
