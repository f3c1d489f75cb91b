import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ScreeningRequestSchema } from '../../screening/request.js';
import type { Caveat } from '../../app/caveat.js';
import type { Authenticator } from '../auth.js';
import { decisionJson } from '../decision-json.js';
import type { DecisionResponse } from '../../screening/decision.js';
import { DecisionResponseSchema, problemResponses } from '../schemas.js';

export function screeningRoutes(caveat: Caveat, auth: Authenticator): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/screenings',
      {
        bodyLimit: 16 * 1024,
        preHandler: auth.require('screening'),
        schema: {
          tags: ['screening'],
          summary: 'Screen a withdrawal attempt',
          description:
            'Decides allow, warn or hold for a withdrawal, records the decision durably, then returns it. ' +
            'Retrying with the same idempotencyKey returns the same decision (status 200, Idempotent-Replayed: true).',
          security: [{ bearer: [] }],
          body: ScreeningRequestSchema,
          response: { 201: DecisionResponseSchema, 200: DecisionResponseSchema, ...problemResponses },
        },
      },
      async (request, reply) => {
        const { response, replayed } = await caveat.screening.screen(request.body);
        caveat.metrics.decisions.inc({
          decision: response.decision,
          jurisdiction: request.body.jurisdiction,
          arm: response.arm ?? 'none',
        });
        if (replayed) reply.header('idempotent-replayed', 'true');
        // The schema above documents the answer; decisionJson writes it (content serialized once).
        return reply
          .status(replayed ? 200 : 201)
          .serializer((payload) => decisionJson(payload as DecisionResponse))
          .send(response);
      },
    );
  };
}
