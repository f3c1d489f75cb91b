import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Caveat } from '../../app/caveat.js';
import { estimateWarnings, targetingSummary } from '../../campaigns/reach.js';
import { specDigest } from '../../campaigns/spec-digest.js';
import { RequestProblem } from '../../errors.js';
import type { CampaignWithVersions } from '../../store/campaign-repository.js';
import { MeasurementRepository } from '../../store/measurement-repository.js';
import { ReviewRepository } from '../../store/review-repository.js';
import { listInWords, localeName } from '../../campaigns/locale-names.js';
import { actorOf, type Authenticator } from '../auth.js';
import { SECURITY, visibleCampaign as visibleCampaignOf } from '../scope.js';

const Params = Type.Object({ id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }) });
const When = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);
const PublishBody = Type.Object(
  {
    version: Type.Integer({
      minimum: 1,
      description: 'The draft version shown by the publish preview: the confirmation',
    }),
    digest: Type.Optional(
      Type.String({ pattern: '^[0-9a-f]{32}$', description: 'The draft digest shown by the preview' }),
    ),
    startsAt: Type.Optional(When),
    endsAt: Type.Optional(When),
  },
  { additionalProperties: false },
);

/**
 * Publishing with its controls: a preview of the reach to confirm, the publish itself (confirmed,
 * four-eyes, optionally scheduled), the kill switch and the rollback. Every change reaches the other
 * replicas by the NOTIFY the repository sends; this one reloads before it answers.
 */
export function campaignPublishRoutes(caveat: Caveat, auth: Authenticator): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['campaigns'];
    const schema = { tags, security: SECURITY, params: Params };
    const measurement = new MeasurementRepository(caveat.db);
    const reviews = new ReviewRepository(caveat.db);
    const fourEyes = caveat.config.publishFourEyes;

    const visibleCampaign = (request: FastifyRequest, id: string): Promise<CampaignWithVersions> =>
      visibleCampaignOf(caveat.campaigns, request, id);

    app.get(
      '/v1/admin/campaigns/:id/publish-preview',
      {
        preHandler: auth.require('campaigns.read'),
        schema: {
          ...schema,
          summary: 'What publishing the draft would put live, to confirm before publishing',
        },
      },
      async (request) => {
        const campaign = await visibleCampaign(request, request.params.id);
        const draft = campaign.versions.find((v) => v.state === 'draft');
        if (!draft)
          throw RequestProblem.conflict('params/id', `campaign ${campaign.id} has no draft to publish`);
        const jurisdiction = await caveat.campaigns.getJurisdiction(campaign.jurisdiction);
        const spec = draft.spec;
        const traffic = await measurement.dailyTrafficInJurisdiction(
          campaign.jurisdiction,
          spec.targeting.assets ?? [],
          new Date(),
        );
        const translation = await reviews.localeStatuses(campaign.id, draft.version);
        const untranslated = translation.filter((l) => l.status === 'untranslated').map((l) => l.locale);
        const missing =
          untranslated.length > 0
            ? `${listInWords(untranslated.map((l) => localeName(l)))} ${untranslated.length === 1 ? 'is' : 'are'} not translated yet.`
            : publishMissing(campaign, draft.review, actorOf(request), fourEyes);
        return {
          campaign: { id: campaign.id, name: campaign.name, partnerId: campaign.partnerId },
          jurisdiction: { code: campaign.jurisdiction, name: jurisdiction?.name ?? campaign.jurisdiction },
          version: draft.version,
          digest: specDigest(spec),
          replaces: campaign.live,
          paused: campaign.pausedAt !== null,
          locales: Object.keys(spec.content),
          translation,
          targeting: targetingSummary(spec.targeting),
          holdoutShare: spec.experiment.holdoutShare,
          variants: spec.experiment.variants.map((v) => ({ key: v.key, weight: v.weight })),
          estimate: estimateWarnings(spec, traffic),
          fourEyes: {
            required: fourEyes,
            approvedBy: draft.review.state === 'approved' ? draft.review.reviewedBy : null,
          },
          missing,
        };
      },
    );

    app.post(
      '/v1/admin/campaigns/:id/publish',
      {
        preHandler: auth.require('admin'),
        schema: {
          ...schema,
          summary:
            'Publish the draft the preview showed; needs an approval by another person when four-eyes is on',
          body: PublishBody,
        },
      },
      async (request) => {
        const campaign = await visibleCampaign(request, request.params.id);
        const { version, digest, startsAt, endsAt } = request.body;
        const now = Date.now();
        if (endsAt && Date.parse(endsAt) <= now)
          throw RequestProblem.invalid('body/endsAt', 'the end of the schedule is already past');
        if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt))
          throw RequestProblem.invalid('body/endsAt', 'the schedule must end after it starts');
        const published = await caveat.campaigns.publish(campaign.id, actorOf(request), {
          fourEyes,
          version,
          ...(digest !== undefined ? { digest } : {}),
          startsAt: startsAt ?? null,
          endsAt: endsAt ?? null,
        });
        // This instance answers with the new campaign live; others follow on NOTIFY.
        await caveat.snapshots.reload();
        return published;
      },
    );

    app.post(
      '/v1/admin/campaigns/:id/pause',
      {
        preHandler: auth.require('admin'),
        schema: {
          ...schema,
          summary: 'Kill switch: take the campaign out of screening at once on every replica',
          body: Type.Optional(
            Type.Object(
              { note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) },
              { additionalProperties: false },
            ),
          ),
        },
      },
      async (request) => {
        const visible = await visibleCampaign(request, request.params.id);
        const campaign = await caveat.campaigns.pause(
          visible.id,
          actorOf(request),
          request.body?.note ?? null,
        );
        await caveat.snapshots.reload();
        return campaign;
      },
    );

    app.post(
      '/v1/admin/campaigns/:id/resume',
      { preHandler: auth.require('admin'), schema: { ...schema, summary: 'Undo the kill switch' } },
      async (request) => {
        const visible = await visibleCampaign(request, request.params.id);
        const campaign = await caveat.campaigns.resume(visible.id, actorOf(request));
        await caveat.snapshots.reload();
        return campaign;
      },
    );

    app.post(
      '/v1/admin/campaigns/:id/rollback',
      {
        preHandler: auth.require('admin'),
        schema: { ...schema, summary: 'Make the previous published version live again' },
      },
      async (request) => {
        const visible = await visibleCampaign(request, request.params.id);
        const campaign = await caveat.campaigns.rollback(visible.id, actorOf(request));
        await caveat.snapshots.reload();
        return campaign;
      },
    );
  };
}

/** Why this caller cannot publish the draft now, in the words the refusal would use; null if it can. */
function publishMissing(
  campaign: CampaignWithVersions,
  review: { state: string; reviewedBy: string | null },
  actor: string,
  fourEyes: boolean,
): string | null {
  if (campaign.retiredAt) return 'The campaign is retired.';
  const approver = campaign.partnerId
    ? `partner ${campaign.partnerId}'s reviewer`
    : 'another staff member who may approve';
  if ((campaign.partnerId || fourEyes) && review.state !== 'approved')
    return `The draft needs an approval by ${approver} first.`;
  if (fourEyes && review.reviewedBy === actor)
    return 'You approved this draft yourself: another person must publish it.';
  return null;
}
