import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Caveat } from '../../app/caveat.js';
import { RequestProblem } from '../../errors.js';
import { CONSOLE_ROLES } from '../../store/console-user-repository.js';
import { actorOf, type Authenticator } from '../auth.js';
import { SECURITY } from '../scope.js';

// Length over composition rules (NIST SP 800-63B); the cap keeps scrypt's input bounded.
const Password = Type.String({ minLength: 12, maxLength: 256 });
const Params = Type.Object({ id: Type.String({ format: 'uuid' }) });

const UserBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    name: Type.String({ minLength: 1, maxLength: 120 }),
    role: Type.Union(CONSOLE_ROLES.map((role) => Type.Literal(role))),
    jurisdiction: Type.Union([Type.String({ pattern: '^[A-Z]{2}$' }), Type.Null()]),
    partnerId: Type.Union([Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }), Type.Null()]),
    password: Password,
  },
  { additionalProperties: false },
);

/** Console users: who may sign in, with which role and jurisdiction. Admins only. */
export function userRoutes(caveat: Caveat, auth: Authenticator): FastifyPluginAsyncTypebox {
  return async (app) => {
    const admin = { preHandler: auth.require('admin') };
    const tags = ['users'];
    const security = SECURITY;

    app.get('/v1/admin/users', { ...admin, schema: { tags, security } }, async () => ({
      users: await caveat.users.list(),
    }));

    app.post(
      '/v1/admin/users',
      { ...admin, schema: { tags, security, body: UserBody } },
      async (request, reply) =>
        reply.status(201).send(await caveat.users.create(request.body, actorOf(request))),
    );

    app.post(
      '/v1/admin/users/:id/disable',
      {
        ...admin,
        schema: { tags, security, params: Params, summary: 'Disable the user and end their sessions' },
      },
      async (request) => {
        const principal = request.principal;
        // Locking yourself out is never what was meant; another admin can do it.
        if (principal?.kind === 'session' && principal.session.user.id === request.params.id) {
          throw RequestProblem.conflict('params/id', 'you cannot disable yourself');
        }
        return caveat.users.disable(request.params.id, actorOf(request));
      },
    );

    app.post(
      '/v1/admin/users/:id/password',
      {
        ...admin,
        schema: {
          tags,
          security,
          params: Params,
          summary: "Set the user's password and end their sessions",
          body: Type.Object({ password: Password }, { additionalProperties: false }),
        },
      },
      async (request) => caveat.users.setPassword(request.params.id, request.body.password, actorOf(request)),
    );
  };
}
