import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { strToU8 } from 'fflate';
import type { Logger } from 'pino';
import * as OTPAuth from 'otpauth';
import type { Config } from '../config.js';
import { RequestProblem, type FieldProblem } from '../errors.js';
import { indicatorsToStix } from '../intelligence/exchange/stix-format.js';
import type { Indicator } from '../intelligence/indicator.js';
import { emailInAgencyDomains } from '../police-requests/agency-domains.js';
import { inboxOrder, dueAt, timer } from '../police-requests/deadlines.js';
import { DISCLOSABLE_FIELDS, disclosableField } from '../police-requests/disclosable-fields.js';
import { buildEvidencePack, keyId, type PackFile } from '../police-requests/evidence-pack.js';
import { fieldVerdict, minimize } from '../police-requests/minimization.js';
import type {
  AnswerBody,
  DisclosableView,
  InboxCount,
  NewRequestBody,
  Officer,
  OfficerSessionBody,
  PoliceRequest,
  PoliceRequestDetail,
  RequestListQuery,
  RequestPatchBody,
  SignUpBody,
  SigningKeyView,
  SubjectRecords,
} from '../police-requests/model.js';
import { STATUSES_NEEDING_REASON } from '../police-requests/model.js';
import { normalizeRequestIdentifiers } from '../police-requests/request-identifiers.js';
import { amountBand, pseudonym } from '../relay/alert-payload.js';
import type { RelayPolicy } from '../relay/policy.js';
import type { ConsoleUserRepository } from '../store/console-user-repository.js';
import type { Database } from '../store/database.js';
import type { IntelligenceRepository } from '../store/intelligence-repository.js';
import { OfficerRepository, type OfficerSession } from '../store/officer-repository.js';
import {
  PoliceRequestRepository,
  type DecisionFacts,
  type StoredRequest,
} from '../store/police-request-repository.js';
import type { RelayRepository } from '../store/relay-repository.js';
import { ensureSecret } from '../store/settings-repository.js';
import { createMailer, type Mailer } from './mailer.js';
import { OncallNotifier } from './oncall-notifier.js';

/** What the police-request use cases need from the rest of caveat. */
export interface PoliceRequestDeps {
  config: Config;
  logger: Logger;
  db: Database;
  users: ConsoleUserRepository;
  intelligenceStore: IntelligenceRepository;
  relayStore: RelayRepository;
}

// PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const ADDRESS_KINDS = new Set(['evm_address', 'bitcoin_address', 'tron_address']);

/** The caller of a console use case, as the routes know it. */
export interface Responder {
  actor: string;
  canOverride: boolean;
}

/**
 * Police requests end to end: officers' sign-up, confirmation and sign-in; filing and reading their
 * agency's requests; the console's inbox, handling and answer (minimized by the agency's relay policy,
 * logged field by field, packed and signed); on-call pages for new, due-soon and overdue requests.
 */
export class PoliceRequestService {
  readonly officers: OfficerRepository;
  readonly requests: PoliceRequestRepository;

  private constructor(
    private readonly deps: PoliceRequestDeps,
    private readonly mailer: Mailer,
    private readonly signing: { privateKey: KeyObject; publicKey: KeyObject; keyId: string },
    readonly oncall: OncallNotifier,
  ) {
    this.officers = new OfficerRepository(deps.db);
    this.requests = new PoliceRequestRepository(deps.db);
  }

  static async create(deps: PoliceRequestDeps): Promise<PoliceRequestService> {
    // The signing key is kept in settings like the other secrets, so every replica signs with it.
    const seed = Buffer.from(await ensureSecret(deps.db, 'evidence_signing_seed'), 'base64url');
    const privateKey = createPrivateKey({
      key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
      format: 'der',
      type: 'pkcs8',
    });
    const publicKey = createPublicKey(privateKey);
    const police = deps.config.police;
    return new PoliceRequestService(
      deps,
      createMailer(police.mailTransport, police.mailFrom),
      { privateKey, publicKey, keyId: keyId(publicKey) },
      new OncallNotifier(police.oncallWebhookUrl, police.oncallWebhookSecret, deps.logger),
    );
  }

