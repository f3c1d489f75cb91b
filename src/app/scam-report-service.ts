import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import stringify from 'safe-stable-stringify';
import { RequestProblem } from '../errors.js';
import { SCAM_TYPES, type ScamType } from '../intelligence/indicator.js';
import { indicatorsToCsv } from '../intelligence/exchange/csv-format.js';
import { indicatorsToStix } from '../intelligence/exchange/stix-format.js';
import { detectIdentifier } from '../intelligence/identifiers/detect.js';
import type { NormalizedIdentifier } from '../intelligence/identifiers/identifier.js';
import type { Referral } from '../relay/referral.js';
import { dominantCategory } from '../scam-reports/categories.js';
import { clusterFigures } from '../scam-reports/clustering.js';
import { confirmationRecords } from '../scam-reports/confirmation.js';
import { disputeDeadline } from '../scam-reports/dispute-deadline.js';
import {
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MAX_FILES,
  EVIDENCE_MEDIA_TYPES,
  type ClusterDetail,
  type ClusterListQuery,
  type ClusterSummary,
  type ConfirmInput,
  type DisputeAdmin,
  type DisputeCreated,
  type DisputeDecideInput,
  type DisputeInput,
  type DisputePublic,
  type DisputeStatus,
  type EvidenceMediaType,
  type EvidenceUploaded,
  type ExportFormat,
  type PublicReportInput,
  type ReportCreated,
  type ReportDetail,
  type ReportInput,
  type ReportList,
  type ReportListQuery,
  type ReportPatch,
  type ReportStatus,
} from '../scam-reports/model.js';
import { formatReference, parseReference } from '../scam-reports/reference.js';
import { normalizeReportIdentifier, validateReportParts } from '../scam-reports/report-validation.js';
import type { Queryable } from '../store/database.js';
import type { ScamReportRepository } from '../store/scam-report-repository.js';
import type { IntelligenceHolder } from './intelligence-holder.js';

const EVIDENCE_TOKEN_PREFIX = 'cvrev_';

/** Who filed a report, as the route established it. */
export type ReportDoor =
  | { kind: 'exchange'; keyId: string; actor: string }
  | { kind: 'public' }
  | { kind: 'warning'; decisionId: string };

export interface ReportOutcome {
  created: ReportCreated;
  replayed: boolean;
}

/** Why an evidence file was refused: the route answers with the matching status. */
export type EvidenceRefusal =
  | { status: 404; field: string; message: string }
  | { status: 409; field: string; message: string }
  | { status: 413; field: string; message: string }
  | { status: 415; field: string; message: string };

