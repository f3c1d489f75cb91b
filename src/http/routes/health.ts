import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Caveat } from '../../app/caveat.js';
import { sendProblem } from '../problem.js';

export function healthRoutes(caveat: Caveat): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/healthz',
      { schema: { tags: ['operations'], summary: 'Liveness and store reachability' } },
      async (_request, reply) => {
        try {
          await caveat.db.query('SELECT 1');
        } catch {
          return sendProblem(reply, 503, 'store: unreachable');
        }
        const snapshot = caveat.snapshots.snapshot;
        return {
          status: 'ok',
          store: caveat.db.kind,
          snapshot: {
            generation: snapshot.generation,
            builtAt: snapshot.builtAt,
            jurisdictions: snapshot.jurisdictions.size,
            liveCampaigns: [...snapshot.campaigns.values()].reduce((sum, list) => sum + list.length, 0),
          },
        };
      },
    );
    app.get(
      '/metrics',
      { schema: { tags: ['operations'], summary: 'Prometheus metrics', hide: false } },
      async (_request, reply) => {
        caveat.metrics.snapshotGeneration.set(caveat.snapshots.snapshot.generation);
        reply.type(caveat.metrics.registry.contentType);
        return caveat.metrics.registry.metrics();
      },
    );
  };
}
