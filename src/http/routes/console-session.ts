import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caveat } from '../../app/caveat.js';
import { consoleSignInOf } from '../../app/console-sign-in.js';
import { RequestProblem } from '../../errors.js';
import { SESSION_LIFETIME_MS, type ConsoleSession } from '../../store/console-user-repository.js';
import { SESSION_COOKIE, type Authenticator } from '../auth.js';
import { sendProblem } from '../problem.js';

const SignInBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    totp: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: 'The authenticator-app code' })),
  },
  { additionalProperties: false },
);

/**
 * Console sign-in. The session lives in an HttpOnly, SameSite=Strict cookie (Secure over HTTPS or
 * when COOKIE_SECURE=true); the response carries the CSRF token the console sends back on every change.
 */
export function consoleSessionRoutes(caveat: Caveat, auth: Authenticator): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(rateLimit, { global: false });
    const tags = ['console'];
    const secure = (request: FastifyRequest) =>
      caveat.config.cookieSecure === 'auto' ? request.protocol === 'https' : caveat.config.cookieSecure;
    const signIns = consoleSignInOf(caveat);
    const answer = (session: ConsoleSession, mustEnrolTotp: boolean) => ({
      user: session.user,
      csrfToken: auth.csrfToken(session),
      mustEnrolTotp,
    });

    app.post(
      '/v1/console/session',
      {
        // Slows password guessing from one address; scrypt makes each guess cost ~0.4 s of CPU too.
        config: { rateLimit: { max: caveat.config.signInPerMinute, timeWindow: '1 minute' } },
        schema: { tags, summary: 'Sign in to the console', body: SignInBody },
      },
      async (request, reply) => {
        let opened: Awaited<ReturnType<typeof signIns.signIn>>;
        try {
          opened = await signIns.signIn(request.body);
        } catch (error) {
          if (error instanceof RequestProblem) caveat.metrics.signIns.inc({ result: 'refused' });
          throw error;
        }
        caveat.metrics.signIns.inc({ result: 'ok' });
        reply.setCookie(SESSION_COOKIE, opened.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: secure(request),
          maxAge: SESSION_LIFETIME_MS / 1000,
        });
        // The cookie is set either way; until enrolment it opens only the enrolment routes.
        return answer(opened.session, auth.mustEnrolTotp(opened.session.user));
      },
    );

    app.get(
      '/v1/console/session',
      { schema: { tags, summary: 'The signed-in user and CSRF token' } },
      async (request, reply) => {
        const principal = await auth.principal(request);
        if (principal?.kind !== 'session') return notSignedIn(reply);
        return answer(principal.session, principal.mustEnrolTotp);
      },
    );

    app.delete(
      '/v1/console/session',
      { preHandler: auth.require('session.end'), schema: { tags, summary: 'Sign out' } },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token && request.principal) await caveat.users.closeSession(token, request.principal.actor);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send();
      },
    );
  };
}

function notSignedIn(reply: FastifyReply) {
  return sendProblem(reply, 401, 'headers/cookie: not signed in', [
    { field: 'headers/cookie', message: 'sign in first' },
  ]);
}
