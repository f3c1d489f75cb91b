import { Tokens } from '@fastify/csrf';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import type { Caveat } from '../../app/caveat.js';
import { policeRequestsOf } from '../../app/police-request-service.js';
import { DISCLOSABLE_FIELDS } from '../../police-requests/disclosable-fields.js';
import {
  AgencySchema,
  AttachmentSchema,
  ConfirmBodySchema,
  DisclosableFieldSchema,
  MessageBodySchema,
  MessageSchema,
  NewRequestBodySchema,
  type NewRequestBody,
  OfficerSchema,
  OfficerSessionBodySchema,
  PoliceRequestDetailSchema,
  PoliceRequestSchema,
  RequestCreatedSchema,
  SignUpBodySchema,
  SigningKeySchema,
  TotpVerifyBodySchema,
} from '../../police-requests/model.js';
import { OFFICER_SESSION_LIFETIME_MS, type OfficerSession } from '../../store/officer-repository.js';
import { ensureSecret } from '../../store/settings-repository.js';
import { sendProblem } from '../problem.js';
import { refuseUpload } from '../upload-refusal.js';

export const POLICE_SESSION_COOKIE = 'caveat_police_session';
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const IdParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
const tags = ['police portal'];

declare module 'fastify' {
  interface FastifyRequest {
    officerSession?: OfficerSession;
  }
}

/**
 * The police portal's API (/police/api/*): officers sign up with an agency email, confirm it, are
 * approved by the exchange, and sign in with their own cookie (HttpOnly, SameSite=Strict, path
 * /police) and CSRF token, separate from console sessions, so neither opens the other.
 */
