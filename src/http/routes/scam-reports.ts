import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caveat } from '../../app/caveat.js';
import { ScamReportService, type ReportDoor } from '../../app/scam-report-service.js';
import { RequestProblem } from '../../errors.js';
import {
  ClusterDetailSchema,
  ClusterListQuerySchema,
  ClusterSummarySchema,
  ConfirmInputSchema,
  DisputeAdminSchema,
  DisputeCreatedSchema,
  DisputeDecideSchema,
  DisputeInputSchema,
  DisputePublicSchema,
  DisputeStatusSchema,
  EVIDENCE_MAX_BYTES,
  EvidenceUploadedSchema,
  ExportQuerySchema,
  NoteInputSchema,
  PublicReportInputSchema,
  ReferInputSchema,
  RejectInputSchema,
  ReportCreatedSchema,
  ReportDetailSchema,
  ReportInputSchema,
  ReportListQuerySchema,
  ReportListSchema,
  ReportPatchSchema,
} from '../../scam-reports/model.js';
import { actorOf, type Authenticator } from '../auth.js';
import { sendProblem } from '../problem.js';
import { refuseUpload } from '../upload-refusal.js';
import { problemResponses } from '../schemas.js';
import { requireVisible, SECURITY } from '../scope.js';
import { ScamReportSharing } from '../../store/scam-report-sharing.js';
import type { ReportDetail } from '../../scam-reports/model.js';

const IdParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
const Done = Type.Object({ ok: Type.Literal(true) });
const responses = { ...problemResponses, 415: problemResponses[422], 429: problemResponses[422] };

/**
 * Scam reports over HTTP: the three intake doors, evidence uploads, the console's triage, clusters,
 * disputes and export. Schemas and auth here; everything else in ScamReportService.
 */
