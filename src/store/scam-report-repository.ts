import type { IndicatorKind, NormalizedIdentifier } from '../intelligence/identifiers/identifier.js';
import type { Indicator, ScamType } from '../intelligence/indicator.js';
import { assignCluster, clusterFigures, lookalikeClusterKey } from '../scam-reports/clustering.js';
import type { ConfirmedMention, ConfirmationRecord } from '../scam-reports/confirmation.js';
import { isOverdue } from '../scam-reports/dispute-deadline.js';
import type {
  ClusterDetail,
  ClusterListQuery,
  ClusterStatus,
  ClusterSummary,
  ConfirmRiskLevel,
  DisputeAdmin,
  DisputeDecision,
  DisputePublic,
  DisputeStatus,
  EvidenceInfo,
  FirstContactChannel,
  Loss,
  ReportCategory,
  ReportChannel,
  ReportDetail,
  ReporterContact,
  ReportList,
  ReportListQuery,
  ReportStatus,
  ReportSummary,
} from '../scam-reports/model.js';
import { appendAudit } from './audit-repository.js';
import type { Database, Queryable } from './database.js';
import {
  expireIndicator,
  mergeIndicatorRecords,
  toIndicator,
  type IndicatorRow,
} from './intelligence-repository.js';
import { isoRequired, jsonObject } from './rows.js';

// The advisory-lock class of cluster keys (the second half of each lock is the key's hash): two
// reports naming the same new wallet at once must not start two clusters.
const CLUSTER_LOCK = 7_231_911;
const PAGE = 50;

export interface NewReport {
  id: string;
  reference: string;
  channel: ReportChannel;
  jurisdiction: string;
  category: ReportCategory;
  description: string;
  loss: Loss | null;
  firstContact: FirstContactChannel | null;
  consentToPoliceContact: boolean;
  reporterContact: ReporterContact | null;
  userPseudonym: string | null;
  decisionId: string | null;
  locale: string | null;
  lookalikeTarget: string | null;
  idempotency: { scope: string; key: string; requestHash: string } | null;
  evidenceTokenHash: string;
  identifiers: NormalizedIdentifier[];
  transactionHashes: string[];
  createdBy: string;
}

interface ReportRow {
  id: string;
  reference: string;
  channel: ReportChannel;
  status: ReportStatus;
  jurisdiction: string;
  category: ReportCategory;
  assignee: string | null;
  cluster_id: string | null;
  loss_amount: string | null;
  loss_asset: string | null;
  loss_date: string | null;
  created_at: Date | string;
  evidence_count: number | string;
}

interface ReportDetailRow extends ReportRow {
  description: string;
  first_contact: string | null;
  consent_to_police_contact: boolean;
  reporter_contact: unknown;
  user_pseudonym: string | null;
  decision_id: string | null;
  locale: string | null;
}

interface IdentifierRow {
  report_id: string;
  kind: string;
  key: string;
  display: string;
}

const REPORT_COLUMNS = `r.id, r.reference, r.channel, r.status, r.jurisdiction, r.category, r.assignee, r.cluster_id,
  r.loss_amount::text AS loss_amount, r.loss_asset, r.loss_date::text AS loss_date, r.created_at,
  (SELECT count(*) FROM scam_report_evidence e WHERE e.report_id = r.id) AS evidence_count`;

const toSummary = (row: ReportRow, identifiers: IdentifierRow[]): ReportSummary => ({
  id: row.id,
  reference: row.reference,
  channel: row.channel,
  status: row.status,
  jurisdiction: row.jurisdiction,
  category: row.category,
  assignee: row.assignee,
  clusterId: row.cluster_id,
  identifiers: identifiers.map((i) => ({ kind: i.kind, key: i.key, display: i.display })),
  loss:
    row.loss_amount !== null && row.loss_asset !== null && row.loss_date !== null
      ? { amount: row.loss_amount, asset: row.loss_asset, date: row.loss_date }
      : null,
  createdAt: isoRequired(row.created_at),
  evidenceCount: Number(row.evidence_count),
});

const encodeCursor = (createdAt: string, id: string) =>
  Buffer.from(`${createdAt}|${id}`).toString('base64url');
const decodeCursor = (cursor: string): { createdAt: string; id: string } | undefined => {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return createdAt && id && !Number.isNaN(Date.parse(createdAt)) ? { createdAt, id } : undefined;
};

/** The scam-reports part's SQL: intake with cluster assignment, triage, clusters, evidence, disputes. */
export class ScamReportRepository {
  constructor(private readonly db: Database) {}