  signingKey(): SigningKeyView {
    return {
      keyId: this.signing.keyId,
      algorithm: 'Ed25519',
      publicKeyPem: this.signing.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
  }

  // ---- officers ---------------------------------------------------------------------------

  /** An officer signs up with an email of the agency's domains; the confirmation link goes by mail. */
  async signUp(body: SignUpBody): Promise<void> {
    const email = body.email.trim().toLowerCase();
    const agencies = await this.officers.agencies();
    const agency = agencies.find((a) => a.id === body.agencyId);
    if (!agency) throw RequestProblem.invalid('body/agencyId', 'is not an agency that can sign up officers');
    if (!emailInAgencyDomains(email, agency.officialEmailDomains))
      throw RequestProblem.invalid(
        'body/email',
        `must be an official address of ${agency.name} (${agency.officialEmailDomains.map((d) => `@${d}`).join(', ')})`,
      );
    const { token } = await this.officers.create({
      email,
      name: body.name.trim(),
      agencyId: agency.id,
      password: body.password,
    });
    const link = `${this.deps.config.police.publicBaseUrl}/police/confirm?token=${token}`;
    await this.mailer.send({
      to: email,
      subject: 'Confirm your email for the caveat police portal',
      text: `You signed up for the caveat police portal for ${agency.name}.\n\nConfirm your email within 24 hours:\n${link}\n\nAfter that, the exchange approves your account. If you did not sign up, ignore this message.\n`,
    });
  }

  async confirm(token: string): Promise<Officer> {
    const officer = await this.officers.confirm(token);
    if (!officer) throw RequestProblem.invalid('body/token', 'is unknown, used already or expired');
    return officer;
  }

  /**
   * Signs an officer in: the password (counted toward lockout), then the TOTP code when enrolled;
   * only after both does the account's state show (unconfirmed, pending, rejected → 403 session).
   */
  async signIn(body: OfficerSessionBody): Promise<{ token: string; session: OfficerSession }> {
    const attempt = await this.officers.signIn(body.email, body.password);
    if (attempt.result === 'locked') throw locked(attempt.until);
    if (attempt.result === 'refused')
      throw new RequestProblem('unauthorized', 'Wrong email or password.', [
        { field: 'body/password', message: 'wrong email or password' },
      ]);
    if (attempt.totpSecret) {
      if (!body.totp)
        throw new RequestProblem('unauthorized', 'body/totp: enter the code from your authenticator app', [
          { field: 'body/totp', message: 'needs the 6-digit code' },
        ]);
      if (!totpValid(attempt.totpSecret, body.totp)) {
        const after = await this.officers.recordFailure(attempt.officer.id);
        if (after.result === 'locked') throw locked(after.until);
        throw new RequestProblem('unauthorized', 'body/totp: wrong code', [
          { field: 'body/totp', message: 'wrong code' },
        ]);
      }
    }
    const officer = attempt.officer;
    if (officer.status !== 'approved') {
      const why =
        officer.status === 'unconfirmed'
          ? 'confirm your email first'
          : officer.status === 'pending'
            ? 'the exchange has not approved your account yet'
            : 'the exchange did not approve your account';
      throw new RequestProblem('forbidden', `session: ${why}`, [{ field: 'session', message: why }]);
    }
    return this.officers.openSession(officer);
  }

  /** Starts TOTP enrolment: a new secret, active once a code from it is verified. */
  async enrolTotp(officer: Officer): Promise<{ uri: string; secret: string }> {
    const totp = new OTPAuth.TOTP({
      issuer: 'caveat police portal',
      label: officer.email,
      secret: new OTPAuth.Secret({ size: 20 }),
    });
    await this.officers.setTotpSecret(officer.id, totp.secret.base32);
    return { uri: totp.toString(), secret: totp.secret.base32 };
  }

  async verifyTotp(officer: Officer, code: string): Promise<void> {
    const secret = await this.officers.totpSecret(officer.id);
    if (!secret) throw RequestProblem.conflict('body/code', 'start enrolment first (POST /police/api/totp)');
    if (!totpValid(secret, code)) throw RequestProblem.invalid('body/code', 'wrong code');
    await this.officers.enableTotp(officer.id);
  }

  // ---- officers' requests -------------------------------------------------------------------

  async file(officer: Officer, body: NewRequestBody, now = new Date()): Promise<StoredRequest> {
    const problems: FieldProblem[] = [];
    const { identifiers, problems: identifierProblems } = normalizeRequestIdentifiers(body.identifiers);
    problems.push(...identifierProblems);
    const fields = body.fields ?? [];
    fields.forEach((field, index) => {
      if (!disclosableField(field))
        problems.push({
          field: `body/fields/${index}`,
          message: `${field} is not a field caveat can disclose`,
        });
    });
    if (body.type === 'disclosure' && fields.length === 0)
      problems.push({ field: 'body/fields', message: 'a disclosure request names at least one field' });
    const deadline = Date.parse(`${body.requestedDeadline}T23:59:59.999Z`);
    if (!Number.isFinite(deadline) || !/^\d{4}-\d{2}-\d{2}$/.test(body.requestedDeadline))
      problems.push({ field: 'body/requestedDeadline', message: 'must be a date (YYYY-MM-DD)' });
    else if (deadline < now.getTime())
      problems.push({ field: 'body/requestedDeadline', message: 'is in the past' });
    if (body.threatToLife && body.type !== 'emergency')
      problems.push({ field: 'body/threatToLife', message: 'a threat to life is an emergency request' });
    if (body.type === 'emergency' && body.threatToLife !== true)
      problems.push({ field: 'body/threatToLife', message: 'an emergency request states a threat to life' });
    if (problems.length > 0)
      throw new RequestProblem(
        'invalid',
        problems.map((p) => `${p.field}: ${p.message}`).join('; '),
        problems,
      );
    const request = await this.requests.create({
      agencyId: officer.agencyId,
      officerId: officer.id,
      type: body.type,
      legalBasis: body.legalBasis.trim(),
      agencyReference: body.agencyReference.trim(),
      identifiers,
      fields,
      requestedDeadline: body.requestedDeadline,
      description: body.description,
      threatToLife: body.threatToLife === true,
      receivedAt: now,
      dueAt: dueAt(body.type, now, body.requestedDeadline),
    });
    void this.page(request, 'police_request.created');
    return request;
  }

  /** One of the officer's agency's requests; another agency's is a 404 (it does not learn it exists). */
  async ownRequest(officer: Officer, id: string): Promise<StoredRequest> {
    const request = await this.requests.get(id);
    if (!request || request.agencyId !== officer.agencyId)
      throw RequestProblem.notFound('params/id', `no request ${id}`);
    return request;
  }

  async agencyRequests(officer: Officer, now = new Date()): Promise<PoliceRequest[]> {
    const rows = await this.requests.list({ agencyId: officer.agencyId });
    return rows.map((r) => view(r, now));
  }

  async detail(request: StoredRequest, now = new Date()): Promise<PoliceRequestDetail> {
    const [messages, attachments, disclosed, pack] = await Promise.all([
      this.requests.messages(request.id),
      this.requests.attachments(request.id),
      this.requests.disclosures({ requestId: request.id }),
      request.answeredAt ? this.requests.evidencePack(request.id) : Promise.resolve(undefined),
    ]);
    return {
      ...view(request, now),
      messages,
      attachments,
      answer:
        request.answeredAt && request.answeredBy
          ? {
              answeredAt: request.answeredAt,
              answeredBy: request.answeredBy,
              records: disclosed.map((d) => ({ subject: d.subject, field: d.field, value: d.value })),
              evidencePackAvailable: pack !== undefined,
            }
          : null,
    };
  }

  // ---- console ----------------------------------------------------------------------------

  async inbox(query: RequestListQuery, now = new Date()): Promise<PoliceRequest[]> {
    const rows = await this.requests.list(query.status ? { status: query.status } : {});
    const views = inboxOrder(rows).map((r) => view(r, now));
    return query.due ? views.filter((v) => v.timer === query.due) : views;
  }

  async inboxCount(now = new Date()): Promise<InboxCount> {
    const views = (await this.requests.list()).map((r) => view(r, now)).filter((v) => v.timer !== null);
    return {
      open: views.length,
      dueSoon: views.filter((v) => v.timer === 'due_soon').length,
      overdue: views.filter((v) => v.timer === 'overdue').length,
      emergency: views.filter((v) => v.type === 'emergency').length,
    };
  }

  async request(id: string): Promise<StoredRequest> {
    const request = await this.requests.get(id);
    if (!request) throw RequestProblem.notFound('params/id', `no police request ${id}`);
    return request;
  }

  async patch(id: string, body: RequestPatchBody, actor: string): Promise<StoredRequest> {
    const request = await this.request(id);
    if (body.status === undefined && body.assignee === undefined)
      throw RequestProblem.invalid('body', 'change the status or the assignee');
    if (body.status === 'answered' || body.status === 'partially_answered')
      throw RequestProblem.invalid(
        'body/status',
        'answer through POST …/answer, which records what was disclosed',
      );
    if (body.status && STATUSES_NEEDING_REASON.includes(body.status) && !body.reason?.trim())
      throw RequestProblem.invalid(
        'body/reason',
        `a ${body.status} request needs the reason the officer reads`,
      );
    if (body.status && request.answeredAt)
      throw RequestProblem.conflict('body/status', 'the request was answered already');
    if (typeof body.assignee === 'string' && !(await this.deps.users.get(body.assignee)))
      throw RequestProblem.invalid('body/assignee', `no console user ${body.assignee}`);
    const updated = await this.requests.update(
      id,
      {
        ...(body.status ? { status: body.status, statusReason: body.reason?.trim() ?? null } : {}),
        ...(body.assignee !== undefined ? { assignee: body.assignee } : {}),
      },
      actor,
    );
    if (body.reason?.trim() && body.status)
      await this.requests.addMessage(
        id,
        'exchange',
        actor,
        `${body.status.replace('_', ' ')}: ${body.reason.trim()}`,
      );
    return updated;
  }

  /** The agency's current data-sharing policy (the relay's), or null when it has none. */
  private async policyOf(
    agencyId: string,
  ): Promise<{ policy: RelayPolicy; version: number; pseudonymKey: Uint8Array } | null> {
    const found = (await this.deps.relayStore.current()).find((p) => p.partnerId === agencyId);
    return found ? { policy: found.policy, version: found.version, pseudonymKey: found.pseudonymKey } : null;
  }

  /** For each identifier, what caveat holds, and for each field whether the policy allows it. */
  async disclosable(request: StoredRequest): Promise<DisclosableView> {
    const agreement = await this.policyOf(request.agencyId);
    const subjects = await this.subjectRecords(request, agreement?.pseudonymKey ?? null);
    return {
      policyVersion: agreement?.version ?? null,
      fields: DISCLOSABLE_FIELDS.map((field) => {
        const verdict = fieldVerdict(agreement?.policy ?? null, field.name);
        return {
          field: field.name,
          label: field.label,
          allowed: verdict.allowed,
          reason: verdict.allowed ? null : verdict.reason,
          requested: request.fields.includes(field.name),
        };
      }),
      subjects,
    };
  }

  private async subjectRecords(
    request: StoredRequest,
    pseudonymKey: Uint8Array | null,
  ): Promise<SubjectRecords[]> {
    const indicators = await this.indicatorsFor(request);
    const byKey = new Map(indicators.map((i) => [i.key, i]));
    const reports = await this.requests.scamReportFacts(request.identifiers.map((i) => i.subject));
    const out: SubjectRecords[] = [];
    let agencyUsers: string[] | undefined;
    for (const identifier of request.identifiers) {
      let decisions: DecisionFacts[] = [];
      if (ADDRESS_KINDS.has(identifier.kind)) {
        const bare = identifier.subject.slice(identifier.subject.indexOf(':') + 1);
        decisions = await this.requests.decisionsTo([...new Set([identifier.value, bare])]);
      } else if (identifier.kind === 'user_pseudonym' && pseudonymKey) {
        // The agency knows the user only by its own pseudonym: find whom it names among its jurisdiction's users.
        agencyUsers ??= await this.requests.userRefsIn(request.agencyJurisdiction);
        const wanted = identifier.subject.slice('pseudonym:'.length);
        const matches = agencyUsers.filter((ref) => pseudonym(pseudonymKey, ref) === wanted);
        decisions = await this.requests.decisionsOf(matches);
      }
      const indicator = byKey.get(identifier.subject);
      const indicatorFacts = indicator
        ? {
            kind: indicator.kind,
            display: indicator.display,
            scamType: indicator.scamType,
            riskLevel: indicator.riskLevel,
            reportCount: indicator.reportCount,
            firstSeen: new Date(indicator.firstSeenMs).toISOString(),
            lastSeen: new Date(indicator.lastSeenMs).toISOString(),
            jurisdictions: indicator.jurisdictions,
          }
        : null;
      const each = <T>(pick: (d: DecisionFacts) => T) => decisions.map(pick);
      const values: Record<string, unknown> = {
        indicator: indicatorFacts,
        scamReports: reports.get(identifier.subject) ?? null,
        decisionId: each((d) => d.decisionId),
        decidedAt: each((d) => d.decidedAt),
        jurisdiction: each((d) => d.jurisdiction),
        decision: each((d) => d.decision),
        reasons: each((d) => d.reasons),
        campaignId: each((d) => d.campaignId),
        asset: each((d) => d.asset),
        network: each((d) => d.network),
        amountBand: each((d) => amountBand(d.amountUsd)),
        destinationAddress: each((d) => d.destinationAddress),
        destinationReported: each((d) => d.reasons.some((r) => r.code === 'destination_reported')),
        userPseudonym: each((d) => (pseudonymKey ? pseudonym(pseudonymKey, d.userRef) : null)),
        outcome: each((d) => d.outcome),
        amountUsd: each((d) => d.amountUsd),
        userRef: each((d) => d.userRef),
      };
      out.push({
        subject: identifier.subject,
        value: identifier.value,
        kind: identifier.kind,
        decisions: decisions.length,
        indicator: indicatorFacts,
        values,
      });
    }
    return out;
  }

  private async indicatorsFor(request: StoredRequest): Promise<(Indicator & { display: string })[]> {
    const keys = new Set(request.identifiers.map((i) => i.subject));
    return (await this.deps.intelligenceStore.all()).filter((i) => keys.has(i.key));
  }

  /**
   * The answer: every selected (subject, field) the policy allows, or beyond it only with an
   * override by someone holding police.override, with a reason. Validated whole first; then the
   * disclosure log rows, the status and the signed evidence pack land in one transaction.
   */
  async answer(id: string, body: AnswerBody, responder: Responder): Promise<StoredRequest> {
    const request = await this.request(id);
    if (request.answeredAt) throw RequestProblem.conflict('params/id', 'the request was answered already');
    if (body.override && !responder.canOverride)
      throw new RequestProblem(
        'forbidden',
        'body/override: only an admin can override the data-sharing policy',
        [{ field: 'body/override', message: 'needs the police.override permission' }],
      );
    const agreement = await this.policyOf(request.agencyId);
    const subjects = new Set(request.identifiers.map((i) => i.subject));
    const { problems, allowed } = minimize(
      agreement?.policy ?? null,
      body.disclose,
      subjects,
      body.override !== undefined,
    );
    if (problems.length > 0) {
      const errors = problems.map((p) => ({
        field: `body/disclose/${p.index}/${p.field}`,
        message: p.message,
      }));
      throw new RequestProblem('invalid', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
    }
    const records = await this.subjectRecords(request, agreement?.pseudonymKey ?? null);
    const valuesOf = new Map(records.map((r) => [r.subject, r.values]));
    const overrideReason = body.override?.reason.trim() ?? null;
    const disclosures = allowed.map((item) => ({
      subject: item.subject,
      field: item.field,
      value: valuesOf.get(item.subject)?.[item.field] ?? null,
      overrideReason: item.overridden ? overrideReason : null,
    }));
    const answeredAt = new Date().toISOString();
    const indicators = (await this.indicatorsFor(request)).filter((i) =>
      allowed.some((a) => a.subject === i.key && a.field === 'indicator'),
    );
    const files: PackFile[] = [
      {
        name: 'records.json',
        bytes: strToU8(
          `${JSON.stringify(
            {
              caseNumber: request.caseNumber,
              agency: { id: request.agencyId, name: request.agencyName },
              request: {
                type: request.type,
                legalBasis: request.legalBasis,
                agencyReference: request.agencyReference,
                receivedAt: request.createdAt.toISOString(),
              },
              answeredAt,
              answeredBy: responder.actor,
              note: body.note ?? null,
              records: disclosures.map((d) => ({ subject: d.subject, field: d.field, value: d.value })),
            },
            null,
            2,
          )}\n`,
        ),
      },
      {
        name: 'records.csv',
        bytes: strToU8(
          stringify(
            disclosures.map((d) => [d.subject, d.field, JSON.stringify(d.value)]),
            { header: true, columns: ['subject', 'field', 'value'] },
          ),
        ),
      },
      { name: 'intelligence.stix.json', bytes: strToU8(indicatorsToStix(indicators)) },
    ];
    const pack = buildEvidencePack(
      files,
      { caseNumber: request.caseNumber, agency: request.agencyName, createdAt: answeredAt },
      this.signing.privateKey,
      this.signing.publicKey,
    );
    await this.requests.answer(request, {
      status: body.status ?? 'answered',
      disclosures,
      note: body.note ?? null,
      pack: { content: pack, signerKeyId: this.signing.keyId },
      actor: responder.actor,
    });
    if (body.note) await this.requests.addMessage(id, 'exchange', responder.actor, body.note);
    return this.request(id);
  }

  async disclosuresCsv(subject?: string): Promise<string> {
    const rows = await this.requests.disclosures(subject ? { subject } : {});
    return stringify(
      rows.map((d) => [
        d.disclosedAt,
        d.caseNumber,
        d.agencyName,
        d.officerEmail,
        d.legalBasis,
        d.subject,
        d.field,
        d.disclosedBy,
        d.overrideReason ?? '',
      ]),
      {
        header: true,
        columns: [
          'disclosedAt',
          'caseNumber',
          'agency',
          'officer',
          'legalBasis',
          'subject',
          'field',
          'disclosedBy',
          'overrideReason',
        ],
      },
    );
  }

  // ---- notifications ----------------------------------------------------------------------

  /** Pages on-call for a step unless another caller (or instance) already claimed it. */
  private async page(
    request: StoredRequest,
    event: 'police_request.created' | 'police_request.due_soon' | 'police_request.overdue',
  ): Promise<boolean> {
    try {
      const step = event === 'police_request.created' ? 'due' : event.slice('police_request.'.length);
      if (!(await this.requests.claimTimer(request.id, step))) return false;
      await this.oncall.page({
        event,
        requestId: request.id,
        caseNumber: request.caseNumber,
        type: request.type,
        agencyId: request.agencyId,
        dueAt: request.dueAt.toISOString(),
        urgent: request.type === 'emergency',
      });
      return true;
    } catch (error) {
      this.deps.logger.error({ err: error, requestId: request.id }, 'police request page failed');
      return false;
    }
  }

  /** Pages on-call once per step when an open request becomes due soon or overdue; returns pages sent. */
  async sweep(now = new Date()): Promise<number> {
    let pages = 0;
    for (const request of await this.requests.list()) {
      const current = timer(request, now);
      if ((current === 'due_soon' || current === 'overdue') && request.notifiedTimer !== current) {
        const paged = await this.page(
          request,
          current === 'due_soon' ? 'police_request.due_soon' : 'police_request.overdue',
        );
        if (paged) pages++;
      }
    }
    return pages;
  }
}

function view(r: StoredRequest, now: Date): PoliceRequest {
  return {
    id: r.id,
    caseNumber: r.caseNumber,
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    officerId: r.officerId,
    officerName: r.officerName,
    type: r.type,
    legalBasis: r.legalBasis,
    agencyReference: r.agencyReference,
    identifiers: r.identifiers,
    fields: r.fields,
    requestedDeadline: r.requestedDeadline,
    description: r.description,
    threatToLife: r.threatToLife,
    status: r.status,
    statusReason: r.statusReason,
    assignee: r.assignee,
    dueAt: r.dueAt.toISOString(),
    timer: timer(r, now),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function totpValid(secret: string, code: string): boolean {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
  return totp.validate({ token: code, window: 1 }) !== null;
}

function locked(until: string): RequestProblem {
  return new RequestProblem('too_many', `body/email: too many failed sign-ins; try again after ${until}`, [
    { field: 'body/email', message: `locked until ${until} after repeated failures` },
  ]);
}

const services = new WeakMap<object, Promise<PoliceRequestService>>();

/** One service per caveat instance, shared by the portal and the console routes. */
export function policeRequestsOf(caveat: PoliceRequestDeps): Promise<PoliceRequestService> {
  let service = services.get(caveat);
  if (!service) {
    service = PoliceRequestService.create(caveat);
    services.set(caveat, service);
  }
  return service;
}
