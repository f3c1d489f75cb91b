import { createHash, randomUUID } from 'node:crypto';
import { RequestProblem } from '../errors.js';
import { caseNumber } from '../police-requests/case-number.js';
import {
  CLOSED_STATUSES,
  type Attachment,
  type Disclosure,
  type RequestIdentifier,
  type RequestMessage,
  type RequestStatus,
  type RequestType,
} from '../police-requests/model.js';
import { appendAudit } from './audit-repository.js';
import type { Database } from './database.js';
import { iso, isoRequired, jsonObject } from './rows.js';

/** A request as stored; the service adds the timer (it depends on the clock). */
export interface StoredRequest {
  id: string;
  caseNumber: string;
  agencyId: string;
  agencyName: string;
  agencyJurisdiction: string;
  officerId: string;
  officerName: string;
  officerEmail: string;
  type: RequestType;
  legalBasis: string;
  agencyReference: string;
  identifiers: RequestIdentifier[];
  fields: string[];
  requestedDeadline: string;
  description: string;
  threatToLife: boolean;
  status: RequestStatus;
  statusReason: string | null;
  assignee: string | null;
  dueAt: Date;
  notifiedTimer: string | null;
  createdAt: Date;
  updatedAt: Date;
  answeredAt: string | null;
  answeredBy: string | null;
  answerNote: string | null;
}

export interface NewRequest {
  agencyId: string;
  officerId: string;
  type: RequestType;
  legalBasis: string;
  agencyReference: string;
  identifiers: RequestIdentifier[];
  fields: string[];
  requestedDeadline: string;
  description: string;
  threatToLife: boolean;
  receivedAt: Date;
  dueAt: Date;
}

/** One screened withdrawal as a disclosure can name it. */
export interface DecisionFacts {
  decisionId: string;
  decidedAt: string;
  userRef: string;
  jurisdiction: string;
  decision: 'allow' | 'warn' | 'hold';
  reasons: { code: string; message: string }[];
  campaignId: string | null;
  asset: string;
  network: string;
  amountUsd: number;
  destinationAddress: string;
  outcome: 'cancelled' | 'verified' | 'proceeded' | 'abandoned' | null;
}

export interface ScamReportFacts {
  reports: number;
  categories: string[];
  firstReportedAt: string;
  lastReportedAt: string;
  clusters: string[];
}

export interface NewDisclosure {
  subject: string;
  field: string;
  value: unknown;
  overrideReason: string | null;
}

interface RequestRow {
  id: string;
  case_number: string;
  agency_id: string;
  agency_name: string;
  agency_jurisdiction: string;
  officer_id: string;
  officer_name: string;
  officer_email: string;
  type: RequestType;
  legal_basis: string;
  agency_reference: string;
  identifiers: unknown;
  fields: string[];
  requested_deadline_text: string;
  description: string;
  threat_to_life: boolean;
  status: RequestStatus;
  status_reason: string | null;
  assignee: string | null;
  due_at: Date;
  notified_timer: string | null;
  created_at: Date;
  updated_at: Date;
  answered_at: Date | null;
  answered_by: string | null;
  answer_note: string | null;
}

const SELECT_REQUEST = `SELECT r.*, to_char(r.requested_deadline, 'YYYY-MM-DD') AS requested_deadline_text, p.name AS agency_name, p.jurisdiction AS agency_jurisdiction,
    o.name AS officer_name, o.email AS officer_email
  FROM police_requests r JOIN partners p ON p.id = r.agency_id JOIN officers o ON o.id = r.officer_id`;

