import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import type { Caveat } from '../../app/caveat.js';
import { educationOf } from '../../app/education-service.js';
import { programmeOverview } from '../../app/overview-service.js';
import { quizReportHtml } from '../../education/report-html.js';
import { RequestProblem } from '../../errors.js';
import { reportCsv } from '../../measurement/report-csv.js';
import { reportHtml, type ReportHeading } from '../../measurement/report-html.js';
import { REPORT_LANGUAGES, reportLanguageFor } from '../../measurement/report-language.js';
import { AMOUNT_BANDS, type ReportFilter } from '../../measurement/report-model.js';
import { OverviewSchema, PilotReportSchema, PowerPlanSchema } from '../../measurement/report-schema.js';
import type { FastifyRequest } from 'fastify';
import type { Authenticator } from '../auth.js';
import { requireVisible, SECURITY } from '../scope.js';
import { problemResponses } from '../schemas.js';

const day = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'UTC day, YYYY-MM-DD (inclusive)',
});
const ReportQuerySchema = Type.Object(
  {
    campaign: Type.Optional(Type.String({ maxLength: 100 })),
    jurisdiction: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    version: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,8}$' })),
    variant: Type.Optional(Type.String({ maxLength: 32 })),
    locale: Type.Optional(Type.String({ maxLength: 35 })),
    asset: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{2,12}$' })),
    amountBand: Type.Optional(Type.Union(AMOUNT_BANDS.map((band) => Type.Literal(band)))),
    from: Type.Optional(day),
    to: Type.Optional(day),
    sequential: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
    lang: Type.Optional(
      Type.Union(
        REPORT_LANGUAGES.map((language) => Type.Literal(language)),
        {
          description:
            "Language of the HTML report (en, zh-Hant, pt); by default the campaign's jurisdiction's language",
        },
      ),
    ),
  },
  { additionalProperties: false },
);
type ReportQuery = Static<typeof ReportQuerySchema>;

const PowerQuerySchema = Type.Object(
  {
    baselineRate: Type.String({ pattern: '^0?\\.[0-9]+$', description: 'Holdout completion rate, 0–1' }),
    effect: Type.String({ pattern: '^-?0?\\.[0-9]+$', description: 'Absolute change to detect, e.g. -0.05' }),
    holdoutShare: Type.Optional(Type.String({ pattern: '^0?\\.[0-9]+$' })),
    campaign: Type.Optional(Type.String({ maxLength: 100 })),
    power: Type.Optional(Type.String({ pattern: '^0?\\.[0-9]+$' })),
    alpha: Type.Optional(Type.String({ pattern: '^0?\\.[0-9]+$' })),
  },
  { additionalProperties: false },
);

function isRealDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Query → filter, refusing impossible dates and reversed ranges with the field named. */
function filterOf(query: ReportQuery): ReportFilter {
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value !== undefined && !isRealDay(value))
      throw RequestProblem.invalid(`querystring/${field}`, `${value} is not a calendar day`);
  }
  if (query.from && query.to && query.from > query.to)
    throw RequestProblem.invalid('querystring/to', 'must not be before from');
  const { sequential: _sequential, lang: _lang, version, ...rest } = query;
  return { ...rest, ...(version !== undefined ? { version: Number(version) } : {}) };
}

const description =
  'Outcome rates with 95% Wilson intervals, the effect on completed withdrawals against the holdout ' +
  '(Newcombe interval, two-proportion test, optional always-valid interval with sequential=true), ' +
  'sample-ratio checks per campaign version, variants, resources opened, per day and per week.';