export interface ReferralSender {
  referCluster(tx: Queryable, referral: Referral, partnerId?: string): Promise<{ alertIds: string[] }>;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const newEvidenceToken = () => `${EVIDENCE_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

/**
 * Scam reports end to end: intake through three doors into one model (validated, pseudonymized,
 * clustered), evidence, triage, confirmation into indicators the next screening uses, referral
 * through the relay, disputes and export.
 */
export class ScamReportService {
  constructor(
    private readonly repository: ScamReportRepository,
    private readonly intelligence: IntelligenceHolder,
    private readonly relay: ReferralSender,
    private readonly options: {
      /** HMAC key for userRef pseudonyms, per installation. */
      userSecret: string;
      knownJurisdiction: (code: string) => boolean;
    },
  ) {}

  static looksLikeEvidenceToken(token: string): boolean {
    return token.startsWith(EVIDENCE_TOKEN_PREFIX);
  }

  async create(
    input: ReportInput | PublicReportInput,
    door: ReportDoor,
    now = new Date(),
  ): Promise<ReportOutcome> {
    const body: ReportInput = input;
    const filled = door.kind === 'warning' ? await this.fromDecision(body, door.decisionId) : body;
    const jurisdiction = filled.jurisdiction;
    if (!jurisdiction) throw RequestProblem.invalid('body/jurisdiction', 'required');
    if (!this.options.knownJurisdiction(jurisdiction))
      throw RequestProblem.invalid('body/jurisdiction', `unknown jurisdiction ${jurisdiction}`);
    if (!filled.identifiers || filled.identifiers.length === 0)
      throw RequestProblem.invalid(
        'body/identifiers',
        'name at least one address, site, phone, email, handle or account',
      );
    if (door.kind === 'exchange' && !body.idempotencyKey)
      throw RequestProblem.invalid(
        'body/idempotencyKey',
        'required with an API key, so a retry files nothing twice',
      );
    if (door.kind === 'exchange' && body.consentToPoliceContact === undefined)
      throw RequestProblem.invalid('body/consentToPoliceContact', 'required: ask the user');
    const consent = filled.consentToPoliceContact === true;
    const checked = validateReportParts(
      {
        identifiers: filled.identifiers,
        transactionHashes: filled.transactionHashes,
        loss: filled.loss,
        consentToPoliceContact: consent,
        reporterContact: filled.reporterContact,
      },
      jurisdiction,
      now.toISOString().slice(0, 10),
    );
    if (!checked.ok) {
      const [first] = checked.problems;
      throw new RequestProblem('invalid', `${first?.field}: ${first?.message}`, checked.problems);
    }
    const idempotency =
      door.kind === 'exchange' && body.idempotencyKey
        ? { scope: `key:${door.keyId}`, key: body.idempotencyKey, requestHash: sha256(stringify(body) ?? '') }
        : door.kind === 'warning'
          ? { scope: 'decision', key: door.decisionId, requestHash: sha256(stringify(body) ?? '') }
          : null;
    const evidenceToken = newEvidenceToken();
    const id = `rep_${randomUUID().replaceAll('-', '')}`;
    const reference = formatReference('CVR', randomBytes(5));
    const result = await this.repository.insert({
      id,
      reference,
      channel: door.kind,
      jurisdiction,
      category: filled.category,
      description: filled.description,
      loss: filled.loss ?? null,
      firstContact: filled.firstContact ?? null,
      consentToPoliceContact: consent,
      reporterContact: consent ? (filled.reporterContact ?? null) : null,
      userPseudonym:
        door.kind === 'exchange' && body.userRef
          ? createHmac('sha256', this.options.userSecret).update(body.userRef).digest('base64url')
          : null,
      decisionId: door.kind === 'warning' ? door.decisionId : null,
      locale: filled.locale ?? null,
      lookalikeTarget: this.lookalikeTarget(checked.parts.identifiers),
      idempotency,
      evidenceTokenHash: sha256(evidenceToken),
      identifiers: checked.parts.identifiers,
      transactionHashes: checked.parts.transactionHashes,
      createdBy:
        door.kind === 'exchange'
          ? door.actor
          : door.kind === 'warning'
            ? `event-token:${door.decisionId}`
            : 'public',
    });
    if (!result.inserted && idempotency) {
      // Filed before (a retry) or by a concurrent request: the insert was rolled back, answer with the first.
      const known = await this.repository.byIdempotencyKey(idempotency.scope, idempotency.key);
      if (known) return this.replay(known, idempotency.requestHash, door);
    }
    return { created: { id, reference, status: 'new', evidenceToken }, replayed: false };
  }

  /** Whether a bearer evidence token is the one issued for this report. */
  async evidenceTokenMatches(reportId: string, token: string): Promise<boolean> {
    const stored = await this.repository.evidenceTokenHash(reportId);
    if (!stored) return false;
    const given = Buffer.from(sha256(token));
    const expected = Buffer.from(stored);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  async reportJurisdiction(reportId: string): Promise<string | undefined> {
    return this.repository.reportJurisdiction(reportId);
  }

  /**
   * Stores an evidence file after sniffing what it really is: the name and the declared type are
   * the sender's word, the bytes are not. Nothing is written when anything is refused.
   */
  async addEvidence(
    reportId: string,
    content: Uint8Array,
    truncated: boolean,
    actor: string,
  ): Promise<{ ok: true; evidence: EvidenceUploaded } | { ok: false; refusal: EvidenceRefusal }> {
    if (truncated || content.length > EVIDENCE_MAX_BYTES)
      return { ok: false, refusal: { status: 413, field: 'file', message: 'larger than 5 MB' } };
    if (content.length === 0)
      return { ok: false, refusal: { status: 415, field: 'file', message: 'empty file' } };
    const sniffed = await fileTypeFromBuffer(content);
    const mediaType = sniffed?.mime;
    if (!mediaType || !(EVIDENCE_MEDIA_TYPES as readonly string[]).includes(mediaType))
      return {
        ok: false,
        refusal: {
          status: 415,
          field: 'file',
          message: `the content is ${sniffed ? sniffed.mime : 'not a recognised file'}; send a PNG, JPEG, WebP or GIF image or a PDF`,
        },
      };
    const id = `evd_${randomUUID().replaceAll('-', '')}`;
    const hash = sha256(content);
    const added = await this.repository.addEvidence(
      { id, reportId, mediaType, sha256: hash, content, actor },
      EVIDENCE_MAX_FILES,
    );
    if (added === 'no_report')
      return { ok: false, refusal: { status: 404, field: 'params/id', message: 'no such report' } };
    if (added === 'full')
      return {
        ok: false,
        refusal: {
          status: 409,
          field: 'file',
          message: `a report holds at most ${EVIDENCE_MAX_FILES} files`,
        },
      };
    return {
      ok: true,
      evidence: { id, mediaType: mediaType as EvidenceMediaType, size: content.length, sha256: hash },
    };
  }

  evidence(reportId: string, evidenceId: string) {
    return this.repository.evidence(reportId, evidenceId);
  }

  list(query: ReportListQuery, visibleJurisdiction: string | null): Promise<ReportList> {
    return this.repository.list(query, visibleJurisdiction);
  }

  detail(id: string): Promise<ReportDetail | undefined> {
    return this.repository.detail(id);
  }

  async patch(id: string, patch: ReportPatch, actor: string): Promise<void> {
    const changes: { status?: ReportStatus; assignee?: string | null } = {};
    if (patch.status !== undefined) changes.status = patch.status;
    if (patch.assignee !== undefined) changes.assignee = patch.assignee;
    if (!(await this.repository.patch(id, changes, actor)))
      throw RequestProblem.notFound('params/id', 'no such report');
  }

  async addNote(id: string, text: string, actor: string): Promise<{ id: string; createdAt: string }> {
    const note = await this.repository.addNote(id, text, actor);
    if (!note) throw RequestProblem.notFound('params/id', 'no such report');
    return note;
  }

  clusters(query: ClusterListQuery, visibleJurisdiction: string | null): Promise<ClusterSummary[]> {
    return this.repository.clusters(query, visibleJurisdiction);
  }

  cluster(id: string): Promise<ClusterDetail | undefined> {
    return this.repository.cluster(id);
  }

  clusterJurisdictions(id: string): Promise<string[]> {
    return this.repository.clusterJurisdictions(id);
  }

  /**
   * Confirms a cluster into indicators; this instance reads them before answering, so the next
   * screening it serves already holds (others follow on the NOTIFY).
   */
  async confirm(
    id: string,
    input: ConfirmInput,
    actor: string,
  ): Promise<{ indicators: number; reports: number }> {
    if (!(SCAM_TYPES as readonly string[]).includes(input.scamType))
      throw RequestProblem.invalid('body/scamType', `one of ${SCAM_TYPES.join(', ')}`);
    const verdict = { riskLevel: input.riskLevel, scamType: input.scamType as ScamType };
    const result = await this.repository.confirm(id, verdict, actor, (mentions) =>
      confirmationRecords(mentions, verdict),
    );
    if (!result) throw RequestProblem.notFound('params/id', 'no such cluster');
    await this.intelligence.refresh();
    return result;
  }

  async reject(id: string, reason: string, actor: string): Promise<void> {
    if (!(await this.repository.reject(id, reason, actor)))
      throw RequestProblem.notFound('params/id', 'no such cluster');
  }

  /** Refers a cluster to one partner through the relay: only what that partner's policy allows leaves. */
  async refer(id: string, partnerId: string, actor: string): Promise<{ alertIds: string[] }> {
    const facts = await this.repository.referralFacts(id);
    if (!facts) throw RequestProblem.notFound('params/id', 'no such cluster');
    if (facts.status !== 'confirmed' && facts.status !== 'referred')
      throw RequestProblem.conflict('params/id', 'confirm the cluster before referring it');
    const figures = clusterFigures(
      facts.reports.map((r) => ({
        createdAtMs: Date.parse(r.createdAt),
        jurisdiction: r.jurisdiction,
        category: r.category,
        loss: r.loss,
      })),
    );
    const identifiers = new Map<string, { kind: string; display: string }>();
    for (const report of facts.reports)
      for (const i of report.identifiers) identifiers.set(i.key, { kind: i.kind, display: i.display });
    const referral: Referral = {
      clusterId: id,
      category: dominantCategory(facts.reports.map((r) => r.category)) ?? 'other',
      scamType: facts.scamType ?? 'unknown',
      identifiers: [...identifiers.values()],
      reportCount: figures.reportCount,
      lossByAsset: figures.totalLoss,
      firstSeen: new Date(figures.firstSeenMs).toISOString(),
      lastSeen: new Date(figures.lastSeenMs).toISOString(),
      jurisdictions: figures.jurisdictions,
      reporters: facts.reports.map((r) => ({
        consented: r.consentToPoliceContact,
        ...(r.consentToPoliceContact && r.reporterContact ? { contact: r.reporterContact } : {}),
      })),
    };
    const sent = await this.repository.refer(id, partnerId, actor, async (tx) => {
      const result = await this.relay.referCluster(tx, referral, partnerId);
      // Rolls the status change back: a cluster never says "referred" with no alert behind it.
      if (result.alertIds.length === 0)
        throw RequestProblem.invalid(
          'body/partnerId',
          `no partner ${partnerId} whose data-sharing policy takes referrals for ${figures.jurisdictions.join(', ')}`,
        );
      return result;
    });
    if (!sent) throw RequestProblem.notFound('params/id', 'no such cluster');
    return sent;
  }

  /** Unconfirmed reports naming what a lookup found (the thing itself or the site it is on). */
  unverifiedReports(answer: { key: string; kind: string; display: string }): Promise<number> {
    const keys = [answer.key];
    const identifier = detectIdentifier(answer.display);
    if (identifier.ok && identifier.hostname) keys.push(`domain:${identifier.hostname}`);
    return this.repository.unverifiedCount(keys);
  }

  async exportConfirmed(format: ExportFormat): Promise<string> {
    const indicators = await this.repository.confirmedIndicators();
    return format === 'csv' ? indicatorsToCsv(indicators) : indicatorsToStix(indicators);
  }

  async fileDispute(input: DisputeInput, now = new Date()): Promise<DisputeCreated> {
    const identifier = detectIdentifier(input.identifier);
    if (!identifier.ok) throw RequestProblem.invalid('body/identifier', identifier.reason);
    const deadline = disputeDeadline(now);
    const reference = formatReference('DSP', randomBytes(5));
    await this.repository.insertDispute({
      id: `dsp_${randomUUID().replaceAll('-', '')}`,
      reference,
      identifier: identifier.display,
      kind: identifier.kind,
      key: identifier.key,
      reason: input.reason,
      contactEmail: input.contactEmail ?? null,
      deadline,
    });
    return { reference, status: 'open', deadline };
  }

  async dispute(reference: string): Promise<DisputePublic> {
    const parsed = parseReference('DSP', reference);
    const found = parsed ? await this.repository.disputeByReference(parsed) : undefined;
    if (!found) throw RequestProblem.notFound('params/reference', 'no dispute with this reference');
    return found;
  }

  disputes(status: DisputeStatus | undefined): Promise<DisputeAdmin[]> {
    return this.repository.disputes(status, new Date());
  }

  async decideDispute(id: string, input: DisputeDecideInput, actor: string): Promise<void> {
    const result = await this.repository.decideDispute(
      id,
      input.decision,
      input.publicNote,
      actor,
      new Date(),
    );
    if (result === 'not_found') throw RequestProblem.notFound('params/id', 'no such dispute');
    if (result === 'already_decided')
      throw RequestProblem.conflict('params/id', 'this dispute was already decided');
    if (input.decision === 'delist') await this.intelligence.refresh();
  }

  /** The warning door: jurisdiction, locale and the destination come from the decision record. */
  private async fromDecision(body: ReportInput, decisionId: string): Promise<ReportInput> {
    const decision = await this.repository.decisionDestination(decisionId);
    if (!decision)
      throw RequestProblem.notFound('headers/authorization', 'the decision is not recorded yet; retry');
    const identifiers = [...(body.identifiers ?? [])];
    if (decision.address) {
      const destination = {
        value: decision.address,
        ...(decision.network ? { network: decision.network } : {}),
      };
      // An address the exchange sent that caveat cannot normalize is still the decision's; skip it.
      if (normalizeReportIdentifier(destination, decision.jurisdiction, 'destination').ok)
        identifiers.unshift(destination);
    }
    return {
      ...body,
      jurisdiction: decision.jurisdiction,
      locale: body.locale ?? decision.locale,
      identifiers,
      consentToPoliceContact: body.consentToPoliceContact ?? false,
    };
  }

  private lookalikeTarget(identifiers: readonly NormalizedIdentifier[]): string | null {
    for (const identifier of identifiers) {
      if (!identifier.hostname) continue;
      const finding = this.intelligence.detector.checkHostname(identifier.hostname);
      if (finding) return finding.imitates;
    }
    return null;
  }

  private async replay(
    known: { id: string; reference: string; status: ReportStatus; requestHash: string },
    requestHash: string,
    door: ReportDoor,
  ): Promise<ReportOutcome> {
    if (known.requestHash !== requestHash)
      throw RequestProblem.conflict(
        door.kind === 'warning' ? 'headers/authorization' : 'body/idempotencyKey',
        door.kind === 'warning'
          ? 'this decision was already reported with a different body'
          : 'already used for a different report',
      );
    // The first answer (and its evidence token) was lost to the caller, or it would not retry: a
    // fresh token replaces the stored one, so exactly one token works.
    const evidenceToken = newEvidenceToken();
    await this.repository.replaceEvidenceToken(known.id, sha256(evidenceToken));
    return {
      created: { id: known.id, reference: known.reference, status: known.status, evidenceToken },
      replayed: true,
    };
  }
}
