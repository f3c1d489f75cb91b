import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Caveat } from '../../app/caveat.js';
import { resolveDirectoryRefs } from '../../campaigns/directory-refs.js';
import { renderContent } from '../../campaigns/render.js';
import { startingStep } from '../../screening/ladder/index.js';
import { checkSpecRules } from '../../campaigns/spec-rules.js';
import { CampaignSpecSchema, type CampaignSpec } from '../../campaigns/spec.js';
import { RequestProblem } from '../../errors.js';
import type { DecisionResponse } from '../../screening/decision.js';
import type { CampaignWithVersions } from '../../store/campaign-repository.js';
import { ReviewRepository } from '../../store/review-repository.js';
import { loadDirectory } from '../../store/directory-repository.js';
import { actorOf, type Authenticator } from '../auth.js';
import { canSee, SECURITY, visibleCampaign as visibleCampaignOf } from '../scope.js';

const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' });
const Locale = Type.String({ pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$' });
const Params = Type.Object({ id: Slug });
const Note = Type.String({ minLength: 1, maxLength: 2000 });

const CampaignCreateBody = Type.Object(
  {
    id: Slug,
    jurisdiction: Type.String({ pattern: '^[A-Z]{2}$' }),
    partnerId: Type.Optional(Type.Union([Slug, Type.Null()])),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    spec: CampaignSpecSchema,
  },
  { additionalProperties: false },
);
const ApproveBody = Type.Object(
  {
    note: Type.Optional(Note),
    locales: Type.Optional(
      Type.Array(Locale, {
        minItems: 1,
        maxItems: 20,
        description: 'The locales the reviewer read and approves (the statement)',
      }),
    ),
    digest: Type.Optional(
      Type.String({ pattern: '^[0-9a-f]{32}$', description: 'The digest of the draft the reviewer read' }),
    ),
  },
  { additionalProperties: false },
);
const PreviewBody = Type.Object(
  {
    spec: CampaignSpecSchema,
    locale: Locale,
    variant: Type.Optional(Type.Union([Type.String({ maxLength: 32 }), Type.Null()])),
    decision: Type.Optional(Type.Union([Type.Literal('warn'), Type.Literal('hold')])),
  },
  { additionalProperties: false },
);

/**
 * Campaigns: draft → partner review → publish → retire. Admins and API keys with the admin scope
 * see every jurisdiction; a partner reviewer sees, edits and approves only its own jurisdiction's.
 */
export function campaignRoutes(caveat: Caveat, auth: Authenticator): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['campaigns'];
    const security = SECURITY;
    const schema = { tags, security, params: Params };
    const reviews = new ReviewRepository(caveat.db);

    const visibleCampaign = (request: FastifyRequest, id: string): Promise<CampaignWithVersions> =>
      visibleCampaignOf(caveat.campaigns, request, id);

    app.get(
      '/v1/admin/campaigns',
      {
        preHandler: auth.require('campaigns.read'),
        schema: {
          tags,
          security,
          querystring: Type.Object({ jurisdiction: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })) }),
        },
      },
      async (request) => {
        const jurisdiction = request.principal?.jurisdiction ?? request.query.jurisdiction;
        if (request.query.jurisdiction && !canSee(request, request.query.jurisdiction))
          return { campaigns: [] };
        return {
          campaigns: await caveat.campaigns.listCampaigns({ jurisdiction: jurisdiction ?? undefined }),
        };
      },
    );

    app.post(
      '/v1/admin/campaigns',
      { preHandler: auth.require('admin'), schema: { tags, security, body: CampaignCreateBody } },
      async (request, reply) => {
        const { spec, ...rest } = request.body;
        await checkSpec(caveat, rest.jurisdiction, spec, 'body/spec');
        const created = await caveat.campaigns.createCampaign(
          { ...rest, partnerId: rest.partnerId ?? null, demo: false, spec },
          actorOf(request),
        );
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/v1/admin/campaigns/:id',
      { preHandler: auth.require('campaigns.read'), schema },
      async (request) => {
        const campaign = await visibleCampaign(request, request.params.id);
        const draft = campaign.versions.find((v) => v.state === 'draft');
        return {
          ...campaign,
          reviews: await caveat.campaigns.listReviews(campaign.id),
          // Each locale of the draft: untranslated, translated or approved (outside the spec and its digest).
          translation: draft ? await reviews.localeStatuses(campaign.id, draft.version) : [],
        };
      },
    );

    app.put(
      '/v1/admin/campaigns/:id/draft',
      {
        preHandler: auth.require('campaigns.edit'),
        schema: {
          ...schema,
          body: Type.Object({ spec: CampaignSpecSchema }, { additionalProperties: false }),
        },
      },
      async (request) => {
        const campaign = await visibleCampaign(request, request.params.id);
        await checkSpec(caveat, campaign.jurisdiction, request.body.spec, 'body/spec');
        return caveat.campaigns.saveDraft(campaign.id, request.body.spec, actorOf(request));
      },
    );

    app.post(
      '/v1/admin/campaigns/:id/preview',
      {
        preHandler: auth.require('campaigns.read'),
        schema: {
          ...schema,
          summary: 'The decision <caveat-warning preview> takes, rendered from a (possibly unsaved) spec',
          body: PreviewBody,
        },
      },
      async (request) => {
        const campaign = await visibleCampaign(request, request.params.id);
        const { spec, locale } = request.body;
        const { jurisdiction, directory } = await checkSpec(caveat, campaign.jurisdiction, spec, 'body/spec');
        const variant = request.body.variant ?? spec.experiment.variants[0]?.key ?? null;
        if (variant !== null && !spec.experiment.variants.some((v) => v.key === variant))
          throw RequestProblem.invalid('body/variant', `no variant ${variant} in the spec`);
        // The directory's values as they are now: what this draft would show if published today.
        const content = renderContent(resolveDirectoryRefs(spec, directory), locale, jurisdiction, variant);
        if (!content) throw RequestProblem.invalid('body/locale', `the spec has no content for ${locale}`);
        const draft = campaign.versions.find((v) => v.state === 'draft');
        const decision: DecisionResponse = {
          id: 'preview',
          idempotencyKey: 'preview',
          createdAt: new Date().toISOString(),
          decision: request.body.decision ?? spec.action,
          reasons: [{ code: 'campaign_matched', message: 'Preview of the draft' }],
          campaign: { id: campaign.id, version: draft?.version ?? 0, variant },
          arm: 'treatment',
          content,
          minDisplaySeconds: spec.minDisplaySeconds,
          degraded: false,
          // A first warning: the questions step and the first declared presentation.
          step: startingStep(content),
          releaseAt: null,
          presentation: spec.presentations?.[0] ?? null,
          eventToken: null,
        };
        return { decision };
      },
    );

    app.post(
      '/v1/admin/campaigns/:id/submit',
      {
        preHandler: auth.require('campaigns.edit'),
        schema: {
          ...schema,
          summary: 'Send the draft to the partner for review',
          body: Type.Optional(Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false })),
        },
      },
      async (request) => {
        const campaign = await visibleCampaign(request, request.params.id);
        return caveat.campaigns.submitForReview(campaign.id, actorOf(request), request.body?.note ?? null);
      },
    );

    app.post(
      '/v1/admin/campaigns/:id/approve',
      {
        preHandler: auth.require('campaigns.review'),
        schema: {
          ...schema,
          summary:
            'The partner reviewer (or, without a partner, another staff member) approves the draft as it is, locale by locale',
          body: Type.Optional(ApproveBody),
        },
      },
      async (request) => {
        const campaign = await reviewable(request, await visibleCampaign(request, request.params.id));
        const { note, locales, digest } = request.body ?? {};
        if ((locales === undefined) !== (digest === undefined))
          throw RequestProblem.invalid(
            locales === undefined ? 'body/locales' : 'body/digest',
            'an approval statement names both the languages read and the digest of the draft read',
          );
        return caveat.campaigns.approve(
          campaign.id,
          actorOf(request),
          note ?? null,
          locales && digest ? { locales, digest } : undefined,
        );
      },
    );

    app.post(
      '/v1/admin/campaigns/:id/request-changes',
      {
        preHandler: auth.require('campaigns.review'),
        schema: { ...schema, body: Type.Object({ note: Note }, { additionalProperties: false }) },
      },
      async (request) => {
        const campaign = await reviewable(request, await visibleCampaign(request, request.params.id));
        return caveat.campaigns.requestChanges(campaign.id, actorOf(request), request.body.note);
      },
    );

    // Publish, its preview, pause, resume and rollback: campaign-publish.ts.

    app.post(
      '/v1/admin/campaigns/:id/retire',
      { preHandler: auth.require('admin'), schema },
      async (request) => {
        const visible = await visibleCampaign(request, request.params.id);
        const campaign = await caveat.campaigns.retire(visible.id, actorOf(request));
        await caveat.snapshots.reload();
        return campaign;
      },
    );
  };
}

