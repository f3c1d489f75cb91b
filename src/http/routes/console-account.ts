import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Caveat } from '../../app/caveat.js';
import { consoleSignInOf } from '../../app/console-sign-in.js';
import { RequestProblem } from '../../errors.js';
import { actorOf, type Authenticator } from '../auth.js';
import type { FastifyRequest } from 'fastify';

const CodeBody = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{6}$', description: 'The 6-digit code the app shows now' }) },
  { additionalProperties: false },
);
const Params = Type.Object({ id: Type.String({ format: 'uuid' }) });

/**
 * One's own console account: enrolling an authenticator app as second factor. The secret is in the
 * answer to the POST that starts enrolment and nowhere else (never logged, never read back). An
 * admin resets a user's second factor when a phone is lost (audited, their sessions end).
 */
export function consoleAccountRoutes(caveat: Caveat, auth: Authenticator): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['console'];
    const signIns = consoleSignInOf(caveat);
    const own = { preHandler: auth.require('account.totp') };
    const me = (request: FastifyRequest) => {
      const principal = request.principal;
      if (principal?.kind !== 'session')
        throw new RequestProblem('forbidden', 'Only a person signed in to the console has an account here.', [
          { field: 'headers/cookie', message: 'sign in to the console' },
        ]);
      return principal.session.user;
    };

    app.post(
      '/v1/console/account/totp',
      {
        ...own,
        schema: {
          tags,
          summary: 'Start setting up an authenticator app: a new secret, shown this once',
          response: {
            200: Type.Object({ uri: Type.String(), secret: Type.String() }),
          },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return signIns.startTotp(me(request));
      },
    );

    app.post(
      '/v1/console/account/totp/verify',
      { ...own, schema: { tags, summary: 'Confirm the authenticator app with a code', body: CodeBody } },
      async (request) => ({
        user: await signIns.confirmTotp(me(request), request.body.code, actorOf(request)),
      }),
    );

    app.post(
      '/v1/admin/users/:id/totp/reset',
      {
        preHandler: auth.require('admin'),
        schema: {
          tags: ['users'],
          params: Params,
          summary: "Turn off a user's second factor (a lost phone) and end their sessions",
        },
      },
      async (request) => caveat.users.resetTotp(request.params.id, actorOf(request)),
    );
  };
}