export function reportRoutes(caveat: Caveat, auth: Authenticator): FastifyPluginAsyncTypebox {
  return async (app) => {
    const common = {
      preHandler: auth.require('reports'),
      schema: { tags: ['reports'], security: SECURITY, querystring: ReportQuerySchema },
    };
    /** Not found for a campaign outside a partner reviewer's jurisdiction (or one that does not exist). */
    const requireVisibleCampaign = async (request: FastifyRequest, id: string) => {
      if (!request.principal?.jurisdiction) return;
      const campaign = await caveat.campaigns.getCampaign(id);
      requireVisible(request, campaign?.jurisdiction ?? '', 'querystring/campaign', `campaign ${id}`);
    };

    /** A partner reviewer's reports cover its own jurisdiction only; asking for another is refused. */
    /** The quiz's section of one jurisdiction's report (the campaign's, or the one asked for). */
    const quizSection = async (request: FastifyRequest, query: ReportQuery): Promise<string> => {
      const campaign = query.campaign ? await caveat.campaigns.getCampaign(query.campaign) : undefined;
      const jurisdiction = request.principal?.jurisdiction ?? query.jurisdiction ?? campaign?.jurisdiction;
      if (!jurisdiction) return '';
      const day = 86_400_000;
      const to = query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + day) : new Date();
      const from = query.from ? new Date(`${query.from}T00:00:00Z`) : new Date(to.getTime() - 90 * day);
      if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) return '';
      return quizReportHtml(await (await educationOf(caveat)).measure({ jurisdiction, from, to }));
    };

    /**
     * The report's heading: the campaign's and its partner's names, in the language asked for or
     * else the language of the jurisdiction (the campaign's, the reviewer's, or the one asked for).
     */
    const heading = async (request: FastifyRequest, query: ReportQuery): Promise<ReportHeading> => {
      const campaign = query.campaign ? await caveat.campaigns.getCampaign(query.campaign) : undefined;
      const partner = campaign?.partnerId ? await caveat.campaigns.getPartner(campaign.partnerId) : undefined;
      const code = campaign?.jurisdiction ?? request.principal?.jurisdiction ?? query.jurisdiction;
      const jurisdiction = code ? await caveat.campaigns.getJurisdiction(code) : undefined;
      return {
        language: reportLanguageFor(query.lang, jurisdiction?.defaultLocale),
        ...(campaign ? { campaignName: campaign.name || campaign.id } : {}),
        ...(partner ? { partnerName: partner.name } : {}),
      };
    };

    const build = async (request: FastifyRequest, query: ReportQuery) => {
      const restricted = request.principal?.jurisdiction ?? null;
      if (restricted !== null) {
        if (query.jurisdiction !== undefined && query.jurisdiction !== restricted)
          throw RequestProblem.notFound('querystring/jurisdiction', `no jurisdiction ${query.jurisdiction}`);
        if (query.campaign !== undefined) await requireVisibleCampaign(request, query.campaign);
      }
      const filter = filterOf(query);
      return caveat.reports.pilot(restricted === null ? filter : { ...filter, jurisdiction: restricted }, {
        sequential: query.sequential === 'true',
      });
    };

    app.get(
      '/v1/reports/pilot',
      {
        ...common,
        schema: {
          ...common.schema,
          summary: 'Pilot report (JSON)',
          description,
          response: { 200: PilotReportSchema, ...problemResponses },
        },
      },
      async (request) => build(request, request.query),
    );
    app.get(
      '/v1/reports/pilot.csv',
      {
        ...common,
        schema: {
          ...common.schema,
          summary: 'Pilot report per day and week (CSV)',
          response: { 200: Type.String(), ...problemResponses },
        },
      },
      async (request, reply) => {
        const report = await build(request, request.query);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="caveat-pilot-report.csv"')
          .send(reportCsv(report));
      },
    );
    app.get(
      '/v1/reports/pilot.html',
      {
        ...common,
        schema: {
          ...common.schema,
          summary: 'Self-contained pilot report with SVG charts (HTML, opens offline and prints)',
          response: { 200: Type.String(), ...problemResponses },
        },
      },
      async (request, reply) => {
        const report = await build(request, request.query);
        const head = await heading(request, request.query);
        return reply
          .type('text/html; charset=utf-8')
          .header('content-language', head.language)
          .send(reportHtml(report, head, await quizSection(request, request.query)));
      },
    );
    app.get(
      '/v1/reports/overview',
      {
        preHandler: auth.require('reports'),
        schema: {
          tags: ['reports'],
          security: SECURITY,
          summary: 'Every campaign by jurisdiction: status, live version, exposure, headline effect, alarms',
          description:
            'A partner reviewer sees its own jurisdiction only. The effect is the live version\'s, and reads "too early to tell" (evidence.enough false) until each arm has the minimum sample and the power plan\'s.',
          response: { 200: OverviewSchema, ...problemResponses },
        },
      },
      async (request) => programmeOverview(caveat, request.principal?.jurisdiction ?? null, new Date()),
    );
    app.get(
      '/v1/reports/power',
      {
        preHandler: auth.require('reports'),
        schema: {
          tags: ['reports'],
          security: SECURITY,
          summary: 'Users and weeks a pilot needs to detect an effect',
          querystring: PowerQuerySchema,
          response: { 200: PowerPlanSchema, ...problemResponses },
        },
      },
      async (request) => {
        const q = request.query;
        if (q.campaign !== undefined) await requireVisibleCampaign(request, q.campaign);
        try {
          return await caveat.reports.power({
            baselineRate: Number(q.baselineRate),
            effect: Number(q.effect),
            holdoutShare: q.holdoutShare !== undefined ? Number(q.holdoutShare) : 0.2,
            ...(q.campaign !== undefined ? { campaign: q.campaign } : {}),
            ...(q.power !== undefined ? { power: Number(q.power) } : {}),
            ...(q.alpha !== undefined ? { alpha: Number(q.alpha) } : {}),
          });
        } catch (error) {
          if (error instanceof RangeError) {
            const field = /^(\w+)/.exec(error.message)?.[1] ?? 'effect';
            throw RequestProblem.invalid(`querystring/${field}`, error.message);
          }
          throw error;
        }
      },
    );
  };
}