export function policePortalRoutes(caveat: Caveat): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(rateLimit, { global: false });
    await app.register(multipart, {
      limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 0, parts: 1 },
    });
    const service = await policeRequestsOf(caveat);
    const csrf = new Tokens({ userInfo: true, hmacKey: await ensureSecret(caveat.db, 'police_csrf_key') });
    const csrfToken = (session: OfficerSession) => csrf.create(session.csrfSecret, session.id);
    const secure = (request: FastifyRequest) =>
      caveat.config.cookieSecure === 'auto' ? request.protocol === 'https' : caveat.config.cookieSecure;
    const limited = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

    const sessionOf = async (request: FastifyRequest) => {
      const token = request.cookies[POLICE_SESSION_COOKIE];
      return token ? service.officers.session(token) : undefined;
    };

    /** An approved officer's live session; changes also need its CSRF token. */
    const officer = async (request: FastifyRequest, reply: FastifyReply) => {
      const session = await sessionOf(request);
      if (!session)
        return sendProblem(reply, 401, 'headers/cookie: sign in to the police portal', [
          { field: 'headers/cookie', message: 'no live police portal session: sign in first' },
        ]);
      if (!SAFE_METHODS.has(request.method)) {
        const token = request.headers['x-csrf-token'];
        if (typeof token !== 'string' || !csrf.verify(session.csrfSecret, token, session.id))
          return sendProblem(reply, 403, 'headers/x-csrf-token: missing or not this session’s token', [
            { field: 'headers/x-csrf-token', message: 'send the csrfToken from GET /police/api/session' },
          ]);
      }
      request.officerSession = session;
    };
    const me = (request: FastifyRequest) => (request.officerSession as OfficerSession).officer;

    app.get(
      '/police/api/agencies',
      {
        schema: {
          tags,
          summary: 'Agencies whose officers can sign up',
          response: { 200: Type.Array(AgencySchema) },
        },
      },
      async () => service.officers.agencies(),
    );

    app.get(
      '/police/api/fields',
      {
        schema: {
          tags,
          summary: 'The catalogue of fields caveat can disclose',
          response: { 200: Type.Array(DisclosableFieldSchema) },
        },
      },
      async () =>
        DISCLOSABLE_FIELDS.map((f) => ({
          name: f.name,
          label: f.label,
          description: f.description,
          policyField: f.governedBy === 'public' ? null : f.governedBy,
        })),
    );

    app.get(
      '/police/api/signing-key',
      {
        schema: {
          tags,
          summary: 'The public key that signs evidence packs',
          response: { 200: SigningKeySchema },
        },
      },
      async () => service.signingKey(),
    );

    app.post(
      '/police/api/sign-up',
      {
        config: limited(caveat.config.signInPerMinute),
        schema: { tags, summary: 'Sign up as an officer', body: SignUpBodySchema },
      },
      async (request, reply) => {
        await service.signUp(request.body);
        return reply.status(202).send({ status: 'confirmation_sent' });
      },
    );

    app.post(
      '/police/api/confirm',
      {
        config: limited(caveat.config.signInPerMinute),
        schema: {
          tags,
          summary: 'Confirm the email with the mailed token',
          body: ConfirmBodySchema,
          response: { 200: OfficerSchema },
        },
      },
      async (request) => service.confirm(request.body.token),
    );

    app.post(
      '/police/api/session',
      {
        // Slows guessing from one address; the per-account lockout stops it across addresses.
        config: limited(caveat.config.signInPerMinute),
        schema: { tags, summary: 'Sign in to the police portal', body: OfficerSessionBodySchema },
      },
      async (request, reply) => {
        const { token, session } = await service.signIn(request.body);
        reply.setCookie(POLICE_SESSION_COOKIE, token, {
          path: '/police',
          httpOnly: true,
          sameSite: 'strict',
          secure: secure(request),
          maxAge: OFFICER_SESSION_LIFETIME_MS / 1000,
        });
        return { officer: session.officer, csrfToken: csrfToken(session) };
      },
    );

    app.get(
      '/police/api/session',
      { schema: { tags, summary: 'The signed-in officer and CSRF token' } },
      async (request) => {
        const session = await sessionOf(request);
        return session
          ? { officer: session.officer, csrfToken: csrfToken(session) }
          : { officer: null, csrfToken: null };
      },
    );

    app.delete(
      '/police/api/session',
      { preHandler: officer, schema: { tags, summary: 'Sign out' } },
      async (request, reply) => {
        const token = request.cookies[POLICE_SESSION_COOKIE];
        if (token) await service.officers.closeSession(token);
        reply.clearCookie(POLICE_SESSION_COOKIE, { path: '/police' });
        return reply.status(204).send();
      },
    );

    app.post(
      '/police/api/totp',
      { preHandler: officer, schema: { tags, summary: 'Start TOTP enrolment (returns the otpauth URI)' } },
      async (request) => service.enrolTotp(me(request)),
    );

    app.post(
      '/police/api/totp/verify',
      {
        preHandler: officer,
        schema: { tags, summary: 'Confirm TOTP enrolment with a code', body: TotpVerifyBodySchema },
      },
      async (request, reply) => {
        await service.verifyTotp(me(request), request.body.code);
        return reply.status(204).send();
      },
    );

    app.post(
      '/police/api/requests',
      {
        preHandler: officer,
        schema: {
          tags,
          summary: 'File a request',
          body: NewRequestBodySchema,
          response: { 201: RequestCreatedSchema },
        },
      },
      async (request, reply) => {
        const created = await service.file(me(request), request.body as NewRequestBody);
        return reply.status(201).send({
          id: created.id,
          caseNumber: created.caseNumber,
          dueAt: created.dueAt.toISOString(),
          status: created.status,
        });
      },
    );

    app.get(
      '/police/api/requests',
      {
        preHandler: officer,
        schema: {
          tags,
          summary: "The agency's requests",
          response: { 200: Type.Array(PoliceRequestSchema) },
        },
      },
      async (request) => service.agencyRequests(me(request)),
    );

    app.get(
      '/police/api/requests/:id',
      {
        preHandler: officer,
        schema: {
          tags,
          summary: 'One request with messages and the answer',
          params: IdParams,
          response: { 200: PoliceRequestDetailSchema },
        },
      },
      async (request) => service.detail(await service.ownRequest(me(request), request.params.id)),
    );

    app.post(
      '/police/api/requests/:id/messages',
      {
        preHandler: officer,
        schema: {
          tags,
          summary: 'Write to the exchange',
          params: IdParams,
          body: MessageBodySchema,
          response: { 201: MessageSchema },
        },
      },
      async (request, reply) => {
        const own = await service.ownRequest(me(request), request.params.id);
        const message = await service.requests.addMessage(
          own.id,
          'officer',
          me(request).name,
          request.body.text,
        );
        return reply.status(201).send(message);
      },
    );

    app.post(
      '/police/api/requests/:id/attachments',
      {
        preHandler: officer,
        schema: {
          tags,
          summary: 'Attach the warrant or order (multipart field "file"): PDF only, at most 10 MB',
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: { 201: AttachmentSchema },
        },
      },
      async (request, reply) => {
        const own = await service.ownRequest(me(request), request.params.id);
        let file;
        let content: Buffer;
        try {
          file = await request.file();
          if (!file || file.fieldname !== 'file')
            return sendProblem(reply, 422, 'file: send the order as the multipart field "file"', [
              { field: 'file', message: 'is required' },
            ]);
          content = await file.toBuffer();
        } catch (error) {
          return refuseUpload(reply, error, 10);
        }
        // The name and the declared type are the sender's word; the bytes decide.
        const sniffed = await fileTypeFromBuffer(content);
        if (sniffed?.mime !== 'application/pdf')
          return sendProblem(
            reply,
            415,
            `file: is ${sniffed ? sniffed.mime : 'not a recognised file type'}, not a PDF`,
            [{ field: 'file', message: 'must be a PDF (the content is checked, not the name)' }],
          );
        const filename = (file.filename || 'order.pdf').replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200);
        const attachment = await service.requests.addAttachment(
          own.id,
          { filename, contentType: 'application/pdf', content },
          `officer:${me(request).id}`,
        );
        return reply.status(201).send(attachment);
      },
    );

    app.get(
      '/police/api/requests/:id/evidence-pack',
      {
        preHandler: officer,
        schema: { tags, summary: 'The signed evidence pack (ZIP), once answered', params: IdParams },
      },
      async (request, reply) => {
        const own = await service.ownRequest(me(request), request.params.id);
        const pack = await service.requests.evidencePack(own.id);
        if (!pack)
          return sendProblem(reply, 404, 'params/id: the request has no evidence pack yet', [
            { field: 'params/id', message: 'not answered yet' },
          ]);
        return reply
          .type('application/zip')
          .header('content-disposition', `attachment; filename="${own.caseNumber}-evidence.zip"`)
          .send(Buffer.from(pack));
      },
    );
  };
}