  /** A report already filed under this idempotency key, with the hash of the body it was filed with. */
  async byIdempotencyKey(
    scope: string,
    key: string,
  ): Promise<{ id: string; reference: string; status: ReportStatus; requestHash: string } | undefined> {
    const [row] = await this.db.query<{
      id: string;
      reference: string;
      status: ReportStatus;
      request_hash: string;
    }>(
      'SELECT id, reference, status, request_hash FROM scam_reports WHERE idempotency_scope = $1 AND idempotency_key = $2',
      [scope, key],
    );
    return row && { id: row.id, reference: row.reference, status: row.status, requestHash: row.request_hash };
  }

  /** What the warning door needs of its decision: where it was going, and for whom. */
  async decisionDestination(
    decisionId: string,
  ): Promise<
    { jurisdiction: string; locale: string; network: string | null; address: string | null } | undefined
  > {
    const [row] = await this.db.query<{
      jurisdiction: string;
      locale: string;
      network: string | null;
      destination_address: string | null;
    }>('SELECT jurisdiction, locale, network, destination_address FROM decisions WHERE id = $1', [
      decisionId,
    ]);
    return (
      row && {
        jurisdiction: row.jurisdiction,
        locale: row.locale,
        network: row.network,
        address: row.destination_address,
      }
    );
  }

  /**
   * Files a report and puts it in its cluster, in one transaction. Returns false when the
   * idempotency key was taken meanwhile (the caller answers with the first report).
   */
  async insert(report: NewReport): Promise<{ inserted: boolean; clusterId: string | null }> {
    try {
      return await this.db.transaction((tx) => insertReport(tx, report));
    } catch (error) {
      if (error === KEY_TAKEN) return { inserted: false, clusterId: null };
      throw error;
    }
  }

