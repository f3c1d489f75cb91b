import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Caveat } from '../../app/caveat.js';
import { policeRequestsOf } from '../../app/police-request-service.js';
import {
  AnswerBodySchema,
  DisclosableViewSchema,
  DisclosureQuerySchema,
  DisclosureSchema,
  EmailDomainsBodySchema,
  InboxCountSchema,
  MessageBodySchema,
  MessageSchema,
  OfficerSchema,
  OfficerStatusSchema,
  PoliceRequestDetailSchema,
  PoliceRequestSchema,
  RequestListQuerySchema,
  RequestPatchBodySchema,
  type AnswerBody,
  type OfficerStatus,
  type RequestListQuery,
  type RequestPatchBody,
} from '../../police-requests/model.js';
import { normalizeRequestIdentifiers } from '../../police-requests/request-identifiers.js';
import { actorOf, type Authenticator } from '../auth.js';
import { sendProblem } from '../problem.js';

const IdParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
const AttachmentParams = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 100 }),
    attachmentId: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);
const OfficerQuery = Type.Object(
  { status: Type.Optional(OfficerStatusSchema) },
  { additionalProperties: false },
);
const ExportQuery = Type.Object(
  {
    format: Type.Optional(Type.Literal('csv')),
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 2100 })),
  },
  { additionalProperties: false },
);
const SECURITY: { [label: string]: string[] }[] = [{ bearer: [] }, { session: [] }];
const tags = ['police requests'];
const SWEEP_EVERY_MS = 60_000;

/** A subject as the log keys it: an identifier's normalized key when it is one, else as written. */
function subjectKey(raw: string): string {
  if (/^[a-z_]+:/.test(raw)) return raw;
  const { identifiers } = normalizeRequestIdentifiers([{ value: raw }]);
  return identifiers[0]?.subject ?? raw;
}

/**
 * Handling police requests in the console (admins and le_responder: police.respond), officer
 * approval and agency email domains (admin), and the disclosure log (query and export).
 */
