import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CampaignSpecSchema, type CampaignSpec } from '../../campaigns/spec.js';
import { checkSpecRules } from '../../campaigns/spec-rules.js';
import type { Caveat } from '../../app/caveat.js';
import { RequestProblem } from '../../errors.js';
import { API_KEY_SCOPES } from '../../store/api-key-repository.js';
import { listAudit } from '../../store/audit-repository.js';
import { actorOf, type Authenticator } from '../auth.js';

const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' });
const JurisdictionCode = Type.String({ pattern: '^[A-Z]{2}$' });
const Locale = Type.String({ pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$' });

const JurisdictionBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    defaultLocale: Locale,
    locales: Type.Array(Locale, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);
const PartnerBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    jurisdiction: JurisdictionCode,
    kind: Type.Union([Type.Literal('police'), Type.Literal('regulator'), Type.Literal('other')]),
    website: Type.Optional(Type.Union([Type.String({ format: 'uri', maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);
const CampaignCreateBody = Type.Object(
  {
    id: Slug,
    jurisdiction: JurisdictionCode,
    partnerId: Type.Optional(Type.Union([Slug, Type.Null()])),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    spec: CampaignSpecSchema,
  },
  { additionalProperties: false },
);
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

/** Admin API: jurisdictions, partners, campaigns (draft → publish → retire), API keys, audit log. */
export function adminRoutes(caveat: Caveat, auth: Authenticator): FastifyPluginAsyncTypebox {
  return async (app) => {
    const admin = { preHandler: auth.require('admin') };
    const tags = ['admin'];
    const security = [{ bearer: [] }];

    app.get('/v1/admin/jurisdictions', { ...admin, schema: { tags, security } }, async () => ({
      jurisdictions: await caveat.campaigns.listJurisdictions(),
    }));

    app.put(
      '/v1/admin/jurisdictions/:code',
      {
        ...admin,
        schema: { tags, security, params: Type.Object({ code: JurisdictionCode }), body: JurisdictionBody },
      },
      async (request) => {
        const { code } = request.params;
        if (!request.body.locales.includes(request.body.defaultLocale)) {
          throw RequestProblem.invalid('body/defaultLocale', 'must be one of locales');
        }
        return caveat.campaigns.putJurisdiction({ code, ...request.body }, actorOf(request));
      },
    );

    app.get('/v1/admin/partners', { ...admin, schema: { tags, security } }, async () => ({
      partners: await caveat.campaigns.listPartners(),
    }));

    app.put(
      '/v1/admin/partners/:id',
      { ...admin, schema: { tags, security, params: Type.Object({ id: Slug }), body: PartnerBody } },
      async (request) =>
        caveat.campaigns.putPartner(
          { id: request.params.id, ...request.body, website: request.body.website ?? null },
          actorOf(request),
        ),
    );

    app.get(
      '/v1/admin/campaigns',
      {
        ...admin,
        schema: {
          tags,
          security,
          querystring: Type.Object({ jurisdiction: Type.Optional(JurisdictionCode) }),
        },
      },
      async (request) => ({
        campaigns: await caveat.campaigns.listCampaigns({ jurisdiction: request.query.jurisdiction }),
      }),
    );

    app.post(
      '/v1/admin/campaigns',
      { ...admin, schema: { tags, security, body: CampaignCreateBody } },
      async (request, reply) => {
        const { spec, ...rest } = request.body;
        await checkSpec(caveat, rest.jurisdiction, spec);
        const created = await caveat.campaigns.createCampaign(
          { ...rest, partnerId: rest.partnerId ?? null, demo: false, spec },
          actorOf(request),
        );
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/v1/admin/campaigns/:id',
      { ...admin, schema: { tags, security, params: Type.Object({ id: Slug }) } },
      async (request) => {
        const campaign = await caveat.campaigns.getCampaign(request.params.id);
        if (!campaign) throw RequestProblem.notFound('params/id', `no campaign ${request.params.id}`);
        return campaign;
      },
    );

    app.put(
      '/v1/admin/campaigns/:id/draft',
      {
        ...admin,
        schema: {
          tags,
          security,
          params: Type.Object({ id: Slug }),
          body: Type.Object({ spec: CampaignSpecSchema }, { additionalProperties: false }),
        },
      },
      async (request) => {
        const campaign = await caveat.campaigns.getCampaign(request.params.id);
        if (!campaign) throw RequestProblem.notFound('params/id', `no campaign ${request.params.id}`);
        await checkSpec(caveat, campaign.jurisdiction, request.body.spec);
        return caveat.campaigns.saveDraft(campaign.id, request.body.spec, actorOf(request));
      },
    );

    app.post(
      '/v1/admin/campaigns/:id/publish',
      { ...admin, schema: { tags, security, params: Type.Object({ id: Slug }) } },
      async (request) => {
        const version = await caveat.campaigns.publish(request.params.id, actorOf(request));
        // This instance answers with the new campaign live; others follow on NOTIFY.
        await caveat.snapshots.reload();
        return version;
      },
    );

    app.post(
      '/v1/admin/campaigns/:id/retire',
      { ...admin, schema: { tags, security, params: Type.Object({ id: Slug }) } },
      async (request) => {
        const campaign = await caveat.campaigns.retire(request.params.id, actorOf(request));
        await caveat.snapshots.reload();
        return campaign;
      },
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
        auth.forget();
        return revoked;
      },
    );

    app.get(
      '/v1/admin/audit',
      {
        ...admin,
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

async function checkSpec(caveat: Caveat, jurisdictionCode: string, spec: CampaignSpec): Promise<void> {
  const jurisdiction = await caveat.campaigns.getJurisdiction(jurisdictionCode);
  if (!jurisdiction)
    throw RequestProblem.invalid('body/jurisdiction', `unknown jurisdiction ${jurisdictionCode}`);
  const problems = checkSpecRules(spec, jurisdiction);
  if (problems.length > 0) {
    throw new RequestProblem(
      'invalid',
      problems.map((p) => `body/spec${p.field}: ${p.message}`).join('; '),
      problems.map((p) => ({ field: `body/spec${p.field}`, message: p.message })),
    );
  }
}
