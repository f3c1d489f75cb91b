import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { EventBatchSchema } from '../../measurement/event-input.js';
import type { Caveat } from '../../app/caveat.js';
import { withinStoreBudget } from '../../app/store-budget.js';
import type { Authenticator } from '../auth.js';
import { DecisionStatusSchema, ProblemSchema, problemResponses } from '../schemas.js';

// Inside the 2 s budget, with room for the 503 to be written under load.
const EVENTS_BUDGET_MS = 1700;

export function eventRoutes(caveat: Caveat, auth: Authenticator): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/events',
      {
        bodyLimit: 128 * 1024,
        preHandler: auth.require('events', { eventTokens: true }),
        schema: {
          tags: ['events'],
          summary: 'Report what users did after a decision',
          description:
            'A batch of reactions, each with a client event id. A retried event (same id, same content) is ' +
            'reported as duplicate and not counted twice; reusing an id for a different event is a 409. ' +
            'The batch is all or nothing. Authorize with an API key with the events scope, or with the ' +
            "decision's eventToken (then only that decision's events are accepted). " +
            "answered (questionId, answerId) records an answer to the warning's questions; its result carries " +
            'the ladder: the step the answers led to, and hold with releaseAt when the exchange must wait. ' +
            'withdrawal_completed / withdrawal_not_completed are reported once per decision by the exchange ' +
            'backend (API key), with the time the money left or the attempt ended.',
          security: [{ bearer: [] }],
          body: EventBatchSchema,
          response: {
            200: Type.Object({
              results: Type.Array(
                Type.Object({
                  id: Type.String(),
                  status: Type.Union([Type.Literal('accepted'), Type.Literal('duplicate')]),
                  ladder: Type.Optional(DecisionStatusSchema),
                }),
              ),
            }),
            ...problemResponses,
            503: ProblemSchema,
          },
        },
      },
      async (request) => {
        const principal = request.principal;
        // A stalled store answers 503 with Retry-After within the budget; the element's outbox retries,
        // and a retried event that did commit meanwhile is a duplicate, never counted twice.
        const result = await withinStoreBudget(
          caveat.eventService.ingest(request.body.events, {
            onlyDecisionId: principal?.kind === 'event_token' ? principal.decisionId : undefined,
            jurisdiction: principal?.jurisdiction ?? null,
            abandonAfterMs: caveat.config.abandonAfterMs,
            now: new Date(),
          }),
          EVENTS_BUDGET_MS,
        );
        request.body.events.forEach((event, index) => {
          if (result.results[index]?.status === 'accepted')
            caveat.metrics.eventsAccepted.inc({ type: event.type });
        });
        return result;
      },
    );
  };
}
