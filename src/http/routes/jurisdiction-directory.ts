import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Caveat } from '../../app/caveat.js';
import {
  DirectoryEntrySchema,
  DirectoryFactsSchema,
  NewDirectoryEntrySchema,
} from '../../campaigns/directory.js';
import { directoryChanges } from '../../campaigns/directory-refs.js';
import { RequestProblem } from '../../errors.js';
import { DirectoryRepository } from '../../store/directory-repository.js';
import { actorOf, type Authenticator } from '../auth.js';
import { requireVisible, SECURITY } from '../scope.js';

const JurisdictionCode = Type.String({ pattern: '^[A-Z]{2}$' });
const Key = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' });
const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' });
const ChangeSchema = Type.Object({
  locale: Type.String(),
  section: Type.String(),
  index: Type.Integer(),
  ref: Type.String(),
  field: Type.String(),
  shown: Type.Unknown(),
  current: Type.Unknown(),
  removed: Type.Boolean(),
});

/**
 * A jurisdiction's directory of contacts, resources and statistic values (src/campaigns/directory.ts).
 * POST creates (an existing key is a 409), PUT edits, DELETE removes; admins change it, and a
 * reviewer of the jurisdiction may read it, as with the jurisdiction itself.
 */
export function jurisdictionDirectoryRoutes(caveat: Caveat, auth: Authenticator): FastifyPluginAsyncTypebox {
  return async (app) => {
    const directory = new DirectoryRepository(caveat.db);
    const tags = ['admin'];
    const security = SECURITY;
    const params = Type.Object({ code: JurisdictionCode });
    const entryParams = Type.Object({ code: JurisdictionCode, key: Key });

    app.get(
      '/v1/admin/jurisdictions/:code/directory',
      {
        preHandler: auth.require('campaigns.read'),
        schema: {
          tags,
          security,
          params,
          response: { 200: Type.Object({ entries: Type.Array(DirectoryEntrySchema) }) },
        },
      },
      async (request) => {
        requireVisible(request, request.params.code, 'params/code', `jurisdiction ${request.params.code}`);
        return { entries: await directory.list(request.params.code) };
      },
    );

    app.post(
      '/v1/admin/jurisdictions/:code/directory',
      {
        preHandler: auth.require('admin'),
        schema: { tags, security, params, body: NewDirectoryEntrySchema },
      },
      async (request, reply) =>
        reply.status(201).send(await directory.create(request.params.code, request.body, actorOf(request))),
    );

    app.put(
      '/v1/admin/jurisdictions/:code/directory/:key',
      {
        preHandler: auth.require('admin'),
        schema: { tags, security, params: entryParams, body: DirectoryFactsSchema },
      },
      async (request) =>
        directory.update(request.params.code, request.params.key, request.body, actorOf(request)),
    );

    app.delete(
      '/v1/admin/jurisdictions/:code/directory/:key',
      { preHandler: auth.require('admin'), schema: { tags, security, params: entryParams } },
      async (request, reply) => {
        await directory.remove(request.params.code, request.params.key, actorOf(request));
        return reply.status(204).send();
      },
    );

    // The live version shows the values it was published with; this says where the directory has
    // moved on since, so the campaign page can ask for a new version through review and publish.
    app.get(
      '/v1/admin/campaigns/:id/directory-changes',
      {
        preHandler: auth.require('campaigns.read'),
        schema: {
          tags: ['campaigns'],
          security,
          params: Type.Object({ id: Slug }),
          response: {
            200: Type.Object({
              liveVersion: Type.Union([Type.Integer(), Type.Null()]),
              changes: Type.Array(ChangeSchema),
            }),
          },
        },
      },
      async (request) => {
        const campaign = await caveat.campaigns.getCampaign(request.params.id);
        if (!campaign) throw RequestProblem.notFound('params/id', `no campaign ${request.params.id}`);
        requireVisible(request, campaign.jurisdiction, 'params/id', `campaign ${campaign.id}`);
        const live = campaign.versions.find((v) => v.version === campaign.live?.version);
        if (!live) return { liveVersion: null, changes: [] };
        return {
          liveVersion: live.version,
          changes: directoryChanges(live.spec, await directory.list(campaign.jurisdiction)),
        };
      },
    );
  };
}