  async evidenceTokenHash(reportId: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ evidence_token_hash: string }>(
      'SELECT evidence_token_hash FROM scam_reports WHERE id = $1',
      [reportId],
    );
    return row?.evidence_token_hash;
  }

  async replaceEvidenceToken(reportId: string, tokenHash: string): Promise<void> {
    await this.db.query('UPDATE scam_reports SET evidence_token_hash = $2 WHERE id = $1', [
      reportId,
      tokenHash,
    ]);
  }

  async reportJurisdiction(reportId: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ jurisdiction: string }>(
      'SELECT jurisdiction FROM scam_reports WHERE id = $1',
      [reportId],
    );
    return row?.jurisdiction;
  }

  /** Stores one evidence file; refuses (without writing) when the report already holds `max`. */
  async addEvidence(
    evidence: {
      id: string;
      reportId: string;
      mediaType: string;
      sha256: string;
      content: Uint8Array;
      actor: string;
    },
    max: number,
  ): Promise<'added' | 'full' | 'no_report'> {
    return this.db.transaction(async (tx) => {
      const report = await tx.query('SELECT id FROM scam_reports WHERE id = $1 FOR UPDATE', [
        evidence.reportId,
      ]);
      if (report.length === 0) return 'no_report';
      const [count] = await tx.query<{ n: number | string }>(
        'SELECT count(*) AS n FROM scam_report_evidence WHERE report_id = $1',
        [evidence.reportId],
      );
      if (Number(count?.n ?? 0) >= max) return 'full';
      await tx.query(
        `INSERT INTO scam_report_evidence (id, report_id, media_type, size, sha256, content, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          evidence.id,
          evidence.reportId,
          evidence.mediaType,
          evidence.content.length,
          evidence.sha256,
          evidence.content,
          evidence.actor,
        ],
      );
      await appendAudit(tx, {
        actor: evidence.actor,
        action: 'add_evidence',
        entity: 'scam_report',
        entityId: evidence.reportId,
        detail: { evidenceId: evidence.id, mediaType: evidence.mediaType, size: evidence.content.length },
      });
      return 'added';
    });
  }

  async evidence(
    reportId: string,
    evidenceId: string,
  ): Promise<{ mediaType: string; sha256: string; content: Uint8Array; jurisdiction: string } | undefined> {
    const [row] = await this.db.query<{
      media_type: string;
      sha256: string;
      content: Uint8Array;
      jurisdiction: string;
    }>(
      `SELECT e.media_type, e.sha256, e.content, r.jurisdiction FROM scam_report_evidence e
       JOIN scam_reports r ON r.id = e.report_id WHERE e.report_id = $1 AND e.id = $2`,
      [reportId, evidenceId],
    );
    return (
      row && {
        mediaType: row.media_type,
        sha256: row.sha256,
        content: row.content,
        jurisdiction: row.jurisdiction,
      }
    );
  }

  /** The triage inbox, newest first, filtered; `jurisdiction` limits what a restricted caller sees. */
  async list(query: ReportListQuery, visibleJurisdiction: string | null): Promise<ReportList> {
    const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
    const q = query.q?.trim().toLowerCase();
    const rows = await this.db.query<ReportRow>(
      `SELECT ${REPORT_COLUMNS} FROM scam_reports r
       WHERE ($1::text IS NULL OR r.status = $1) AND ($2::text IS NULL OR r.jurisdiction = $2)
         AND ($3::text IS NULL OR r.category = $3) AND ($4::text IS NULL OR r.assignee = $4)
         AND ($5::text IS NULL OR r.cluster_id = $5) AND ($6::text IS NULL OR r.jurisdiction = $6)
         AND ($7::text IS NULL OR r.reference = upper($7) OR position($7 IN lower(r.description)) > 0
              OR EXISTS (SELECT 1 FROM scam_report_identifiers i WHERE i.report_id = r.id
                         AND (position($7 IN i.key) > 0 OR position($7 IN lower(i.display)) > 0)))
         AND ($8::timestamptz IS NULL OR (r.created_at, r.id) < ($8::timestamptz, $9::text))
       ORDER BY r.created_at DESC, r.id DESC LIMIT ${PAGE + 1}`,
      [
        query.status ?? null,
        query.jurisdiction ?? null,
        query.category ?? null,
        query.assignee ?? null,
        query.cluster ?? null,
        visibleJurisdiction,
        q ?? null,
        cursor?.createdAt ?? null,
        cursor?.id ?? '',
      ],
    );
    const page = rows.slice(0, PAGE);
    const identifiers = await this.identifiersOf(page.map((r) => r.id));
    const last = page[page.length - 1];
    return {
      items: page.map((row) => toSummary(row, identifiers.get(row.id) ?? [])),
      nextCursor: rows.length > PAGE && last ? encodeCursor(isoRequired(last.created_at), last.id) : null,
    };
  }

  async detail(id: string): Promise<ReportDetail | undefined> {
    const [row] = await this.db.query<ReportDetailRow>(
      `SELECT ${REPORT_COLUMNS}, r.description, r.first_contact, r.consent_to_police_contact, r.reporter_contact,
         r.user_pseudonym, r.decision_id, r.locale
       FROM scam_reports r WHERE r.id = $1`,
      [id],
    );
    if (!row) return undefined;
    const [identifiers, transactions, notes, evidence] = await Promise.all([
      this.identifiersOf([id]),
      this.db.query<{ hash: string }>(
        'SELECT hash FROM scam_report_transactions WHERE report_id = $1 ORDER BY hash',
        [id],
      ),
      this.db.query<{ id: string | number; author: string; text: string; created_at: Date | string }>(
        'SELECT id, author, text, created_at FROM scam_report_notes WHERE report_id = $1 ORDER BY id',
        [id],
      ),
      this.db.query<{
        id: string;
        media_type: string;
        size: number;
        sha256: string;
        created_at: Date | string;
      }>(
        'SELECT id, media_type, size, sha256, created_at FROM scam_report_evidence WHERE report_id = $1 ORDER BY created_at, id',
        [id],
      ),
    ]);
    return {
      ...toSummary(row, identifiers.get(id) ?? []),
      description: row.description,
      transactionHashes: transactions.map((t) => t.hash),
      firstContact: row.first_contact,
      consentToPoliceContact: row.consent_to_police_contact,
      reporterContact:
        row.consent_to_police_contact && row.reporter_contact
          ? jsonObject<ReporterContact>(row.reporter_contact)
          : null,
      userPseudonym: row.user_pseudonym,
      decisionId: row.decision_id,
      locale: row.locale,
      notes: notes.map((n) => ({
        id: String(n.id),
        author: n.author,
        text: n.text,
        createdAt: isoRequired(n.created_at),
      })),
      evidence: evidence.map((e): EvidenceInfo => ({
        id: e.id,
        mediaType: e.media_type,
        size: Number(e.size),
        sha256: e.sha256,
        createdAt: isoRequired(e.created_at),
      })),
    };
  }

  /** Changes a report's status or assignee; false when there is no such report. */
  async patch(
    id: string,
    patch: { status?: ReportStatus; assignee?: string | null },
    actor: string,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query(
        `UPDATE scam_reports SET status = COALESCE($2, status),
           assignee = CASE WHEN $3 THEN $4 ELSE assignee END, updated_at = now()
         WHERE id = $1 RETURNING id`,
        [id, patch.status ?? null, patch.assignee !== undefined, patch.assignee ?? null],
      );
      if (rows.length === 0) return false;
      await appendAudit(tx, {
        actor,
        action: 'update',
        entity: 'scam_report',
        entityId: id,
        detail: { ...patch },
      });
      return true;
    });
  }

  async addNote(
    reportId: string,
    text: string,
    actor: string,
  ): Promise<{ id: string; createdAt: string } | undefined> {
    return this.db.transaction(async (tx) => {
      const exists = await tx.query('SELECT 1 FROM scam_reports WHERE id = $1', [reportId]);
      if (exists.length === 0) return undefined;
      const [row] = await tx.query<{ id: string | number; created_at: Date | string }>(
        'INSERT INTO scam_report_notes (report_id, author, text) VALUES ($1, $2, $3) RETURNING id, created_at',
        [reportId, actor, text],
      );
      if (!row) return undefined;
      await appendAudit(tx, {
        actor,
        action: 'add_note',
        entity: 'scam_report',
        entityId: reportId,
        detail: { noteId: String(row.id) },
      });
      return { id: String(row.id), createdAt: isoRequired(row.created_at) };
    });
  }

  /** Clusters with their figures, most recently active first (at most 200). */
  async clusters(query: ClusterListQuery, visibleJurisdiction: string | null): Promise<ClusterSummary[]> {
    const clusters = await this.db.query<{ id: string; status: ClusterStatus }>(
      `SELECT c.id, c.status FROM scam_clusters c
       WHERE c.merged_into IS NULL AND ($1::text IS NULL OR c.status = $1)
         AND EXISTS (SELECT 1 FROM scam_reports r WHERE r.cluster_id = c.id
                     AND ($2::text IS NULL OR r.jurisdiction = $2) AND ($3::text IS NULL OR r.jurisdiction = $3))
       ORDER BY c.updated_at DESC, c.id LIMIT 200`,
      [query.status ?? null, query.jurisdiction ?? null, visibleJurisdiction],
    );
    if (clusters.length === 0) return [];
    const members = await this.clusterMembers(clusters.map((c) => c.id));
    return clusters.map((c) => summaryOf(c.id, c.status, members.get(c.id) ?? emptyMembers()));
  }

  async cluster(id: string): Promise<ClusterDetail | undefined> {
    const [row] = await this.db.query<{
      id: string;
      status: ClusterStatus;
      risk_level: ConfirmRiskLevel | null;
      scam_type: string | null;
      merged_into: string | null;
    }>('SELECT id, status, risk_level, scam_type, merged_into FROM scam_clusters WHERE id = $1', [id]);
    if (!row) return undefined;
    if (row.merged_into) return this.cluster(row.merged_into);
    const members = (await this.clusterMembers([id])).get(id) ?? emptyMembers();
    const reports = await this.db.query<ReportRow>(
      `SELECT ${REPORT_COLUMNS} FROM scam_reports r WHERE r.cluster_id = $1 ORDER BY r.created_at, r.id`,
      [id],
    );
    const identifiers = await this.identifiersOf(reports.map((r) => r.id));
    const byKey = new Map<string, { kind: string; key: string; display: string; reportCount: number }>();
    for (const list of identifiers.values())
      for (const i of list) {
        const known = byKey.get(i.key);
        if (known) known.reportCount += 1;
        else byKey.set(i.key, { kind: i.kind, key: i.key, display: i.display, reportCount: 1 });
      }
    return {
      ...summaryOf(id, row.status, members),
      reports: reports.map((r) => toSummary(r, identifiers.get(r.id) ?? [])),
      identifiers: [...byKey.values()].sort(
        (a, b) => b.reportCount - a.reportCount || a.key.localeCompare(b.key),
      ),
      riskLevel: row.risk_level,
      scamType: row.scam_type,
    };
  }

  /** Jurisdictions of a cluster's reports: a restricted caller sees a cluster only if all are its own. */
  async clusterJurisdictions(id: string): Promise<string[]> {
    const rows = await this.db.query<{ jurisdiction: string }>(
      'SELECT DISTINCT jurisdiction FROM scam_reports WHERE cluster_id = $1 ORDER BY jurisdiction',
      [id],
    );
    return rows.map((r) => r.jurisdiction);
  }

  /**
   * Confirms a cluster: its reports' identifiers become indicators (merged like an import, NOTIFY
   * inside the transaction), the cluster and its open reports are confirmed, all audited.
   */
  async confirm(
    id: string,
    verdict: { riskLevel: ConfirmRiskLevel; scamType: ScamType },
    actor: string,
    toRecords: (mentions: ConfirmedMention[]) => ConfirmationRecord[],
  ): Promise<{ indicators: number; reports: number } | undefined> {
    return this.db.transaction(async (tx) => {
      const locked = await tx.query(
        'SELECT id FROM scam_clusters WHERE id = $1 AND merged_into IS NULL FOR UPDATE',
        [id],
      );
      if (locked.length === 0) return undefined;
      const mentions = await tx.query<{
        report_id: string;
        kind: IndicatorKind;
        key: string;
        display: string;
        jurisdiction: string;
        created_at: Date | string;
      }>(
        `SELECT i.report_id, i.kind, i.key, i.display, r.jurisdiction, r.created_at
         FROM scam_report_identifiers i JOIN scam_reports r ON r.id = i.report_id
         WHERE r.cluster_id = $1 AND r.status NOT IN ('rejected', 'duplicate')
         ORDER BY r.created_at, i.report_id, i.position`,
        [id],
      );
      const records = toRecords(
        mentions.map((m) => ({
          reportId: m.report_id,
          kind: m.kind,
          key: m.key,
          display: m.display,
          jurisdiction: m.jurisdiction,
          reportedAtMs: new Date(m.created_at).getTime(),
        })),
      );
      const merged = await mergeIndicatorRecords(tx, records, {
        actor,
        feed: `scam-cluster:${id}`,
        format: 'scam_reports',
      });
      await tx.query(
        `UPDATE scam_clusters SET status = 'confirmed', risk_level = $2, scam_type = $3, decided_by = $4,
           decided_at = now(), updated_at = now() WHERE id = $1`,
        [id, verdict.riskLevel, verdict.scamType, actor],
      );
      const reports = await tx.query(
        `UPDATE scam_reports SET status = 'confirmed', updated_at = now()
         WHERE cluster_id = $1 AND status IN ('new', 'in_review') RETURNING id`,
        [id],
      );
      await appendAudit(tx, {
        actor,
        action: 'confirm',
        entity: 'scam_cluster',
        entityId: id,
        detail: { ...verdict, reports: reports.length, indicators: merged.keys },
      });
      return { indicators: merged.keys, reports: reports.length };
    });
  }

  async reject(id: string, reason: string, actor: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query(
        `UPDATE scam_clusters SET status = 'rejected', decision_note = $2, decided_by = $3, decided_at = now(),
           updated_at = now() WHERE id = $1 AND merged_into IS NULL RETURNING id`,
        [id, reason, actor],
      );
      if (rows.length === 0) return false;
      await tx.query(
        `UPDATE scam_reports SET status = 'rejected', updated_at = now()
         WHERE cluster_id = $1 AND status IN ('new', 'in_review')`,
        [id],
      );
      await appendAudit(tx, {
        actor,
        action: 'reject',
        entity: 'scam_cluster',
        entityId: id,
        detail: { reason },
      });
      return true;
    });
  }

  /**
   * Marks a cluster referred and runs `send` (the relay's referral) in the same transaction, so the
   * alert exists exactly when the cluster says it was referred.
   */
  async refer<T>(
    id: string,
    partnerId: string,
    actor: string,
    send: (tx: Queryable) => Promise<T>,
  ): Promise<T | undefined> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query(
        `UPDATE scam_clusters SET status = 'referred', updated_at = now() WHERE id = $1 AND merged_into IS NULL RETURNING id`,
        [id],
      );
      if (rows.length === 0) return undefined;
      const sent = await send(tx);
      await tx.query(
        `UPDATE scam_reports SET status = 'referred', updated_at = now()
         WHERE cluster_id = $1 AND status IN ('new', 'in_review', 'confirmed')`,
        [id],
      );
      await appendAudit(tx, {
        actor,
        action: 'refer',
        entity: 'scam_cluster',
        entityId: id,
        detail: { partnerId },
      });
      return sent;
    });
  }

  /** Everything a referral may carry about a cluster; the relay policy decides what leaves. */
  async referralFacts(id: string): Promise<
    | {
        status: ClusterStatus;
        scamType: string | null;
        riskLevel: string | null;
        reports: {
          id: string;
          category: ReportCategory;
          jurisdiction: string;
          createdAt: string;
          loss: { amount: string; asset: string } | null;
          consentToPoliceContact: boolean;
          reporterContact: ReporterContact | null;
          identifiers: { kind: string; key: string; display: string }[];
        }[];
      }
    | undefined
  > {
    const [cluster] = await this.db.query<{
      status: ClusterStatus;
      scam_type: string | null;
      risk_level: string | null;
    }>('SELECT status, scam_type, risk_level FROM scam_clusters WHERE id = $1 AND merged_into IS NULL', [id]);
    if (!cluster) return undefined;
    const rows = await this.db.query<ReportDetailRow>(
      `SELECT ${REPORT_COLUMNS}, r.description, r.first_contact, r.consent_to_police_contact, r.reporter_contact,
         r.user_pseudonym, r.decision_id, r.locale
       FROM scam_reports r WHERE r.cluster_id = $1 AND r.status NOT IN ('rejected', 'duplicate') ORDER BY r.created_at`,
      [id],
    );
    const identifiers = await this.identifiersOf(rows.map((r) => r.id));
    return {
      status: cluster.status,
      scamType: cluster.scam_type,
      riskLevel: cluster.risk_level,
      reports: rows.map((r) => ({
        id: r.id,
        category: r.category,
        jurisdiction: r.jurisdiction,
        createdAt: isoRequired(r.created_at),
        loss:
          r.loss_amount !== null && r.loss_asset !== null
            ? { amount: r.loss_amount, asset: r.loss_asset }
            : null,
        consentToPoliceContact: r.consent_to_police_contact,
        reporterContact:
          r.consent_to_police_contact && r.reporter_contact
            ? jsonObject<ReporterContact>(r.reporter_contact)
            : null,
        identifiers: (identifiers.get(r.id) ?? []).map((i) => ({
          kind: i.kind,
          key: i.key,
          display: i.display,
        })),
      })),
    };
  }

  /** Unconfirmed reports (new or in review) naming any of the keys: "unverified reports" in lookup. */
  async unverifiedCount(keys: readonly string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const [row] = await this.db.query<{ n: number | string }>(
      `SELECT count(DISTINCT i.report_id) AS n FROM scam_report_identifiers i JOIN scam_reports r ON r.id = i.report_id
       WHERE i.key = ANY($1::text[]) AND r.status IN ('new', 'in_review')`,
      [keys],
    );
    return Number(row?.n ?? 0);
  }

  /** The indicators behind confirmed (or referred) clusters, for export; no reporter data. */
  async confirmedIndicators(): Promise<(Indicator & { display: string })[]> {
    const rows = await this.db.query<IndicatorRow>(
      `SELECT * FROM indicators WHERE key IN (
         SELECT i.key FROM scam_report_identifiers i JOIN scam_reports r ON r.id = i.report_id
         JOIN scam_clusters c ON c.id = r.cluster_id WHERE c.status IN ('confirmed', 'referred'))
       ORDER BY key`,
    );
    return rows.map(toIndicator);
  }

  async insertDispute(dispute: {
    id: string;
    reference: string;
    identifier: string;
    kind: string;
    key: string;
    reason: string;
    contactEmail: string | null;
    deadline: string;
  }): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO scam_disputes (id, reference, identifier, kind, key, reason, contact_email, deadline)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date)`,
        [
          dispute.id,
          dispute.reference,
          dispute.identifier,
          dispute.kind,
          dispute.key,
          dispute.reason,
          dispute.contactEmail,
          dispute.deadline,
        ],
      );
      await appendAudit(tx, {
        actor: 'public',
        action: 'create',
        entity: 'scam_dispute',
        entityId: dispute.id,
        detail: { reference: dispute.reference, key: dispute.key },
      });
    });
  }

  async disputeByReference(reference: string): Promise<DisputePublic | undefined> {
    const [row] = await this.db.query<DisputeRow>(
      `SELECT ${DISPUTE_COLUMNS} FROM scam_disputes WHERE reference = $1`,
      [reference],
    );
    if (!row) return undefined;
    return {
      reference: row.reference,
      identifier: row.identifier,
      status: row.status,
      deadline: row.deadline,
      ...(row.decided_at ? { decidedAt: isoRequired(row.decided_at) } : {}),
      ...(row.public_note ? { publicNote: row.public_note } : {}),
    };
  }

  async disputes(status: DisputeStatus | undefined, now: Date): Promise<DisputeAdmin[]> {
    const rows = await this.db.query<DisputeRow>(
      `SELECT ${DISPUTE_COLUMNS} FROM scam_disputes WHERE ($1::text IS NULL OR status = $1)
       ORDER BY status = 'open' DESC, deadline, created_at LIMIT 500`,
      [status ?? null],
    );
    return rows.map((row) => toDisputeAdmin(row, now));
  }

  /** Decides a dispute; delisting expires the indicator for its key in the same transaction. */
  async decideDispute(
    id: string,
    decision: DisputeDecision,
    publicNote: string,
    actor: string,
    now: Date,
  ): Promise<'decided' | 'not_found' | 'already_decided'> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ key: string; status: DisputeStatus }>(
        'SELECT key, status FROM scam_disputes WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!row) return 'not_found';
      if (row.status !== 'open') return 'already_decided';
      await tx.query(
        `UPDATE scam_disputes SET status = $2, decision = $3, public_note = $4, decided_by = $5, decided_at = $6
         WHERE id = $1`,
        [id, decision === 'delist' ? 'upheld' : 'rejected', decision, publicNote, actor, now],
      );
      const expired = decision === 'delist' ? await expireIndicator(tx, row.key, actor, now) : false;
      await appendAudit(tx, {
        actor,
        action: 'decide',
        entity: 'scam_dispute',
        entityId: id,
        detail: { decision, key: row.key, expired },
      });
      return 'decided';
    });
  }

  private async identifiersOf(reportIds: readonly string[]): Promise<Map<string, IdentifierRow[]>> {
    const map = new Map<string, IdentifierRow[]>();
    if (reportIds.length === 0) return map;
    const rows = await this.db.query<IdentifierRow>(
      `SELECT report_id, kind, key, display FROM scam_report_identifiers WHERE report_id = ANY($1::text[])
       ORDER BY report_id, position`,
      [reportIds],
    );
    for (const row of rows) map.set(row.report_id, [...(map.get(row.report_id) ?? []), row]);
    return map;
  }

  private async clusterMembers(clusterIds: readonly string[]): Promise<Map<string, Members>> {
    const rows = await this.db.query<{
      cluster_id: string;
      created_at: Date | string;
      jurisdiction: string;
      category: string;
      loss_amount: string | null;
      loss_asset: string | null;
      lookalike_target: string | null;
      identifiers: number | string;
    }>(
      `SELECT r.cluster_id, r.created_at, r.jurisdiction, r.category, r.loss_amount::text AS loss_amount, r.loss_asset,
         r.lookalike_target, (SELECT count(*) FROM scam_report_identifiers i WHERE i.report_id = r.id) AS identifiers
       FROM scam_reports r WHERE r.cluster_id = ANY($1::text[])`,
      [clusterIds],
    );
    const keyCounts = await this.db.query<{ cluster_id: string; n: number | string }>(
      `SELECT r.cluster_id, count(DISTINCT i.key) AS n FROM scam_report_identifiers i
       JOIN scam_reports r ON r.id = i.report_id WHERE r.cluster_id = ANY($1::text[]) GROUP BY r.cluster_id`,
      [clusterIds],
    );
    const map = new Map<string, Members>();
    for (const row of rows) {
      const members = map.get(row.cluster_id) ?? emptyMembers();
      members.list.push({
        createdAtMs: new Date(row.created_at).getTime(),
        jurisdiction: row.jurisdiction,
        category: row.category,
        loss:
          row.loss_amount !== null && row.loss_asset !== null
            ? { amount: row.loss_amount, asset: row.loss_asset }
            : null,
      });
      if (row.lookalike_target) members.lookalikeTarget = row.lookalike_target;
      map.set(row.cluster_id, members);
    }
    for (const row of keyCounts) {
      const members = map.get(row.cluster_id);
      if (members) members.identifierCount = Number(row.n);
    }
    return map;
  }
}