const toRequest = (row: RequestRow): StoredRequest => ({
  id: row.id,
  caseNumber: row.case_number,
  agencyId: row.agency_id,
  agencyName: row.agency_name,
  agencyJurisdiction: row.agency_jurisdiction,
  officerId: row.officer_id,
  officerName: row.officer_name,
  officerEmail: row.officer_email,
  type: row.type,
  legalBasis: row.legal_basis,
  agencyReference: row.agency_reference,
  identifiers: jsonObject<RequestIdentifier[]>(row.identifiers),
  fields: row.fields,
  requestedDeadline: row.requested_deadline_text,
  description: row.description,
  threatToLife: row.threat_to_life,
  status: row.status,
  statusReason: row.status_reason,
  assignee: row.assignee,
  dueAt: new Date(row.due_at),
  notifiedTimer: row.notified_timer,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
  answeredAt: iso(row.answered_at),
  answeredBy: row.answered_by,
  answerNote: row.answer_note,
});

interface DisclosureRow {
  id: string;
  request_id: string;
  case_number: string;
  agency_id: string;
  agency_name: string;
  officer_id: string;
  officer_email: string;
  legal_basis: string;
  subject: string;
  field: string;
  value: unknown;
  disclosed_by: string;
  disclosed_at: Date;
  override_reason: string | null;
}

