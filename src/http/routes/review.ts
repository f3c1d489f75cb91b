import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Caveat } from '../../app/caveat.js';
import { diffContent } from '../../campaigns/content-diff.js';
import { resolveDirectoryRefs } from '../../campaigns/directory-refs.js';
import { specDigest } from '../../campaigns/spec-digest.js';
import { RequestProblem } from '../../errors.js';
import type { CampaignWithVersions } from '../../store/campaign-repository.js';
import { loadDirectory } from '../../store/directory-repository.js';
import { ReviewRepository, type ReviewerScope } from '../../store/review-repository.js';
import { actorOf, type Authenticator } from '../auth.js';
import { SECURITY, visibleCampaign as visibleCampaignOf } from '../scope.js';

const Params = Type.Object({ id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }) });
const Locale = Type.String({ pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$' });
const FieldPath = Type.String({
  pattern: '^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+){0,5}$',
  description: 'The field commented on, as the diff names it: "title", "tips/1", "contacts/0/phone"',
});

/**
 * The review around a draft: the reviewer inbox, notifications, comments on a field, the
 * translation status of each locale and the redline of the draft against the live version.
 * Submit, approve, request changes and publish themselves are in campaigns.ts / campaign-publish.ts.
 */
export function reviewRoutes(caveat: Caveat, auth: Authenticator): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['review'];
    const security = SECURITY;
    const schema = { tags, security, params: Params };
    const reviews = new ReviewRepository(caveat.db);

    const visibleCampaign = (request: FastifyRequest, id: string): Promise<CampaignWithVersions> =>
      visibleCampaignOf(caveat.campaigns, request, id);
    const scopeOf = (request: FastifyRequest): ReviewerScope => {
      const principal = request.principal;
      const partnerId =
        principal?.kind === 'session'
          ? principal.session.user.partnerId
          : principal?.kind === 'api_key'
            ? principal.key.partnerId
            : null;
      return { jurisdiction: principal?.jurisdiction ?? null, partnerId: partnerId ?? null };
    };
    const userIdOf = (request: FastifyRequest): string | null =>
      request.principal?.kind === 'session' ? request.principal.session.user.id : null;

    app.get(
      '/v1/admin/review-inbox',
      {
        preHandler: auth.require('campaigns.read'),
        schema: {
          tags,
          security,
          summary:
            'Drafts waiting in review for the caller: submitted, changes requested, approved and not published',
        },
      },
      async (request) => {
        const items = await reviews.inbox(scopeOf(request));
        const principal = request.principal;
        const role = principal?.kind === 'session' ? principal.session.user.role : null;
        // What waits on this person: a reviewer approves any of theirs, staff only partnerless ones.
        const waiting = items.filter(
          (item) =>
            item.reviewState === 'in_review' &&
            (role === 'partner_reviewer' || (role === 'admin' && item.partnerId === null)) &&
            item.submittedBy !== actorOf(request),
        ).length;
        return { items, waiting };
      },
    );

    app.get(
      '/v1/admin/notifications',
      {
        preHandler: auth.require('campaigns.read'),
        schema: { tags, security, summary: "The signed-in person's review notifications, newest first" },
      },
      async (request) => {
        const userId = userIdOf(request);
        if (!userId) return { notifications: [], unread: 0 };
        return reviews.notifications(userId);
      },
    );

    app.post(
      '/v1/admin/notifications/read',
      {
        preHandler: auth.require('campaigns.read'),
        schema: {
          tags,
          security,
          summary: 'Mark notifications read: the ids given, or every one',
          body: Type.Object(
            { ids: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{1,18}$' }), { maxItems: 200 })) },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => {
        const userId = userIdOf(request);
        if (!userId) return { marked: 0, unread: 0 };
        const marked = await reviews.markRead(userId, request.body.ids ?? null);
        return { marked, unread: (await reviews.notifications(userId, 1)).unread };
      },
    );

    app.get(
      '/v1/admin/campaigns/:id/review-diff',
      {
        preHandler: auth.require('campaigns.read'),
        schema: {
          ...schema,
          summary:
            'Each locale of the draft against the live version, field by field, words inserted and deleted',
        },
      },
      async (request) => {
        const campaign = await visibleCampaign(request, request.params.id);
        const draft = campaign.versions.find((v) => v.state === 'draft');
        if (!draft) throw RequestProblem.conflict('params/id', `campaign ${campaign.id} has no draft`);
        const live = campaign.live
          ? (campaign.versions.find((v) => v.version === campaign.live?.version) ?? null)
          : null;
        const partner = campaign.partnerId
          ? await caveat.campaigns.getPartner(campaign.partnerId)
          : undefined;
        const jurisdiction = await caveat.campaigns.getJurisdiction(campaign.jurisdiction);
        return {
          version: draft.version,
          digest: specDigest(draft.spec),
          // What the approval statement names: on whose behalf, and for whom the text is shown.
          partner: partner ? { id: partner.id, name: partner.name } : null,
          jurisdiction: { code: campaign.jurisdiction, name: jurisdiction?.name ?? campaign.jurisdiction },
          liveVersion: live?.version ?? null,
          // As users would be shown it: the draft with the directory's values of now, against the
          // live version (which carries the values it was published with).
          locales: diffContent(
            resolveDirectoryRefs(draft.spec, await loadDirectory(caveat.db, campaign.jurisdiction)),
            live?.spec ?? null,
          ),
        };
      },
    );

    app.get(
      '/v1/admin/campaigns/:id/comments',
      {
        preHandler: auth.require('campaigns.read'),
        schema: { ...schema, summary: 'Comments on fields, oldest first' },
      },
      async (request) => {
        const campaign = await visibleCampaign(request, request.params.id);
        return { comments: await reviews.comments(campaign.id) };
      },
    );

    app.post(
      '/v1/admin/campaigns/:id/comments',
      {
        preHandler: auth.require('campaigns.edit'),
        schema: {
          ...schema,
          summary: 'Comment on one field of the draft (append-only, audited)',
          body: Type.Object(
            {
              locale: Type.Union([Locale, Type.Null()], { description: 'null: a setting, not a text' }),
              field: FieldPath,
              body: Type.String({ minLength: 1, maxLength: 4000 }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        const campaign = await visibleCampaign(request, request.params.id);
        const body = request.body.body.trim();
        if (body === '') throw RequestProblem.invalid('body/body', 'write the comment');
        const comment = await reviews.addComment(
          campaign.id,
          { locale: request.body.locale, field: request.body.field, body },
          actorOf(request),
        );
        return reply.status(201).send(comment);
      },
    );

    for (const [action, resolved] of [
      ['resolve', true],
      ['reopen', false],
    ] as const) {
      app.post(
        `/v1/admin/campaigns/:id/comments/:commentId/${action}`,
        {
          preHandler: auth.require('campaigns.edit'),
          schema: {
            tags,
            security,
            summary: resolved ? 'Mark a comment resolved' : 'Reopen a resolved comment',
            params: Type.Object({
              id: Params.properties.id,
              commentId: Type.String({ pattern: '^[0-9]{1,18}$' }),
            }),
          },
        },
        async (request) => {
          const campaign = await visibleCampaign(request, request.params.id);
          return reviews.setResolved(campaign.id, request.params.commentId, resolved, actorOf(request));
        },
      );
    }

    app.get(
      '/v1/admin/campaigns/:id/translation',
      {
        preHandler: auth.require('campaigns.read'),
        schema: { ...schema, summary: 'The translation status of each locale of the draft' },
      },
      async (request) => {
        const campaign = await visibleCampaign(request, request.params.id);
        const draft = campaign.versions.find((v) => v.state === 'draft');
        return { locales: draft ? await reviews.localeStatuses(campaign.id, draft.version) : [] };
      },
    );

    app.put(
      '/v1/admin/campaigns/:id/translation/:locale',
      {
        preHandler: auth.require('campaigns.edit'),
        schema: {
          tags,
          security,
          summary:
            "A translator marks a locale of the draft translated (or untranslated); approval is the reviewer's",
          params: Type.Object({ id: Params.properties.id, locale: Locale }),
          body: Type.Object(
            { status: Type.Union([Type.Literal('untranslated'), Type.Literal('translated')]) },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => {
        const campaign = await visibleCampaign(request, request.params.id);
        return {
          locales: await reviews.setLocaleStatus(
            campaign.id,
            request.params.locale,
            request.body.status,
            actorOf(request),
          ),
        };
      },
    );
  };
}
