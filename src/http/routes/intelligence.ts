import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Caveat } from '../../app/caveat.js';
import { RequestProblem, type FieldProblem } from '../../errors.js';
import { indicatorsToCsv } from '../../intelligence/exchange/csv-format.js';
import { indicatorsToStix, readStixBundle } from '../../intelligence/exchange/stix-format.js';
import { chainFamilyOf, normalizeCryptoAddress } from '../../intelligence/identifiers/crypto-address.js';
import { detectIdentifier } from '../../intelligence/identifiers/detect.js';
import { normalizeDomain } from '../../intelligence/identifiers/domain.js';
import { readImportFile, type ImportFormat } from '../../intelligence/import-file.js';
import { INDICATOR_SOURCES, type IndicatorSource } from '../../intelligence/indicator.js';
import { lookup, type LookupAnswer } from '../../intelligence/lookup.js';
import { OFFICIAL_CHANNEL_KINDS, type OfficialChannelKind } from '../../intelligence/official-channels.js';
import { actorOf, type Authenticator } from '../auth.js';
import { problemResponses } from '../schemas.js';

const LookupQuerySchema = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 2048,
      description: 'Address, site, URL, phone, email, handle or bank account',
    }),
    region: Type.Optional(
      Type.String({ pattern: '^[A-Z]{2}$', description: 'Region for phone numbers without +' }),
    ),
    jurisdiction: Type.Optional(
      Type.String({
        pattern: '^[A-Z]{2}$',
        description: 'The jurisdiction the reader is in: phone numbers without + are read in its region',
      }),
    ),
  },
  { additionalProperties: false },
);
const LookupAnswerSchema = Type.Unsafe<LookupAnswer>({
  type: 'object',
  additionalProperties: true,
  description:
    'verdict official | reported_scam | suspicious_lookalike | unknown, with official, report or lookalike details; ' +
    'unverifiedReports counts scam reports not yet confirmed (never a verdict)',
});

/** Reads a whole import file; STIX problems name the object (objects/3/id), CSV ones the row. */
function readImport(
  content: string,
  options: { format: ImportFormat; feed: string; source: IndicatorSource; nowMs: number },
) {
  if (options.format === 'stix') return readStixBundle(content, options);
  const csv = readImportFile(content, options);
  return csv.ok
    ? { ...csv, ignored: [] }
    : {
        ok: false as const,
        problems: csv.problems.map((p) => ({
          field: `body/content/row ${p.row}/${p.field}`,
          message: p.message,
        })),
      };
}

