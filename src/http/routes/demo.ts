import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import { DEMO_KEYS } from '../../app/demo-seed.js';
import { formatToken } from '../../store/api-key-repository.js';

const DemoWithdrawal = Type.Object(
  {
    userRef: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
    jurisdiction: Type.String({ pattern: '^[A-Z]{2}$' }),
    locale: Type.String({ pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$' }),
    network: Type.String({ pattern: '^[A-Za-z0-9_-]{2,32}$' }),
    address: Type.String({ minLength: 1, maxLength: 256 }),
    amount: Type.String({ pattern: '^[0-9]{1,12}(\\.[0-9]{1,6})?$' }),
    isNew: Type.Boolean(),
  },
  { additionalProperties: false },
);

/**
 * `caveat serve --demo` only: plays the demo exchange's backend for /demo/withdraw, calling
 * POST /v1/screenings with the demo exchange key exactly as an exchange would.
 */
export const demoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const exchangeKey = formatToken(DEMO_KEYS.exchange.id, DEMO_KEYS.exchange.secret);
  app.post('/demo/screenings', { schema: { hide: true, body: DemoWithdrawal } }, async (request, reply) => {
    const body = request.body;
    const answer = await app.inject({
      method: 'POST',
      url: '/v1/screenings',
      headers: { authorization: `Bearer ${exchangeKey}` },
      payload: {
        idempotencyKey: `demo-${randomUUID()}`,
        userRef: body.userRef,
        jurisdiction: body.jurisdiction,
        locale: body.locale,
        asset: 'USDT',
        network: body.network,
        amount: body.amount,
        // A dollar stablecoin: the amount is its USD value.
        amountUsd: Number(body.amount),
        destination: { address: body.address, isNew: body.isNew, isWhitelisted: false },
        account: { ageDays: 30 },
      },
    });
    return reply
      .status(answer.statusCode)
      .type(String(answer.headers['content-type'] ?? 'application/json'))
      .send(answer.body);
  });
};
