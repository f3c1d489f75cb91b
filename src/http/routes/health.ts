import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Caveat } from '../../app/caveat.js';

const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('down')]),
  /** Whether screenings can be answered at all (with the fail-safe warning while the store is down). */
  screening: Type.Union([Type.Literal('serving'), Type.Literal('unavailable')]),
  store: Type.Object({
    kind: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
    state: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('down')]),
    latencyMs: Type.Union([Type.Number(), Type.Null()]),
    listener: Type.Union([Type.Literal('connected'), Type.Literal('reconnecting')]),
    reconnects: Type.Integer(),
    checkedAt: Type.Union([Type.String(), Type.Null()]),
    since: Type.String(),
  }),
  spooledDegradedDecisions: Type.Integer(),
  snapshot: Type.Object({
    generation: Type.Integer(),
    builtAt: Type.String(),
    jurisdictions: Type.Integer(),
    liveCampaigns: Type.Integer(),
  }),
});

export function healthRoutes(caveat: Caveat): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['operations'],
          summary: 'Health: the store (ok, degraded, down) and whether screenings are served',
          description:
            'Answers at once from the last background check of the store, never waiting on it. 200 while ' +
            'screenings can be answered (with the fail-safe warning when the store is down: every replica ' +
            'shares the store, so taking them out of rotation would turn warnings into refused connections); ' +
            '503 only when this instance cannot answer screenings at all (no snapshot loaded).',
          response: { 200: HealthSchema, 503: HealthSchema },
        },
      },
      async (_request, reply) => {
        const snapshot = caveat.snapshots.snapshot;
        const store = caveat.health.report();
        // The snapshot is all screening needs from the store once started (the fail-safe answer comes
        // from it too); without one, nothing could be answered.
        const serving = snapshot.generation > 0;
        return reply.status(serving ? 200 : 503).send({
          status: store.state,
          screening: serving ? 'serving' : 'unavailable',
          store: { kind: caveat.db.kind, ...store },
          spooledDegradedDecisions: caveat.spool?.size ?? 0,
          snapshot: {
            generation: snapshot.generation,
            builtAt: snapshot.builtAt,
            jurisdictions: snapshot.jurisdictions.size,
            liveCampaigns: [...snapshot.campaigns.values()].reduce((sum, list) => sum + list.length, 0),
          },
        });
      },
    );
    app.get(
      '/metrics',
      { schema: { tags: ['operations'], summary: 'Prometheus metrics', hide: false } },
      async (_request, reply) => {
        caveat.metrics.snapshotGeneration.set(caveat.snapshots.snapshot.generation);
        caveat.metrics.degradedSpooled.set(caveat.spool?.size ?? 0);
        reply.type(caveat.metrics.registry.contentType);
        return caveat.metrics.registry.metrics();
      },
    );
  };
}