export function policeRequestRoutes(caveat: Caveat, auth: Authenticator): FastifyPluginAsyncTypebox {
  return async (app) => {
    const service = await policeRequestsOf(caveat);
    const respond = { preHandler: auth.require('police.respond') };
    const admin = { preHandler: auth.require('admin') };
    // Due-soon and overdue pages to on-call; every instance sweeps, and each step is claimed in the store, so paged once.
    const sweeper = setInterval(() => {
      service
        .sweep()
        .catch((error: unknown) => caveat.logger.error({ err: error }, 'police request sweep failed'));
    }, SWEEP_EVERY_MS);
    sweeper.unref();
    app.addHook('onClose', async () => clearInterval(sweeper));

    app.get(
      '/v1/admin/police-requests',
      {
        ...respond,
        schema: {
          tags,
          summary: 'The inbox: emergencies first, then by deadline, with timers',
          security: SECURITY,
          querystring: RequestListQuerySchema,
          response: { 200: Type.Array(PoliceRequestSchema) },
        },
      },
      async (request) => service.inbox(request.query as RequestListQuery),
    );

    app.get(
      '/v1/admin/police-requests/count',
      {
        ...respond,
        schema: {
          tags,
          summary: 'Open requests by timer (the nav badge)',
          security: SECURITY,
          response: { 200: InboxCountSchema },
        },
      },
      async () => service.inboxCount(),
    );

    app.get(
      '/v1/admin/police-requests/:id',
      {
        ...respond,
        schema: {
          tags,
          summary: 'One request',
          security: SECURITY,
          params: IdParams,
          response: { 200: PoliceRequestDetailSchema },
        },
      },
      async (request) => service.detail(await service.request(request.params.id)),
    );

    app.patch(
      '/v1/admin/police-requests/:id',
      {
        ...respond,
        schema: {
          tags,
          summary: 'Change status or assignee',
          security: SECURITY,
          params: IdParams,
          body: RequestPatchBodySchema,
          response: { 200: PoliceRequestDetailSchema },
        },
      },
      async (request) =>
        service.detail(
          await service.patch(request.params.id, request.body as RequestPatchBody, actorOf(request)),
        ),
    );

    app.post(
      '/v1/admin/police-requests/:id/messages',
      {
        ...respond,
        schema: {
          tags,
          summary: 'Write to the officer',
          security: SECURITY,
          params: IdParams,
          body: MessageBodySchema,
          response: { 201: MessageSchema },
        },
      },
      async (request, reply) => {
        const found = await service.request(request.params.id);
        const message = await service.requests.addMessage(
          found.id,
          'exchange',
          actorOf(request),
          request.body.text,
        );
        return reply.status(201).send(message);
      },
    );

    app.get(
      '/v1/admin/police-requests/:id/disclosable',
      {
        ...respond,
        schema: {
          tags,
          summary: "What caveat holds per identifier, and which fields the agency's policy allows",
          security: SECURITY,
          params: IdParams,
          response: { 200: DisclosableViewSchema },
        },
      },
      async (request) => service.disclosable(await service.request(request.params.id)),
    );

    app.post(
      '/v1/admin/police-requests/:id/answer',
      {
        ...respond,
        schema: {
          tags,
          summary:
            'Answer: disclose allowed fields (others only with an admin override and reason); builds the evidence pack',
          security: SECURITY,
          params: IdParams,
          body: AnswerBodySchema,
          response: { 200: PoliceRequestDetailSchema },
        },
      },
      async (request) => {
        const principal = request.principal;
        const answered = await service.answer(request.params.id, request.body as AnswerBody, {
          actor: actorOf(request),
          canOverride: principal?.permissions.has('police.override') === true,
        });
        return service.detail(answered);
      },
    );

    app.get(
      '/v1/admin/police-requests/:id/evidence-pack',
      {
        ...respond,
        schema: {
          tags,
          summary: 'The evidence pack sent with the answer',
          security: SECURITY,
          params: IdParams,
        },
      },
      async (request, reply) => {
        const found = await service.request(request.params.id);
        const pack = await service.requests.evidencePack(found.id);
        if (!pack)
          return sendProblem(reply, 404, 'params/id: the request has no evidence pack yet', [
            { field: 'params/id', message: 'not answered yet' },
          ]);
        return reply
          .type('application/zip')
          .header('content-disposition', `attachment; filename="${found.caseNumber}-evidence.zip"`)
          .send(Buffer.from(pack));
      },
    );

    app.get(
      '/v1/admin/police-requests/:id/attachments/:attachmentId',
      {
        ...respond,
        schema: {
          tags,
          summary: "An officer's attachment (PDF)",
          security: SECURITY,
          params: AttachmentParams,
        },
      },
      async (request, reply) => {
        const file = await service.requests.attachmentContent(request.params.id, request.params.attachmentId);
        if (!file)
          return sendProblem(reply, 404, 'params/attachmentId: no such attachment', [
            { field: 'params/attachmentId', message: 'not found' },
          ]);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${file.filename.replace(/"/g, '')}"`)
          .send(Buffer.from(file.content));
      },
    );

    app.get(
      '/v1/admin/officers',
      {
        ...admin,
        schema: {
          tags,
          summary: 'Officers, e.g. those awaiting approval',
          security: SECURITY,
          querystring: OfficerQuery,
          response: { 200: Type.Array(OfficerSchema) },
        },
      },
      async (request) => service.officers.list(request.query.status as OfficerStatus | undefined),
    );

    for (const action of ['approve', 'reject'] as const) {
      app.post(
        `/v1/admin/officers/:id/${action}`,
        {
          ...admin,
          schema: {
            tags,
            summary: `${action === 'approve' ? 'Approve' : 'Reject'} an officer`,
            security: SECURITY,
            params: IdParams,
            response: { 200: OfficerSchema },
          },
        },
        async (request) =>
          service.officers.decide(
            request.params.id,
            action === 'approve' ? 'approved' : 'rejected',
            actorOf(request),
          ),
      );
    }

    app.get(
      '/v1/admin/partners/:id/email-domains',
      {
        ...admin,
        schema: {
          tags,
          summary: "A police partner's official email domains",
          security: SECURITY,
          params: IdParams,
        },
      },
      async (request) => ({ domains: await service.officers.emailDomains(request.params.id) }),
    );

    app.put(
      '/v1/admin/partners/:id/email-domains',
      {
        ...admin,
        schema: {
          tags,
          summary: "Set a police partner's official email domains",
          security: SECURITY,
          params: IdParams,
          body: EmailDomainsBodySchema,
        },
      },
      async (request) => ({
        domains: await service.officers.setEmailDomains(
          request.params.id,
          request.body.domains,
          actorOf(request),
        ),
      }),
    );

    app.get(
      '/v1/admin/disclosures',
      {
        ...respond,
        schema: {
          tags,
          summary: 'The disclosure log: who received data about this subject?',
          security: SECURITY,
          querystring: DisclosureQuerySchema,
          response: { 200: Type.Array(DisclosureSchema) },
        },
      },
      async (request) => {
        const { subject, requestId } = request.query;
        const rows = await service.requests.disclosures({
          ...(subject ? { subject: subjectKey(subject) } : {}),
          ...(requestId ? { requestId } : {}),
        });
        // The log answers who received what; the values themselves stay in the evidence pack.
        return rows.map(({ value: _value, ...row }) => row);
      },
    );

    app.get(
      '/v1/admin/disclosures/export',
      {
        ...respond,
        schema: {
          tags,
          summary: 'The disclosure log as CSV (for a regulator or DPO)',
          security: SECURITY,
          querystring: ExportQuery,
        },
      },
      async (request, reply) => {
        const csv = await service.disclosuresCsv(
          request.query.subject ? subjectKey(request.query.subject) : undefined,
        );
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="disclosures.csv"')
          .send(csv);
      },
    );
  };
}