export function scamReportRoutes(caveat: Caveat, auth: Authenticator): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(rateLimit, { global: false });
    // Evidence only: one file per request, never more than the per-file limit read into memory.
    await app.register(multipart, {
      limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 0, parts: 1 },
    });
    const service = caveat.scamReports;
    const publicLimit = {
      rateLimit: {
        max: caveat.config.scamReportsPerMinute,
        timeWindow: '1 minute',
        errorResponseBuilder: () =>
          new RequestProblem(
            'too_many',
            'client: too many reports from this address; try again in a minute',
            [{ field: 'client', message: 'rate limit reached' }],
          ),
      },
    };
    const triage = { preHandler: auth.require('reports.triage') };
    const visible = (request: FastifyRequest) => request.principal?.jurisdiction ?? null;
    // Triage staff read everything they may see; a partner's reviewer reads its jurisdiction's
    // reports only once the exchange shares them, and never the reporter's data or staff notes.
    const sharing = new ScamReportSharing(caveat.db);
    const readable = { preHandler: auth.require(['reports.triage', 'reports.shared']) };
    async function sharedOnly(request: FastifyRequest): Promise<boolean> {
      const principal = request.principal;
      if (!principal || principal.kind === 'event_token' || principal.permissions.has('reports.triage'))
        return false;
      const jurisdiction = principal.jurisdiction;
      if (!jurisdiction || !(await sharing.isShared(jurisdiction)))
        throw new RequestProblem(
          'forbidden',
          `headers/cookie: the exchange does not share ${jurisdiction ?? 'its'} scam reports with partner reviewers`,
          [{ field: 'headers/cookie', message: 'scam reports are not shared with this jurisdiction' }],
        );
      return true;
    }
    const withoutReporter = (report: ReportDetail): ReportDetail => ({
      ...report,
      reporterContact: null,
      userPseudonym: null,
      decisionId: null,
      notes: [],
      evidence: [],
    });

    app.post(
      '/v1/scam-reports',
      {
        bodyLimit: 64 * 1024,
        preHandler: auth.require('scam_reports', { eventTokens: true }),
        schema: {
          tags: ['scam-reports'],
          summary: 'File a scam report for a user (scam_reports key) or from the warning (event token)',
          description:
            'With a key, idempotencyKey is required: the same key and body answer 200 with the same report, a ' +
            'different body 409. With an event token, the decision’s jurisdiction and destination are added by ' +
            'the server; one report per decision.',
          security: [{ bearer: [] }],
          body: ReportInputSchema,
          response: { 201: ReportCreatedSchema, 200: ReportCreatedSchema, ...responses },
        },
      },
      async (request, reply) => {
        const principal = request.principal;
        const door: ReportDoor =
          principal?.kind === 'event_token'
            ? { kind: 'warning', decisionId: principal.decisionId }
            : {
                kind: 'exchange',
                keyId: principal?.kind === 'api_key' ? principal.key.id : 'session',
                actor: actorOf(request),
              };
        const { created, replayed } = await service.create(request.body, door);
        if (replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(replayed ? 200 : 201).send(created);
      },
    );

    app.post(
      '/public/scam-reports',
      {
        bodyLimit: 64 * 1024,
        config: publicLimit,
        schema: {
          tags: ['scam-reports'],
          summary: 'Report a scam from the public check page: anonymous, rate-limited per client',
          body: PublicReportInputSchema,
          response: { 201: ReportCreatedSchema, ...responses },
        },
      },
      async (request, reply) => {
        const { created } = await service.create(request.body, { kind: 'public' });
        return reply.status(201).send(created);
      },
    );

    const requireKey = auth.require('scam_reports');
    // The evidence token returned at creation, or a scam_reports key (support tools adding files).
    const evidenceAuth = async (request: FastifyRequest, reply: FastifyReply) => {
      const header = request.headers.authorization;
      const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
      if (!ScamReportService.looksLikeEvidenceToken(token)) return requireKey(request, reply);
      const { id } = request.params as { id: string };
      if (!(await service.evidenceTokenMatches(id, token)))
        return sendProblem(reply, 401, 'headers/authorization: not the evidence token of this report', [
          { field: 'headers/authorization', message: 'not the evidence token of this report' },
        ]);
    };

    app.post(
      '/v1/scam-reports/:id/evidence',
      {
        preHandler: evidenceAuth,
        schema: {
          tags: ['scam-reports'],
          summary:
            'Attach an evidence file (multipart field "file"): PNG, JPEG, WebP, GIF or PDF, at most 5 MB',
          description:
            'Authorized by the evidenceToken returned when the report was filed, or a scam_reports key.',
          security: [{ bearer: [] }],
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: { 201: EvidenceUploadedSchema, ...responses },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        let file;
        try {
          file = await request.file();
        } catch (error) {
          return refuseUpload(reply, error, 5);
        }
        if (!file || file.fieldname !== 'file')
          return sendProblem(reply, 422, 'file: send the evidence as the multipart field "file"', [
            { field: 'file', message: 'is required' },
          ]);
        let content: Buffer;
        try {
          content = await file.toBuffer();
        } catch (error) {
          return refuseUpload(reply, error, 5);
        }
        const actor = request.principal ? actorOf(request) : `evidence-token:${id}`;
        const result = await service.addEvidence(id, content, file.file.truncated, actor);
        if (!result.ok) {
          const { status, field, message } = result.refusal;
          return sendProblem(reply, status, `${field}: ${message}`, [{ field, message }]);
        }
        return reply.status(201).send(result.evidence);
      },
    );

    app.get(
      '/v1/admin/scam-reports',
      {
        ...readable,
        schema: {
          tags: ['scam-reports'],
          summary: 'The triage inbox, newest first, with filters and a cursor',
          security: SECURITY,
          querystring: ReportListQuerySchema,
          response: { 200: ReportListSchema, ...responses },
        },
      },
      async (request) => {
        await sharedOnly(request);
        return service.list(request.query, visible(request));
      },
    );

    app.get(
      '/v1/admin/scam-reports/:id',
      {
        ...readable,
        schema: {
          tags: ['scam-reports'],
          summary: 'One report with its identifiers, notes and evidence list',
          security: SECURITY,
          params: IdParams,
          response: { 200: ReportDetailSchema, ...responses },
        },
      },
      async (request) => {
        const shared = await sharedOnly(request);
        const report = await service.detail(request.params.id);
        if (!report) throw RequestProblem.notFound('params/id', 'no such report');
        requireVisible(request, report.jurisdiction, 'params/id', 'such report');
        return shared ? withoutReporter(report) : report;
      },
    );

    app.patch(
      '/v1/admin/scam-reports/:id',
      {
        ...triage,
        schema: {
          tags: ['scam-reports'],
          summary: 'Set a report’s status or assignee',
          security: SECURITY,
          params: IdParams,
          body: ReportPatchSchema,
          response: { 200: Done, ...responses },
        },
      },
      async (request) => {
        await visibleReport(request, request.params.id);
        await service.patch(request.params.id, request.body, actorOf(request));
        return { ok: true as const };
      },
    );

    app.post(
      '/v1/admin/scam-reports/:id/notes',
      {
        ...triage,
        schema: {
          tags: ['scam-reports'],
          summary: 'Add a triage note (notes are append-only)',
          security: SECURITY,
          params: IdParams,
          body: NoteInputSchema,
          response: { 201: Type.Object({ id: Type.String(), createdAt: Type.String() }), ...responses },
        },
      },
      async (request, reply) => {
        await visibleReport(request, request.params.id);
        return reply
          .status(201)
          .send(await service.addNote(request.params.id, request.body.text, actorOf(request)));
      },
    );

    app.get(
      '/v1/admin/scam-reports/:id/evidence/:evidenceId',
      {
        ...triage,
        schema: {
          tags: ['scam-reports'],
          summary: 'Download one evidence file (staff only; never served to the public)',
          security: SECURITY,
          params: Type.Object(
            {
              id: Type.String({ minLength: 1, maxLength: 64 }),
              evidenceId: Type.String({ minLength: 1, maxLength: 64 }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        const found = await service.evidence(request.params.id, request.params.evidenceId);
        if (!found) throw RequestProblem.notFound('params/evidenceId', 'no such evidence file');
        requireVisible(request, found.jurisdiction, 'params/evidenceId', 'such evidence file');
        // Served as a download, never rendered inline by the console's origin.
        return reply
          .header('content-disposition', `attachment; filename="${request.params.evidenceId}"`)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('x-evidence-sha256', found.sha256)
          .type(found.mediaType)
          .send(Buffer.from(found.content));
      },
    );

    app.get(
      '/v1/admin/scam-clusters',
      {
        ...readable,
        schema: {
          tags: ['scam-reports'],
          summary: 'Clusters of reports sharing an identifier or a lookalike target',
          security: SECURITY,
          querystring: ClusterListQuerySchema,
          response: { 200: Type.Object({ items: Type.Array(ClusterSummarySchema) }), ...responses },
        },
      },
      async (request) => {
        await sharedOnly(request);
        return { items: await service.clusters(request.query, visible(request)) };
      },
    );

    app.get(
      '/v1/admin/scam-clusters/export',
      {
        ...triage,
        schema: {
          tags: ['scam-reports'],
          summary: 'Confirmed clusters’ identifiers as CSV or STIX 2.1 (no reporter data)',
          security: SECURITY,
          querystring: ExportQuerySchema,
        },
      },
      async (request, reply) => {
        const body = await service.exportConfirmed(request.query.format);
        return reply
          .type(request.query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json')
          .send(body);
      },
    );

    app.get(
      '/v1/admin/scam-clusters/:id',
      {
        ...readable,
        schema: {
          tags: ['scam-reports'],
          summary: 'One cluster: reports, identifiers, counts, total loss per asset, first and last seen',
          security: SECURITY,
          params: IdParams,
          response: { 200: ClusterDetailSchema, ...responses },
        },
      },
      async (request) => {
        await sharedOnly(request);
        await visibleCluster(request, request.params.id);
        const cluster = await service.cluster(request.params.id);
        if (!cluster) throw RequestProblem.notFound('params/id', 'no such cluster');
        return cluster;
      },
    );

    app.post(
      '/v1/admin/scam-clusters/:id/confirm',
      {
        ...triage,
        schema: {
          tags: ['scam-reports'],
          summary: 'Confirm a cluster: its identifiers become indicators the next screening uses',
          security: SECURITY,
          params: IdParams,
          body: ConfirmInputSchema,
          response: {
            200: Type.Object({ indicators: Type.Integer(), reports: Type.Integer() }),
            ...responses,
          },
        },
      },
      async (request) => {
        await visibleCluster(request, request.params.id);
        return service.confirm(request.params.id, request.body, actorOf(request));
      },
    );

    app.post(
      '/v1/admin/scam-clusters/:id/reject',
      {
        ...triage,
        schema: {
          tags: ['scam-reports'],
          summary: 'Reject a cluster as not a scam',
          security: SECURITY,
          params: IdParams,
          body: RejectInputSchema,
          response: { 200: Done, ...responses },
        },
      },
      async (request) => {
        await visibleCluster(request, request.params.id);
        await service.reject(request.params.id, request.body.reason, actorOf(request));
        return { ok: true as const };
      },
    );

    app.post(
      '/v1/admin/scam-clusters/:id/refer',
      {
        ...triage,
        schema: {
          tags: ['scam-reports'],
          summary:
            'Refer a confirmed cluster to a police partner through the relay (only what its policy allows)',
          security: SECURITY,
          params: IdParams,
          body: ReferInputSchema,
          response: { 200: Type.Object({ alertIds: Type.Array(Type.String()) }), ...responses },
        },
      },
      async (request) => {
        await visibleCluster(request, request.params.id);
        return service.refer(request.params.id, request.body.partnerId, actorOf(request));
      },
    );

    const SharingSchema = Type.Object({
      jurisdiction: Type.String(),
      shared: Type.Boolean(),
      sharedBy: Type.Union([Type.String(), Type.Null()]),
      sharedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    });
    app.get(
      '/v1/admin/scam-report-sharing',
      {
        preHandler: auth.require('admin.read'),
        schema: {
          tags: ['scam-reports'],
          summary: "Per jurisdiction: whether its partner's reviewers may read its scam reports",
          security: SECURITY,
          response: { 200: Type.Object({ jurisdictions: Type.Array(SharingSchema) }), ...responses },
        },
      },
      async () => ({ jurisdictions: await sharing.list() }),
    );

    app.get(
      '/v1/console/scam-report-sharing',
      {
        preHandler: auth.require(['reports.triage', 'reports.shared']),
        schema: {
          tags: ['scam-reports'],
          summary: 'Whether the caller may read scam reports (the console shows the pages only then)',
          security: SECURITY,
          response: { 200: Type.Object({ shared: Type.Boolean() }), ...responses },
        },
      },
      async (request) => {
        try {
          await sharedOnly(request);
          return { shared: true };
        } catch (error) {
          if (error instanceof RequestProblem && error.kind === 'forbidden') return { shared: false };
          throw error;
        }
      },
    );

    app.put(
      '/v1/admin/scam-report-sharing/:code',
      {
        preHandler: auth.require('admin'),
        schema: {
          tags: ['scam-reports'],
          summary:
            "Share (or stop sharing) a jurisdiction's scam reports with its partner's reviewers: read only, " +
            'without reporter contact, pseudonym, staff notes or evidence files; audited',
          security: SECURITY,
          params: Type.Object(
            { code: Type.String({ pattern: '^[A-Z]{2}$', description: 'Jurisdiction code, e.g. HK' }) },
            { additionalProperties: false },
          ),
          body: Type.Object({ shared: Type.Boolean() }, { additionalProperties: false }),
          response: { 200: SharingSchema, ...responses },
        },
      },
      async (request) => {
        const { code } = request.params;
        if (!(await sharing.set(code, request.body.shared, actorOf(request))))
          throw RequestProblem.notFound('params/code', `no jurisdiction ${code}`);
        const state = (await sharing.list()).find((j) => j.jurisdiction === code);
        if (!state) throw RequestProblem.notFound('params/code', `no jurisdiction ${code}`);
        return state;
      },
    );

    app.post(
      '/public/disputes',
      {
        bodyLimit: 16 * 1024,
        config: publicLimit,
        schema: {
          tags: ['scam-reports'],
          summary: '"This is mine and wrongly flagged": file a dispute, answered within 5 business days',
          body: DisputeInputSchema,
          response: { 201: DisputeCreatedSchema, ...responses },
        },
      },
      async (request, reply) => reply.status(201).send(await service.fileDispute(request.body)),
    );

    app.get(
      '/public/disputes/:reference',
      {
        schema: {
          tags: ['scam-reports'],
          summary: 'A dispute’s status by its reference (never any reporter’s data)',
          params: Type.Object(
            { reference: Type.String({ minLength: 1, maxLength: 32 }) },
            { additionalProperties: false },
          ),
          response: { 200: DisputePublicSchema, ...responses },
        },
      },
      async (request) => service.dispute(request.params.reference),
    );

    app.get(
      '/v1/admin/disputes',
      {
        ...triage,
        schema: {
          tags: ['scam-reports'],
          summary: 'The dispute queue, open ones first by deadline',
          security: SECURITY,
          querystring: Type.Object(
            { status: Type.Optional(DisputeStatusSchema) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(DisputeAdminSchema) }), ...responses },
        },
      },
      async (request) => ({ items: await service.disputes(request.query.status) }),
    );

    app.post(
      '/v1/admin/disputes/:id/decide',
      {
        ...triage,
        schema: {
          tags: ['scam-reports'],
          summary: 'Decide a dispute: delist (expire the indicator) or keep, with a public note',
          security: SECURITY,
          params: IdParams,
          body: DisputeDecideSchema,
          response: { 200: Done, ...responses },
        },
      },
      async (request) => {
        await service.decideDispute(request.params.id, request.body, actorOf(request));
        return { ok: true as const };
      },
    );

    async function visibleReport(request: FastifyRequest, id: string): Promise<void> {
      const jurisdiction = await service.reportJurisdiction(id);
      if (!jurisdiction) throw RequestProblem.notFound('params/id', 'no such report');
      requireVisible(request, jurisdiction, 'params/id', 'such report');
    }

    // A restricted caller acts on a cluster only when every report in it is from its jurisdiction.
    async function visibleCluster(request: FastifyRequest, id: string): Promise<void> {
      const restricted = request.principal?.jurisdiction ?? null;
      if (restricted === null) return;
      const jurisdictions = await service.clusterJurisdictions(id);
      if (jurisdictions.length === 0 || jurisdictions.some((j) => j !== restricted))
        throw RequestProblem.notFound('params/id', 'no such cluster');
    }
  };
}