export function intelligenceRoutes(caveat: Caveat, auth: Authenticator): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(rateLimit, { global: false });
    // A jurisdiction's code is its ISO 3166 region, so 1800-255-0000 for SG is read as Singapore dials it.
    const regionOf = async (query: {
      region?: string;
      jurisdiction?: string;
    }): Promise<string | undefined> => {
      if (query.region || !query.jurisdiction) return query.region;
      const jurisdiction = await caveat.campaigns.getJurisdiction(query.jurisdiction);
      if (!jurisdiction)
        throw RequestProblem.invalid('querystring/jurisdiction', `no jurisdiction ${query.jurisdiction}`);
      return jurisdiction.code;
    };
    const answer = async (
      q: string,
      query: { region?: string; jurisdiction?: string },
    ): Promise<LookupAnswer> => {
      const region = await regionOf(query);
      const result = lookup(caveat.intelligence, q, Date.now(), region ? { defaultRegion: region } : {});
      if (!result.ok) throw RequestProblem.invalid(`querystring/${result.field}`, result.reason);
      return {
        ...result.answer,
        unverifiedReports: await caveat.scamReports.unverifiedReports(result.answer),
      };
    };

    app.get(
      '/v1/lookup',
      {
        preHandler: auth.require('lookup'),
        schema: {
          tags: ['intelligence'],
          summary: 'Is this an official channel, a reported scam, or a lookalike?',
          security: [{ bearer: [] }],
          querystring: LookupQuerySchema,
          response: { 200: LookupAnswerSchema, ...problemResponses },
        },
      },
      async (request) => answer(request.query.q, request.query),
    );

    app.get(
      '/public/lookup',
      {
        config: { rateLimit: { max: caveat.config.publicLookupPerMinute, timeWindow: '1 minute' } },
        schema: {
          tags: ['intelligence'],
          summary: 'The same lookup for the public "Check before you send" page, rate-limited per client',
          querystring: LookupQuerySchema,
          response: { 200: LookupAnswerSchema, ...problemResponses },
        },
      },
      async (request) => answer(request.query.q, request.query),
    );

    const admin = { preHandler: auth.require('admin') };
    app.post(
      '/v1/admin/indicators/import',
      {
        ...admin,
        bodyLimit: 32 * 1024 * 1024,
        schema: {
          tags: ['intelligence'],
          summary: 'Import a CSV or STIX 2.1 file of reports: all rows or none, with every bad row named',
          security: [{ bearer: [] }],
          body: Type.Object(
            {
              format: Type.Union([Type.Literal('csv'), Type.Literal('stix')]),
              feed: Type.String({
                pattern: '^[a-z0-9][a-z0-9._-]{0,62}$',
                description: 'Feed name; entry ids are unique per feed',
              }),
              source: Type.Optional(Type.Union(INDICATOR_SOURCES.map((s) => Type.Literal(s)))),
              content: Type.String({ minLength: 1 }),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              rows: Type.Integer(),
              merged: Type.Integer(),
              skipped: Type.Integer(),
              keys: Type.Integer(),
              ignored: Type.Array(
                Type.Object({ type: Type.String(), count: Type.Integer(), reason: Type.String() }),
                {
                  description:
                    'STIX objects that carried nothing caveat keeps (identity, malware …), and why',
                },
              ),
            }),
            ...problemResponses,
          },
        },
      },
      async (request) => {
        const { format, feed, content } = request.body;
        const read = readImport(content, {
          format,
          feed,
          source: request.body.source ?? 'feed',
          nowMs: Date.now(),
        });
        if (!read.ok)
          throw new RequestProblem(
            'invalid',
            `${read.problems.length} problem(s); nothing was imported`,
            read.problems.slice(0, 500),
          );
        const result = await caveat.intelligenceStore.importIndicators(read.indicators, {
          actor: actorOf(request),
          feed,
          format,
        });
        await caveat.intelligence.refresh();
        return { rows: read.indicators.length, ...result, ignored: read.ignored };
      },
    );

    app.get(
      '/v1/admin/indicators/export',
      {
        ...admin,
        schema: {
          tags: ['intelligence'],
          summary: 'Every indicator as CSV or a STIX 2.1 bundle',
          security: [{ bearer: [] }],
          querystring: Type.Object(
            { format: Type.Union([Type.Literal('csv'), Type.Literal('stix')]) },
            { additionalProperties: false },
          ),
          response: { 200: Type.String(), ...problemResponses },
        },
      },
      async (request, reply) => {
        const all = await caveat.intelligenceStore.all();
        return request.query.format === 'csv'
          ? reply.type('text/csv; charset=utf-8').send(indicatorsToCsv(all))
          : reply.type('application/stix+json;version=2.1').send(indicatorsToStix(all));
      },
    );

    app.post(
      '/v1/admin/indicators/expire',
      {
        ...admin,
        schema: {
          tags: ['intelligence'],
          summary: 'End an indicator now (a false report); it stays in the audit log',
          security: [{ bearer: [] }],
          body: Type.Object(
            {
              value: Type.String({ minLength: 1, maxLength: 2048 }),
              network: Type.Optional(Type.String({ maxLength: 20 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ key: Type.String(), expired: Type.Boolean() }),
            ...problemResponses,
          },
        },
      },
      async (request) => {
        const { value, network } = request.body;
        const family = network === undefined ? undefined : chainFamilyOf(network);
        if (network !== undefined && !family)
          throw RequestProblem.invalid('body/network', `unknown network ${network}`);
        const identifier = family ? normalizeCryptoAddress(value, family, 'value') : detectIdentifier(value);
        if (!identifier.ok) throw RequestProblem.invalid(`body/value`, identifier.reason);
        const expired = await caveat.intelligenceStore.expire(identifier.key, actorOf(request), new Date());
        if (!expired) throw RequestProblem.notFound('body/value', `no indicator ${identifier.key}`);
        await caveat.intelligence.refresh();
        return { key: identifier.key, expired };
      },
    );

    app.post(
      '/v1/admin/official-channels',
      {
        ...admin,
        schema: {
          tags: ['intelligence'],
          summary:
            "Register one of the exchange's official domains, email senders, phone numbers or social accounts",
          description:
            "`domains` registers the brand's other domains in the same request (binance.net, binance.cloud " +
            'beside binance.com); `distinctive` tells the lookalike detector how to match those domain names.',
          security: [{ bearer: [] }],
          body: Type.Object(
            {
              brand: Type.String({ minLength: 1, maxLength: 80 }),
              value: Type.String({ minLength: 1, maxLength: 300 }),
              jurisdiction: Type.Optional(
                Type.String({
                  pattern: '^[A-Z]{2}$',
                  description:
                    'The jurisdiction whose own channel this is (its police hotline, its scam-check site); a ' +
                    'phone number without + is read as it dials it (1800-255-0000, 1799 in SG). Omitted: one ' +
                    "of the exchange's channels, official everywhere",
                }),
              ),
              domains: Type.Optional(
                Type.Array(Type.String({ minLength: 1, maxLength: 300 }), {
                  maxItems: 50,
                  description: "The brand's other official domains, registered with the same brand",
                }),
              ),
              distinctive: Type.Optional(
                Type.Boolean({
                  description:
                    'Lookalike matching of these domain names: true finds the name inside other names, false ' +
                    'only as a whole name (a common word, such as "blockchain"); omitted: decided from an ' +
                    'English word list (common words and names under five letters match only whole)',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: {
            201: Type.Object({
              key: Type.String(),
              kind: Type.String(),
              display: Type.String(),
              domains: Type.Optional(Type.Array(Type.Object({ key: Type.String(), display: Type.String() }))),
            }),
            ...problemResponses,
          },
        },
      },
      async (request, reply) => {
        const { brand, distinctive } = request.body;
        const jurisdiction = request.body.jurisdiction;
        if (jurisdiction && !(await caveat.campaigns.getJurisdiction(jurisdiction)))
          throw RequestProblem.invalid('body/jurisdiction', `no jurisdiction ${jurisdiction}`);
        const identifier = detectIdentifier(
          request.body.value,
          jurisdiction ? { defaultRegion: jurisdiction } : {},
        );
        if (!identifier.ok) throw RequestProblem.invalid('body/value', identifier.reason);
        if (!(OFFICIAL_CHANNEL_KINDS as readonly string[]).includes(identifier.kind))
          throw RequestProblem.invalid('body/value', `a ${identifier.kind} cannot be an official channel`);
        const override = (kind: string) =>
          distinctive !== undefined && kind === 'domain' ? { distinctive } : {};
        const channel = {
          brand,
          kind: identifier.kind as OfficialChannelKind,
          key: identifier.key,
          display: identifier.display,
          ...override(identifier.kind),
          ...(jurisdiction ? { jurisdiction } : {}),
        };
        // Every other domain is checked before anything is written, and every bad one is named.
        const others = (request.body.domains ?? []).map((value, i) => ({
          field: `body/domains/${i}`,
          value,
        }));
        const problems: FieldProblem[] = [];
        const domains = others.flatMap(({ field, value }) => {
          const domain = normalizeDomain(value, field);
          if (!domain.ok) {
            problems.push({ field, message: domain.reason });
            return [];
          }
          return [
            {
              brand,
              kind: 'domain' as const,
              key: domain.key,
              display: domain.display,
              ...override('domain'),
              ...(jurisdiction ? { jurisdiction } : {}),
            },
          ];
        });
        if (problems.length > 0)
          throw new RequestProblem(
            'invalid',
            problems.map((p) => `${p.field}: ${p.message}`).join('; '),
            problems,
          );
        await caveat.intelligenceStore.addOfficialChannels([channel, ...domains], actorOf(request));
        await caveat.intelligence.refresh();
        return reply.status(201).send({
          key: channel.key,
          kind: channel.kind,
          display: channel.display,
          ...(domains.length > 0
            ? { domains: domains.map((d) => ({ key: d.key, display: d.display })) }
            : {}),
        });
      },
    );

    const reader = { preHandler: auth.require('admin.read') };
    app.get(
      '/v1/admin/official-channels',
      {
        ...reader,
        schema: {
          tags: ['intelligence'],
          summary: 'Every registered official channel, by brand',
          description:
            "With `jurisdiction`: the channels a person there can rely on, that jurisdiction's own and the " +
            "exchange's (official everywhere)",
          security: [{ bearer: [] }],
          querystring: Type.Object(
            { jurisdiction: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })) },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              channels: Type.Array(
                Type.Object({
                  brand: Type.String(),
                  kind: Type.String(),
                  key: Type.String(),
                  display: Type.String(),
                  distinctive: Type.Optional(Type.Boolean()),
                  jurisdiction: Type.Optional(Type.String()),
                }),
              ),
            }),
            ...problemResponses,
          },
        },
      },
      async (request) => ({
        channels: await caveat.intelligenceStore.officialChannels(request.query.jurisdiction),
      }),
    );

    app.delete(
      '/v1/admin/official-channels/:key',
      {
        ...admin,
        schema: {
          tags: ['intelligence'],
          summary: 'Remove an official channel (a retired domain or number); audited',
          security: [{ bearer: [] }],
          params: Type.Object({ key: Type.String({ minLength: 1, maxLength: 400 }) }),
          response: { 204: Type.Null(), ...problemResponses },
        },
      },
      async (request, reply) => {
        const { key } = request.params;
        if (!(await caveat.intelligenceStore.removeOfficialChannel(key, actorOf(request))))
          throw RequestProblem.notFound('params/key', `no official channel ${key}`);
        await caveat.intelligence.refresh();
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/v1/admin/indicators',
      {
        ...reader,
        schema: {
          tags: ['intelligence'],
          summary: 'Indicators whose value contains q, newest report first, in pages (expired ones included)',
          security: [{ bearer: [] }],
          querystring: Type.Object(
            {
              q: Type.Optional(Type.String({ maxLength: 2048 })),
              limit: Type.Optional(
                Type.String({
                  pattern: '^([1-9][0-9]?|1[0-9]{2}|200)$',
                  description: '1–200, 50 unless given',
                }),
              ),
              offset: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              total: Type.Integer(),
              indicators: Type.Array(
                Type.Object({
                  key: Type.String(),
                  kind: Type.String(),
                  display: Type.String(),
                  scamType: Type.String(),
                  riskLevel: Type.String(),
                  sources: Type.Array(Type.String()),
                  reportCount: Type.Integer(),
                  jurisdictions: Type.Array(Type.String()),
                  lastSeen: Type.String(),
                  expiresAt: Type.Union([Type.String(), Type.Null()]),
                  expired: Type.Boolean(),
                }),
              ),
            }),
            ...problemResponses,
          },
        },
      },
      async (request) => {
        const { q = '', limit = '50', offset = '0' } = request.query;
        const found = await caveat.intelligenceStore.searchIndicators({
          q: q.trim(),
          limit: Number(limit),
          offset: Number(offset),
        });
        const now = Date.now();
        return {
          total: found.total,
          indicators: found.indicators.map((i) => ({
            key: i.key,
            kind: i.kind,
            display: i.display,
            scamType: i.scamType,
            riskLevel: i.riskLevel,
            sources: i.sources,
            reportCount: i.reportCount,
            jurisdictions: i.jurisdictions,
            lastSeen: new Date(i.lastSeenMs).toISOString(),
            expiresAt: i.expiresAtMs === null ? null : new Date(i.expiresAtMs).toISOString(),
            expired: i.expiresAtMs !== null && i.expiresAtMs <= now,
          })),
        };
      },
    );
  };
}
