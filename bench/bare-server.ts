/**
 * The baseline: a bare Fastify endpoint that takes the same JSON body as /v1/screenings (and one for
 * /v1/scam-reports), parses it, and answers a small JSON document. Whatever caveat costs beyond this
 * is its own work.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post('/v1/screenings', async (request, reply) => {
  const body = request.body as { idempotencyKey?: string };
  return reply
    .status(201)
    .send({ id: 'baseline', idempotencyKey: body.idempotencyKey ?? null, decision: 'allow' });
});
// The same for scam-report intake (bench/scam-reports.ts): parse the body, answer a small document.
app.post('/v1/scam-reports', async (request, reply) => {
  const body = request.body as { idempotencyKey?: string };
  return reply
    .status(201)
    .send({ id: 'baseline', reference: 'CVR-0000-0000', status: 'new', key: body.idempotencyKey ?? null });
});
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`listening on ${address}\n`);