const toDisclosure = (row: DisclosureRow): Disclosure & { value: unknown } => ({
  id: row.id,
  requestId: row.request_id,
  caseNumber: row.case_number,
  agencyId: row.agency_id,
  agencyName: row.agency_name,
  officerId: row.officer_id,
  officerEmail: row.officer_email,
  legalBasis: row.legal_basis,
  subject: row.subject,
  field: row.field,
  value: jsonObject<unknown>(row.value),
  disclosedBy: row.disclosed_by,
  disclosedAt: isoRequired(row.disclosed_at),
  overrideReason: row.override_reason,
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Police requests, their attachments and messages, the disclosure log and evidence packs. */
export class PoliceRequestRepository {
  constructor(private readonly db: Database) {}

  async create(input: NewRequest): Promise<StoredRequest> {
    const id = randomUUID();
    return this.db.transaction(async (tx) => {
      const seq = await tx.query<{ n: string }>(`SELECT nextval('police_case_numbers')::text AS n`);
      const number = caseNumber(input.receivedAt, Number(seq[0]?.n));
      await tx.query(
        `INSERT INTO police_requests (id, case_number, agency_id, officer_id, type, legal_basis, agency_reference,
           identifiers, fields, requested_deadline, description, threat_to_life, status, due_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10::date, $11, $12, 'received', $13, $14, $14)`,
        [
          id,
          number,
          input.agencyId,
          input.officerId,
          input.type,
          input.legalBasis,
          input.agencyReference,
          JSON.stringify(input.identifiers),
          input.fields,
          input.requestedDeadline,
          input.description,
          input.threatToLife,
          input.dueAt,
          input.receivedAt,
        ],
      );
      await appendAudit(tx, {
        actor: `officer:${input.officerId}`,
        action: 'police_request.create',
        entity: 'police_request',
        entityId: id,
        detail: { caseNumber: number, type: input.type, agencyId: input.agencyId },
      });
      const rows = await tx.query<RequestRow>(`${SELECT_REQUEST} WHERE r.id = $1`, [id]);
      return toRequest(rows[0] as RequestRow);
    });
  }

  /** Requests, optionally of one agency and one status (newest first; the service orders the inbox). */
  async list(filter: { agencyId?: string; status?: RequestStatus } = {}): Promise<StoredRequest[]> {
    const rows = await this.db.query<RequestRow>(
      `${SELECT_REQUEST} WHERE ($1::text IS NULL OR r.agency_id = $1) AND ($2::text IS NULL OR r.status = $2)
       ORDER BY r.created_at DESC LIMIT 1000`,
      [filter.agencyId ?? null, filter.status ?? null],
    );
    return rows.map(toRequest);
  }

  async get(id: string): Promise<StoredRequest | undefined> {
    const rows = await this.db.query<RequestRow>(`${SELECT_REQUEST} WHERE r.id = $1`, [id]);
    return rows[0] && toRequest(rows[0]);
  }

  async update(
    id: string,
    change: { status?: RequestStatus; statusReason?: string | null; assignee?: string | null },
    actor: string,
  ): Promise<StoredRequest> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{ status: RequestStatus }>(
        'SELECT status FROM police_requests WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!rows[0]) throw RequestProblem.notFound('params/id', `no police request ${id}`);
      await tx.query(
        `UPDATE police_requests SET
           status = coalesce($2, status),
           status_reason = CASE WHEN $2::text IS NULL THEN status_reason ELSE $3 END,
           assignee = CASE WHEN $4 THEN $5 ELSE assignee END,
           updated_at = now()
         WHERE id = $1`,
        [
          id,
          change.status ?? null,
          change.statusReason ?? null,
          change.assignee !== undefined,
          change.assignee ?? null,
        ],
      );
      await appendAudit(tx, {
        actor,
        action: 'police_request.update',
        entity: 'police_request',
        entityId: id,
        detail: { ...change },
      });
      const after = await tx.query<RequestRow>(`${SELECT_REQUEST} WHERE r.id = $1`, [id]);
      return toRequest(after[0] as RequestRow);
    });
  }

  /**
   * Claims the page for a timer step: true for exactly one caller (instance) per request and step,
   * so several replicas sweeping at once page on-call once.
   */
  async claimTimer(id: string, timer: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE police_requests SET notified_timer = $2
       WHERE id = $1 AND notified_timer IS DISTINCT FROM $2 RETURNING id`,
      [id, timer],
    );
    return rows.length > 0;
  }

  async addMessage(
    requestId: string,
    from: 'officer' | 'exchange',
    author: string,
    text: string,
  ): Promise<RequestMessage> {
    const id = randomUUID();
    const rows = await this.db.query<{ created_at: Date }>(
      `INSERT INTO police_request_messages (id, request_id, sender, author, text) VALUES ($1, $2, $3, $4, $5)
       RETURNING created_at`,
      [id, requestId, from, author, text],
    );
    await this.db.query('UPDATE police_requests SET updated_at = now() WHERE id = $1', [requestId]);
    return { id, from, author, text, at: isoRequired((rows[0] as { created_at: Date }).created_at) };
  }

  async messages(requestId: string): Promise<RequestMessage[]> {
    const rows = await this.db.query<{
      id: string;
      sender: 'officer' | 'exchange';
      author: string;
      text: string;
      created_at: Date;
    }>(
      'SELECT id, sender, author, text, created_at FROM police_request_messages WHERE request_id = $1 ORDER BY created_at, id',
      [requestId],
    );
    return rows.map((r) => ({
      id: r.id,
      from: r.sender,
      author: r.author,
      text: r.text,
      at: isoRequired(r.created_at),
    }));
  }

  async addAttachment(
    requestId: string,
    file: { filename: string; contentType: string; content: Uint8Array },
    actor: string,
  ): Promise<Attachment> {
    const id = randomUUID();
    const digest = sha256(file.content);
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{ uploaded_at: Date }>(
        `INSERT INTO police_request_attachments (id, request_id, filename, content_type, bytes, sha256, content, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING uploaded_at`,
        [id, requestId, file.filename, file.contentType, file.content.length, digest, file.content, actor],
      );
      await appendAudit(tx, {
        actor,
        action: 'police_request.attach',
        entity: 'police_request',
        entityId: requestId,
        detail: { attachmentId: id, sha256: digest, bytes: file.content.length },
      });
      return {
        id,
        filename: file.filename,
        contentType: file.contentType,
        bytes: file.content.length,
        sha256: digest,
        uploadedAt: isoRequired((rows[0] as { uploaded_at: Date }).uploaded_at),
      };
    });
  }

  async attachments(requestId: string): Promise<Attachment[]> {
    const rows = await this.db.query<{
      id: string;
      filename: string;
      content_type: string;
      bytes: number;
      sha256: string;
      uploaded_at: Date;
    }>(
      `SELECT id, filename, content_type, bytes, sha256, uploaded_at FROM police_request_attachments
       WHERE request_id = $1 ORDER BY uploaded_at, id`,
      [requestId],
    );
    return rows.map((r) => ({
      id: r.id,
      filename: r.filename,
      contentType: r.content_type,
      bytes: Number(r.bytes),
      sha256: r.sha256,
      uploadedAt: isoRequired(r.uploaded_at),
    }));
  }

  async attachmentContent(
    requestId: string,
    attachmentId: string,
  ): Promise<{ filename: string; content: Uint8Array } | undefined> {
    const rows = await this.db.query<{ filename: string; content: Uint8Array }>(
      'SELECT filename, content FROM police_request_attachments WHERE request_id = $1 AND id = $2',
      [requestId, attachmentId],
    );
    return rows[0];
  }

  /** Screened withdrawals to any of these addresses (compared without case: EVM keys are lowercase). */
  async decisionsTo(addresses: readonly string[]): Promise<DecisionFacts[]> {
    if (addresses.length === 0) return [];
    return this.decisions('lower(d.destination_address) = ANY($1::text[])', [
      addresses.map((a) => a.toLowerCase()),
    ]);
  }

  async decisionsOf(userRefs: readonly string[]): Promise<DecisionFacts[]> {
    if (userRefs.length === 0) return [];
    return this.decisions('d.user_ref = ANY($1::text[])', [[...userRefs]]);
  }

  /** What scam reports say about each key: counts, categories, dates and clusters, nothing about reporters. */
  async scamReportFacts(keys: readonly string[]): Promise<Map<string, ScamReportFacts>> {
    if (keys.length === 0) return new Map();
    const rows = await this.db.query<{
      key: string;
      reports: string;
      categories: string[];
      first_at: Date;
      last_at: Date;
      clusters: string[] | null;
    }>(
      `SELECT i.key, count(DISTINCT r.id)::text AS reports, array_agg(DISTINCT r.category) AS categories,
         min(r.created_at) AS first_at, max(r.created_at) AS last_at,
         array_remove(array_agg(DISTINCT r.cluster_id), NULL) AS clusters
       FROM scam_report_identifiers i JOIN scam_reports r ON r.id = i.report_id
       WHERE i.key = ANY($1::text[]) AND r.status NOT IN ('rejected', 'duplicate') GROUP BY i.key`,
      [[...keys]],
    );
    return new Map(
      rows.map((r) => [
        r.key,
        {
          reports: Number(r.reports),
          categories: r.categories,
          firstReportedAt: isoRequired(r.first_at),
          lastReportedAt: isoRequired(r.last_at),
          clusters: r.clusters ?? [],
        },
      ]),
    );
  }

  /** The users screened in a jurisdiction (to find whom an agency's pseudonym names). */
  async userRefsIn(jurisdiction: string): Promise<string[]> {
    const rows = await this.db.query<{ user_ref: string }>(
      'SELECT DISTINCT user_ref FROM decisions WHERE jurisdiction = $1 LIMIT 100000',
      [jurisdiction],
    );
    return rows.map((r) => r.user_ref);
  }

  private async decisions(where: string, params: (readonly string[])[]): Promise<DecisionFacts[]> {
    const rows = await this.db.query<{
      id: string;
      created_at: Date;
      user_ref: string;
      jurisdiction: string;
      decision: DecisionFacts['decision'];
      response: { reasons?: DecisionFacts['reasons'] } | string;
      campaign_id: string | null;
      asset: string;
      network: string | null;
      amount_usd: number | string;
      destination_address: string | null;
      outcome: DecisionFacts['outcome'];
    }>(
      `SELECT d.id, d.created_at, d.user_ref, d.jurisdiction, d.decision, d.response, d.campaign_id, d.asset, d.network,
         d.amount_usd, d.destination_address, o.outcome
       FROM decisions d LEFT JOIN outcomes o ON o.decision_id = d.id
       WHERE ${where} AND d.superseded_by IS NULL ORDER BY d.created_at LIMIT 1000`,
      params,
    );
    return rows.map((row) => ({
      decisionId: row.id,
      decidedAt: isoRequired(row.created_at),
      userRef: row.user_ref,
      jurisdiction: row.jurisdiction,
      decision: row.decision,
      reasons: jsonObject<{ reasons?: DecisionFacts['reasons'] }>(row.response).reasons ?? [],
      campaignId: row.campaign_id,
      asset: row.asset,
      network: row.network ?? '',
      amountUsd: Number(row.amount_usd),
      destinationAddress: row.destination_address ?? '',
      outcome: row.outcome,
    }));
  }

  /**
   * Records the answer at once: one disclosure log row per (subject, field), the request's status and
   * the evidence pack, in one transaction, so no pack leaves without its log and no log without its pack.
   */
  async answer(
    request: StoredRequest,
    input: {
      status: 'answered' | 'partially_answered';
      disclosures: readonly NewDisclosure[];
      note: string | null;
      pack: { content: Uint8Array; signerKeyId: string };
      actor: string;
    },
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows = await tx.query<{ status: RequestStatus }>(
        'SELECT status FROM police_requests WHERE id = $1 FOR UPDATE',
        [request.id],
      );
      const status = rows[0]?.status;
      if (!status) throw RequestProblem.notFound('params/id', `no police request ${request.id}`);
      if (CLOSED_STATUSES.includes(status))
        throw RequestProblem.conflict('params/id', `the request is already ${status.replace('_', ' ')}`);
      if (input.disclosures.length > 0)
        await tx.query(
          `INSERT INTO disclosures (id, request_id, case_number, agency_id, agency_name, officer_id, officer_email,
             legal_basis, subject, field, value, disclosed_by, override_reason)
           SELECT x.id, $2, $3, $4, $5, $6, $7, $8, x.subject, x.field, x.value, $9, x.override_reason
           FROM json_to_recordset($1::json) AS x(id text, subject text, field text, value jsonb, override_reason text)`,
          [
            JSON.stringify(
              input.disclosures.map((d) => ({
                id: randomUUID(),
                subject: d.subject,
                field: d.field,
                value: d.value ?? null,
                override_reason: d.overrideReason,
              })),
            ),
            request.id,
            request.caseNumber,
            request.agencyId,
            request.agencyName,
            request.officerId,
            request.officerEmail,
            request.legalBasis,
            input.actor,
          ],
        );
      await tx.query(
        `UPDATE police_requests SET status = $2, answered_at = now(), answered_by = $3, answer_note = $4, updated_at = now()
         WHERE id = $1`,
        [request.id, input.status, input.actor, input.note],
      );
      await tx.query(
        'INSERT INTO evidence_packs (request_id, content, sha256, signer_key_id) VALUES ($1, $2, $3, $4)',
        [request.id, input.pack.content, sha256(input.pack.content), input.pack.signerKeyId],
      );
      const overridden = input.disclosures.filter((d) => d.overrideReason !== null);
      await appendAudit(tx, {
        actor: input.actor,
        action: 'police_request.answer',
        entity: 'police_request',
        entityId: request.id,
        detail: {
          status: input.status,
          disclosed: input.disclosures.length,
          overridden: overridden.length,
          overrideReason: overridden[0]?.overrideReason ?? null,
        },
      });
    });
  }

  async disclosures(filter: {
    subject?: string;
    requestId?: string;
  }): Promise<(Disclosure & { value: unknown })[]> {
    const rows = await this.db.query<DisclosureRow>(
      `SELECT * FROM disclosures WHERE ($1::text IS NULL OR subject = $1) AND ($2::text IS NULL OR request_id = $2)
       ORDER BY seq LIMIT 10000`,
      [filter.subject ?? null, filter.requestId ?? null],
    );
    return rows.map(toDisclosure);
  }

  async evidencePack(requestId: string): Promise<Uint8Array | undefined> {
    const rows = await this.db.query<{ content: Uint8Array }>(
      'SELECT content FROM evidence_packs WHERE request_id = $1',
      [requestId],
    );
    return rows[0]?.content;
  }
}