interface Members {
  list: Parameters<typeof clusterFigures>[0][number][];
  identifierCount: number;
  lookalikeTarget: string | null;
}
const emptyMembers = (): Members => ({ list: [], identifierCount: 0, lookalikeTarget: null });

function summaryOf(id: string, status: ClusterStatus, members: Members): ClusterSummary {
  const figures = clusterFigures(members.list);
  return {
    id,
    status,
    reportCount: figures.reportCount,
    identifierCount: members.identifierCount,
    jurisdictions: figures.jurisdictions,
    categories: figures.categories as ReportCategory[],
    totalLoss: figures.totalLoss,
    firstSeen: new Date(figures.firstSeenMs).toISOString(),
    lastSeen: new Date(figures.lastSeenMs).toISOString(),
    lookalikeTarget: members.lookalikeTarget,
  };
}

// Thrown inside the intake transaction to roll back a cluster it may already have changed.
const KEY_TAKEN = Symbol('idempotency key taken');

/** Puts the report in its cluster first (so the row is written once, cluster and all), then files it. */
async function insertReport(
  tx: Queryable,
  report: NewReport,
): Promise<{ inserted: boolean; clusterId: string | null }> {
  const clusterId = await clusterFor(tx, report);
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO scam_reports (id, reference, channel, jurisdiction, category, description, loss_amount, loss_asset,
       loss_date, first_contact, consent_to_police_contact, reporter_contact, user_pseudonym, decision_id, locale,
       lookalike_target, idempotency_scope, idempotency_key, request_hash, evidence_token_hash, created_by, cluster_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::numeric, $8, $9::date, $10, $11, $12::jsonb, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
         ON CONFLICT (idempotency_scope, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING id`,
    [
      report.id,
      report.reference,
      report.channel,
      report.jurisdiction,
      report.category,
      report.description,
      report.loss?.amount ?? null,
      report.loss?.asset ?? null,
      report.loss?.date ?? null,
      report.firstContact,
      report.consentToPoliceContact,
      report.reporterContact ? JSON.stringify(report.reporterContact) : null,
      report.userPseudonym,
      report.decisionId,
      report.locale,
      report.lookalikeTarget,
      report.idempotency?.scope ?? null,
      report.idempotency?.key ?? null,
      report.idempotency?.requestHash ?? null,
      report.evidenceTokenHash,
      report.createdBy,
      clusterId,
    ],
  );
  if (inserted.length === 0) throw KEY_TAKEN;
  const ids = report.identifiers;
  if (ids.length > 0)
    await tx.query(
      `INSERT INTO scam_report_identifiers (report_id, position, kind, key, display)
           SELECT $1, p, k, key, d FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS x(p, k, key, d)`,
      [
        report.id,
        ids.map((_, i) => i),
        ids.map((i) => i.kind),
        ids.map((i) => i.key),
        ids.map((i) => i.display),
      ],
    );
  if (report.transactionHashes.length > 0)
    await tx.query(
      'INSERT INTO scam_report_transactions (report_id, hash) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING',
      [report.id, report.transactionHashes],
    );
  await appendAudit(tx, {
    actor: report.createdBy,
    action: 'create',
    entity: 'scam_report',
    entityId: report.id,
    // Never the description or contact details: the audit log is read by every admin.
    detail: {
      channel: report.channel,
      category: report.category,
      jurisdiction: report.jurisdiction,
      clusterId,
    },
  });
  return { inserted: true, clusterId };
}

/**
 * The cluster a new report goes to: the one its keys (or lookalike target) already belong to, a new
 * one when none, and when it bridges several the oldest, which absorbs the others (assignCluster).
 * Every report naming a key is in that key's cluster (scam_cluster_keys), so placing a report reads
 * one row per key. A rejected cluster that gets a new report is open again: new evidence, new look.
 *
 * Concurrency: an advisory lock per key (taken in key order, so two intakes cannot deadlock) makes
 * reports naming the same thing take turns, while unrelated reports proceed in parallel. The
 * clusters involved are then locked in id order; one merged away meanwhile by an intake with other
 * keys sends us round again to read where its keys point now.
 */
async function clusterFor(tx: Queryable, report: NewReport): Promise<string | null> {
  const keys = [
    ...new Set([
      ...report.identifiers.map((i) => i.key),
      ...(report.lookalikeTarget ? [lookalikeClusterKey(report.lookalikeTarget)] : []),
    ]),
  ].sort();
  if (keys.length === 0) return null;
  await tx.query(
    'SELECT pg_advisory_xact_lock($1, hashtext(k)) FROM (SELECT k FROM unnest($2::text[]) AS k ORDER BY k) ordered',
    [CLUSTER_LOCK, keys],
  );
  for (;;) {
    const touched = await tx.query<{ id: string; created_at: Date | string }>(
      `SELECT DISTINCT c.id, c.created_at FROM scam_cluster_keys k JOIN scam_clusters c ON c.id = k.cluster_id
       WHERE k.key = ANY($1::text[])`,
      [keys],
    );
    const plan = assignCluster(
      touched.map((c) => ({ id: c.id, createdAtMs: new Date(c.created_at).getTime() })),
    );
    let clusterId: string;
    if (plan.kind === 'new') {
      clusterId = `cl_${report.id.replace(/^rep_/, '')}`;
      await tx.query('INSERT INTO scam_clusters (id) VALUES ($1)', [clusterId]);
    } else {
      clusterId = plan.id;
      const involved = [clusterId, ...plan.absorb].sort();
      const locked = await tx.query<{ merged_into: string | null }>(
        'SELECT merged_into FROM scam_clusters WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
        [involved],
      );
      if (locked.some((c) => c.merged_into !== null)) continue;
      if (plan.absorb.length > 0) {
        await tx.query('UPDATE scam_reports SET cluster_id = $1 WHERE cluster_id = ANY($2::text[])', [
          clusterId,
          plan.absorb,
        ]);
        await tx.query('UPDATE scam_cluster_keys SET cluster_id = $1 WHERE cluster_id = ANY($2::text[])', [
          clusterId,
          plan.absorb,
        ]);
        await tx.query(
          'UPDATE scam_clusters SET merged_into = $1, updated_at = now() WHERE id = ANY($2::text[])',
          [clusterId, plan.absorb],
        );
      }
      await tx.query(
        `UPDATE scam_clusters SET updated_at = now(), status = CASE WHEN status = 'rejected' THEN 'open' ELSE status END
         WHERE id = $1`,
        [clusterId],
      );
    }
    await tx.query(
      `INSERT INTO scam_cluster_keys (key, cluster_id) SELECT unnest($1::text[]), $2
       ON CONFLICT (key) DO UPDATE SET cluster_id = EXCLUDED.cluster_id`,
      [keys, clusterId],
    );
    return clusterId;
  }
}

interface DisputeRow {
  id: string;
  reference: string;
  identifier: string;
  kind: string;
  key: string;
  reason: string;
  contact_email: string | null;
  status: DisputeStatus;
  deadline: string;
  created_at: Date | string;
  decided_at: Date | string | null;
  decided_by: string | null;
  public_note: string | null;
}

const DISPUTE_COLUMNS = `id, reference, identifier, kind, key, reason, contact_email, status, deadline::text AS deadline,
  created_at, decided_at, decided_by, public_note`;

const toDisputeAdmin = (row: DisputeRow, now: Date): DisputeAdmin => ({
  id: row.id,
  reference: row.reference,
  identifier: row.identifier,
  kind: row.kind,
  key: row.key,
  reason: row.reason,
  contactEmail: row.contact_email,
  status: row.status,
  deadline: row.deadline,
  createdAt: isoRequired(row.created_at),
  decidedAt: row.decided_at ? isoRequired(row.decided_at) : null,
  decidedBy: row.decided_by,
  publicNote: row.public_note,
  overdue: row.status === 'open' && isOverdue(row.deadline, now),
});