/**
 * A reviewer who speaks for one partner may review only that partner's campaigns. Staff (admins) are
 * the second person for a campaign without a partner; a partner's campaign is approved by its side.
 */
async function reviewable(
  request: FastifyRequest,
  campaign: CampaignWithVersions,
): Promise<CampaignWithVersions> {
  const principal = request.principal;
  const role = principal?.kind === 'session' ? principal.session.user.role : null;
  if (role === 'admin' && campaign.partnerId) {
    throw new RequestProblem(
      'forbidden',
      `session: campaign ${campaign.id} is written with partner ${campaign.partnerId}; its reviewer approves it`,
      [
        {
          field: 'headers/cookie',
          message: `only partner ${campaign.partnerId}'s reviewer approves this campaign`,
        },
      ],
    );
  }
  const partnerId = principal?.kind === 'session' ? principal.session.user.partnerId : null;
  if (partnerId && campaign.partnerId && partnerId !== campaign.partnerId) {
    throw new RequestProblem(
      'forbidden',
      `session: campaign ${campaign.id} is reviewed by ${campaign.partnerId}`,
      [{ field: 'headers/cookie', message: `your session reviews for ${partnerId}` }],
    );
  }
  return campaign;
}

async function checkSpec(caveat: Caveat, jurisdictionCode: string, spec: CampaignSpec, field: string) {
  const jurisdiction = await caveat.campaigns.getJurisdiction(jurisdictionCode);
  if (!jurisdiction)
    throw RequestProblem.invalid('body/jurisdiction', `unknown jurisdiction ${jurisdictionCode}`);
  const directory = await loadDirectory(caveat.db, jurisdiction.code);
  const problems = checkSpecRules(spec, jurisdiction, directory);
  if (problems.length > 0) {
    throw new RequestProblem(
      'invalid',
      problems.map((p) => `${field}${p.field}: ${p.message}`).join('; '),
      problems.map((p) => ({ field: `${field}${p.field}`, message: p.message })),
    );
  }
  return { jurisdiction, directory };
}
