import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Caveat } from '../../app/caveat.js';
import { RequestProblem } from '../../errors.js';
import { policyProblems, RelayPolicySchema, type RelayPolicy } from '../../relay/policy.js';
import type { StoredAlert } from '../../store/relay-repository.js';
import { actorOf, type Authenticator } from '../auth.js';
import { problemResponses } from '../schemas.js';

const AlertSchema = Type.Unsafe<StoredAlert>({
  type: 'object',
  additionalProperties: true,
  description:
    'id, seq, partnerId, policyVersion, trigger, decisionId, payload, state, createdAt, deliveredAt, expiresAt',
});
const cursor = Type.String({
  pattern: '^[0-9]{1,18}$',
  description: 'The nextCursor of the previous page; 0 to start',
});

export function relayRoutes(caveat: Caveat, auth: Authenticator): FastifyPluginAsyncTypebox {
  return async (app) => {
    const admin = { preHandler: auth.require('admin') };
    app.post(
      '/v1/admin/partners/:partnerId/relay-policy',
      {
        ...admin,
        schema: {
          tags: ['relay'],
          summary: "Publish a new version of a partner's data-sharing policy",
          security: [{ bearer: [] }],
          params: Type.Object({ partnerId: Type.String({ maxLength: 100 }) }),
          body: RelayPolicySchema,
          response: {
            201: Type.Object({ partnerId: Type.String(), version: Type.Integer() }),
            ...problemResponses,
          },
        },
      },
      async (request, reply) => {
        const { partnerId } = request.params;
        if (!(await caveat.campaigns.getPartner(partnerId)))
          throw RequestProblem.notFound('params/partnerId', `no partner ${partnerId}`);
        const problems = policyProblems(request.body);
        if (problems.length > 0)
          throw new RequestProblem(
            'invalid',
            problems.map((p) => `body${p.field}: ${p.message}`).join('; '),
            problems.map((p) => ({ field: `body${p.field}`, message: p.message })),
          );
        const version = await caveat.relayStore.publishPolicy(partnerId, request.body, actorOf(request));
        await caveat.relay.reload();
        return reply.status(201).send({ partnerId, version });
      },
    );

    app.get(
      '/v1/admin/relay/policies',
      {
        preHandler: auth.require('admin.read'),
        schema: {
          tags: ['relay'],
          summary: "Every partner's published data-sharing policy versions, newest first",
          security: [{ bearer: [] }],
          response: {
            200: Type.Object({
              policies: Type.Array(
                Type.Object({
                  partnerId: Type.String(),
                  version: Type.Integer(),
                  // The published policy as stored; Unsafe keeps the schema without re-deriving its type.
                  policy: Type.Unsafe<RelayPolicy>(RelayPolicySchema),
                  createdBy: Type.String(),
                  createdAt: Type.String(),
                }),
              ),
            }),
            ...problemResponses,
          },
        },
      },
      async () => ({ policies: await caveat.relayStore.policyVersions() }),
    );

    app.post(
      '/v1/admin/partners/:partnerId/webhook-secret',
      {
        ...admin,
        schema: {
          tags: ['relay'],
          summary: 'Rotate the webhook secret; the previous one stays valid until the next rotation',
          security: [{ bearer: [] }],
          params: Type.Object({ partnerId: Type.String({ maxLength: 100 }) }),
          response: { 200: Type.Object({ secret: Type.String() }), ...problemResponses },
        },
      },
      async (request) => {
        const partners = await caveat.relayStore.current();
        if (!partners.some((p) => p.partnerId === request.params.partnerId))
          throw RequestProblem.notFound('params/partnerId', 'this partner has no relay policy');
        const secret = await caveat.relayStore.rotateSecret(request.params.partnerId, actorOf(request));
        await caveat.relay.reload();
        // Shown once, to be handed to the partner; never logged.
        return { secret };
      },
    );

    app.get(
      '/v1/admin/relay/alerts',
      {
        ...admin,
        schema: {
          tags: ['relay'],
          summary: 'Alerts, newest first (state dead lists the dead letters)',
          security: [{ bearer: [] }],
          querystring: Type.Object(
            {
              partnerId: Type.Optional(Type.String({ maxLength: 100 })),
              state: Type.Optional(
                Type.Union([
                  Type.Literal('pending'),
                  Type.Literal('delivered'),
                  Type.Literal('dead'),
                  Type.Literal('pull'),
                ]),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ alerts: Type.Array(AlertSchema) }), ...problemResponses },
        },
      },
      async (request) => ({ alerts: await caveat.relayStore.list(request.query) }),
    );

    app.get(
      '/v1/admin/relay/alerts/:alertId/deliveries',
      {
        ...admin,
        schema: {
          tags: ['relay'],
          summary: 'Every delivery attempt of an alert: result, status code, latency',
          security: [{ bearer: [] }],
          params: Type.Object({ alertId: Type.String({ maxLength: 100 }) }),
          response: {
            200: Type.Object({
              deliveries: Type.Array(
                Type.Object({
                  attemptedAt: Type.String(),
                  result: Type.String(),
                  statusCode: Type.Union([Type.Integer(), Type.Null()]),
                  latencyMs: Type.Integer(),
                  error: Type.Union([Type.String(), Type.Null()]),
                }),
              ),
            }),
            ...problemResponses,
          },
        },
      },
      async (request) => ({ deliveries: await caveat.relayStore.deliveries(request.params.alertId) }),
    );

    app.post(
      '/v1/admin/relay/alerts/:alertId/replay',
      {
        ...admin,
        schema: {
          tags: ['relay'],
          summary: 'Send an undelivered (e.g. dead-lettered) alert again',
          security: [{ bearer: [] }],
          params: Type.Object({ alertId: Type.String({ maxLength: 100 }) }),
          response: { 202: Type.Object({ alertId: Type.String() }), ...problemResponses },
        },
      },
      async (request, reply) => {
        if (!(await caveat.relay.replay(request.params.alertId)))
          throw RequestProblem.conflict('params/alertId', 'no undelivered webhook alert with this id');
        return reply.status(202).send({ alertId: request.params.alertId });
      },
    );

    app.get(
      '/v1/partner/alerts',
      {
        preHandler: auth.require('partner'),
        schema: {
          tags: ['relay'],
          summary:
            "A partner's own alerts after a cursor, oldest first (at least once: keep the last cursor you processed)",
          security: [{ bearer: [] }],
          querystring: Type.Object(
            {
              cursor: Type.Optional(cursor),
              limit: Type.Optional(Type.String({ pattern: '^([1-9][0-9]?|100)$' })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ alerts: Type.Array(AlertSchema), nextCursor: Type.String() }),
            ...problemResponses,
          },
        },
      },
      async (request) => {
        const principal = request.principal;
        const partnerId = principal?.kind === 'api_key' ? principal.key.partnerId : null;
        if (!partnerId) throw new RequestProblem('forbidden', 'this key belongs to no partner', []);
        const after = Number(request.query.cursor ?? '0');
        const alerts = await caveat.relayStore.feed(
          partnerId,
          after,
          Number(request.query.limit ?? '100'),
          new Date(),
        );
        return { alerts, nextCursor: String(alerts.at(-1)?.seq ?? after) };
      },
    );
  };
}
