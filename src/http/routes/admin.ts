import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Caveat } from '../../app/caveat.js';
import type { Jurisdiction } from '../../campaigns/model.js';
import { RequestProblem } from '../../errors.js';
import { API_KEY_SCOPES } from '../../store/api-key-repository.js';
import { listAudit } from '../../store/audit-repository.js';
import { actorOf, type Authenticator } from '../auth.js';
import { canSee, SECURITY } from '../scope.js';

const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' });
const JurisdictionCode = Type.String({ pattern: '^[A-Z]{2}$' });
const Locale = Type.String({ pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$' });

const JurisdictionBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    defaultLocale: Locale,
    locales: Type.Array(Locale, { minItems: 1, maxItems: 20 }),
    localeFallback: Type.Optional(Type.Array(Locale, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);
const NewJurisdictionBody = Type.Composite([Type.Object({ code: JurisdictionCode }), JurisdictionBody], {
  additionalProperties: false,
});
const PartnerBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    jurisdiction: JurisdictionCode,
    kind: Type.Union([Type.Literal('police'), Type.Literal('regulator'), Type.Literal('other')]),
    website: Type.Optional(Type.Union([Type.String({ format: 'uri', maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);
const NewPartnerBody = Type.Composite([Type.Object({ id: Slug }), PartnerBody], {
  additionalProperties: false,
});
const ApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    scopes: Type.Array(Type.Union(API_KEY_SCOPES.map((scope) => Type.Literal(scope))), {
      minItems: 1,
      uniqueItems: true,
    }),
    partnerId: Type.Optional(Slug),
  },
  { additionalProperties: false },
);

interface JurisdictionInput {
  code: string;
  name: string;
  defaultLocale: string;
  locales: string[];
  localeFallback?: string[] | undefined;
}

/** The default locale is one of the locales, and a fallback names only locales the jurisdiction has. */
function jurisdictionOf(body: JurisdictionInput): Jurisdiction {
  if (!body.locales.includes(body.defaultLocale)) {
    throw RequestProblem.invalid('body/defaultLocale', 'must be one of locales');
  }
  const unknown = (body.localeFallback ?? []).find((locale) => !body.locales.includes(locale));
  if (unknown) throw RequestProblem.invalid('body/localeFallback', `${unknown} is not one of locales`);
  return { ...body };
}

/** Admin API: jurisdictions, partners, API keys, audit log (campaigns are in campaigns.ts). */
export function adminRoutes(caveat: Caveat, auth: Authenticator): FastifyPluginAsyncTypebox {
  return async (app) => {
    const admin = { preHandler: auth.require('admin') };
    const tags = ['admin'];
    const security = SECURITY;

    // Reviewers need their jurisdiction's locales and partners to edit drafts; they see only theirs.
    app.get(
      '/v1/admin/jurisdictions',
      { preHandler: auth.require('campaigns.read'), schema: { tags, security } },
      async (request) => ({
        jurisdictions: (await caveat.campaigns.listJurisdictions()).filter((j) => canSee(request, j.code)),
      }),
    );

    // POST creates (an existing code is a 409), PUT edits (a missing one is a 404): an "Add" form
    // can never overwrite a live jurisdiction.
    app.post(
      '/v1/admin/jurisdictions',
      { ...admin, schema: { tags, security, body: NewJurisdictionBody } },
      async (request, reply) => {
        const created = await caveat.campaigns.createJurisdiction(
          jurisdictionOf(request.body),
          actorOf(request),
        );
        return reply.status(201).send(created);
      },
    );

    app.put(
      '/v1/admin/jurisdictions/:code',
      {
        ...admin,
        schema: { tags, security, params: Type.Object({ code: JurisdictionCode }), body: JurisdictionBody },
      },
      async (request) =>
        caveat.campaigns.updateJurisdiction(
          jurisdictionOf({ code: request.params.code, ...request.body }),
          actorOf(request),
        ),
    );

    app.get(
      '/v1/admin/partners',
      { preHandler: auth.require('campaigns.read'), schema: { tags, security } },
      async (request) => ({
        partners: (await caveat.campaigns.listPartners()).filter((p) => canSee(request, p.jurisdiction)),
      }),
    );

    app.post(
      '/v1/admin/partners',
      { ...admin, schema: { tags, security, body: NewPartnerBody } },
      async (request, reply) => {
        const created = await caveat.campaigns.createPartner(
          { ...request.body, website: request.body.website ?? null },
          actorOf(request),
        );
        return reply.status(201).send(created);
      },
    );

    app.put(
      '/v1/admin/partners/:id',
      { ...admin, schema: { tags, security, params: Type.Object({ id: Slug }), body: PartnerBody } },
      async (request) =>
        caveat.campaigns.updatePartner({ id: request.params.id, ...request.body }, actorOf(request)),
    );

    app.get('/v1/admin/api-keys', { ...admin, schema: { tags, security } }, async () => ({
      apiKeys: await caveat.apiKeys.list(),
    }));

    app.post(
      '/v1/admin/api-keys',
      { ...admin, schema: { tags, security, body: ApiKeyBody } },
      async (request, reply) => {
        if (request.body.partnerId && !(await caveat.campaigns.getPartner(request.body.partnerId))) {
          throw RequestProblem.invalid('body/partnerId', `no partner ${request.body.partnerId}`);
        }
        if (request.body.partnerId && request.body.scopes.some((scope: string) => scope === 'admin')) {
          // A partner's key sees one jurisdiction; administering would reach all of them.
          throw RequestProblem.invalid('body/partnerId', 'an admin key cannot be bound to a partner');
        }
        const created = await caveat.apiKeys.create(request.body, actorOf(request));
        return reply.status(201).send({ ...created.key, token: created.token });
      },
    );

    app.post(
      '/v1/admin/api-keys/:id/revoke',
      {
        ...admin,
        schema: {
          tags,
          security,
          params: Type.Object({ id: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }) }),
        },
      },
      async (request) => {
        const revoked = await caveat.apiKeys.revoke(request.params.id, actorOf(request));
        // Other instances drop it when the revocation's NOTIFY arrives.
        auth.forgetKey(revoked.id);
        return revoked;
      },
    );

    app.get(
      '/v1/admin/audit',
      {
        preHandler: auth.require('admin.read'),
        schema: {
          tags,
          security,
          querystring: Type.Object({
            entity: Type.Optional(Type.String({ maxLength: 40 })),
            entityId: Type.Optional(Type.String({ maxLength: 128 })),
            before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
            limit: Type.Optional(Type.String({ pattern: '^([1-9][0-9]?|[1-4][0-9]{2}|500)$' })),
          }),
        },
      },
      async (request) => ({
        entries: await listAudit(caveat.db, {
          entity: request.query.entity,
          entityId: request.query.entityId,
          beforeId: request.query.before ? Number(request.query.before) : undefined,
          limit: request.query.limit ? Number(request.query.limit) : 100,
        }),
      }),
    );
  };
}
