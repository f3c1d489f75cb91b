import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { RequestProblem } from '../errors.js';
import { normalizeAgencyDomain } from '../police-requests/agency-domains.js';
import type { Agency, Officer, OfficerStatus } from '../police-requests/model.js';
import { appendAudit } from './audit-repository.js';
import type { Database } from './database.js';
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from './password-hash.js';
import { iso, isoRequired } from './rows.js';

export interface OfficerSession {
  officer: Officer;
  /** Identifies the session without being the cookie (the CSRF token is bound to it). */
  id: string;
  csrfSecret: string;
}

/** What a sign-in attempt came to; `locked` also when the right password arrives during a lockout. */
export type SignInResult =
  | { result: 'ok'; officer: Officer; totpSecret: string | null }
  | { result: 'refused' }
  | { result: 'locked'; until: string; justLocked: boolean };

export const OFFICER_SESSION_LIFETIME_MS = 12 * 3600_000;
const SESSION_IDLE_MS = 2 * 3600_000;
const CONFIRMATION_LIFETIME_MS = 24 * 3600_000;
export const LOCKOUT_AFTER_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60_000;

// Tokens are 256 random bits; only their SHA-256 is stored, so a copy of the tables opens nothing.
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

interface OfficerRow {
  id: string;
  email: string;
  name: string;
  agency_id: string;
  agency_name: string;
  status: OfficerStatus;
  totp_enabled: boolean;
  created_at: Date;
  confirmed_at: Date | null;
  decided_at: Date | null;
  decided_by: string | null;
}

const COLUMNS = `o.id, o.email, o.name, o.agency_id, p.name AS agency_name, o.status, o.totp_enabled,
  o.created_at, o.confirmed_at, o.decided_at, o.decided_by`;
const FROM = 'officers o JOIN partners p ON p.id = o.agency_id';

const toOfficer = (row: OfficerRow): Officer => ({
  id: row.id,
  email: row.email,
  name: row.name,
  agencyId: row.agency_id,
  agencyName: row.agency_name,
  status: row.status,
  totpEnabled: row.totp_enabled,
  createdAt: isoRequired(row.created_at),
  confirmedAt: iso(row.confirmed_at),
  decidedAt: iso(row.decided_at),
  decidedBy: row.decided_by,
});

/** Agencies' email domains, officers, their confirmation tokens, sessions and lockouts. */
export class OfficerRepository {
  constructor(private readonly db: Database) {}

  /** Police partners an officer can sign up for: those with at least one official email domain. */
  async agencies(): Promise<Agency[]> {
    const rows = await this.db.query<{ id: string; name: string; jurisdiction: string; domains: string[] }>(
      `SELECT p.id, p.name, p.jurisdiction, array_agg(d.domain ORDER BY d.domain) AS domains
       FROM partners p JOIN partner_email_domains d ON d.partner_id = p.id
       WHERE p.kind = 'police' GROUP BY p.id, p.name, p.jurisdiction ORDER BY p.name`,
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      jurisdiction: r.jurisdiction,
      officialEmailDomains: r.domains,
    }));
  }

  async emailDomains(partnerId: string): Promise<string[]> {
    const rows = await this.db.query<{ domain: string }>(
      'SELECT domain FROM partner_email_domains WHERE partner_id = $1 ORDER BY domain',
      [partnerId],
    );
    return rows.map((r) => r.domain);
  }

  /** Replaces a police partner's official email domains (validated whole first). */
  async setEmailDomains(partnerId: string, domains: readonly string[], actor: string): Promise<string[]> {
    const normalized: string[] = [];
    domains.forEach((raw, index) => {
      const domain = normalizeAgencyDomain(raw);
      if (!domain) throw RequestProblem.invalid(`body/domains/${index}`, 'is not a domain name');
      if (!normalized.includes(domain)) normalized.push(domain);
    });
    const partners = await this.db.query<{ kind: string }>('SELECT kind FROM partners WHERE id = $1', [
      partnerId,
    ]);
    const partner = partners[0];
    if (!partner) throw RequestProblem.notFound('params/id', `no partner ${partnerId}`);
    if (partner.kind !== 'police')
      throw RequestProblem.invalid('params/id', 'only police partners have official email domains');
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM partner_email_domains WHERE partner_id = $1', [partnerId]);
      if (normalized.length > 0)
        await tx.query(
          'INSERT INTO partner_email_domains (partner_id, domain) SELECT $1, unnest($2::text[])',
          [partnerId, normalized],
        );
      await appendAudit(tx, {
        actor,
        action: 'partner.email_domains',
        entity: 'partner',
        entityId: partnerId,
        detail: { domains: normalized },
      });
    });
    return normalized;
  }

  /** Creates an unconfirmed officer; returns the one-time confirmation token (only its hash is kept). */
  async create(input: { email: string; name: string; agencyId: string; password: string }): Promise<{
    officer: Officer;
    token: string;
  }> {
    const passwordHash = await hashPassword(input.password);
    const token = randomBytes(32).toString('base64url');
    const id = randomUUID();
    return this.db.transaction(async (tx) => {
      const inserted = await tx.query<{ id: string }>(
        `INSERT INTO officers (id, email, name, agency_id, password_hash, status)
         VALUES ($1, $2, $3, $4, $5, 'unconfirmed') ON CONFLICT (email) DO NOTHING RETURNING id`,
        [id, input.email, input.name, input.agencyId, passwordHash],
      );
      if (inserted.length === 0)
        throw RequestProblem.conflict('body/email', 'an officer with this email has already signed up');
      await tx.query(
        'INSERT INTO officer_email_tokens (token_hash, officer_id, expires_at) VALUES ($1, $2, $3)',
        [hashToken(token), id, new Date(Date.now() + CONFIRMATION_LIFETIME_MS)],
      );
      await appendAudit(tx, {
        actor: `officer:${id}`,
        action: 'officer.sign_up',
        entity: 'officer',
        entityId: id,
        detail: { agencyId: input.agencyId },
      });
      const rows = await tx.query<OfficerRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE o.id = $1`, [id]);
      return { officer: toOfficer(rows[0] as OfficerRow), token };
    });
  }

  /** Uses a confirmation token once: the officer's email is confirmed and the account awaits approval. */
  async confirm(token: string): Promise<Officer | undefined> {
    return this.db.transaction(async (tx) => {
      const used = await tx.query<{ officer_id: string }>(
        `UPDATE officer_email_tokens SET used_at = now()
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING officer_id`,
        [hashToken(token)],
      );
      const officerId = used[0]?.officer_id;
      if (!officerId) return undefined;
      await tx.query(
        `UPDATE officers SET status = 'pending', confirmed_at = now() WHERE id = $1 AND status = 'unconfirmed'`,
        [officerId],
      );
      await appendAudit(tx, {
        actor: `officer:${officerId}`,
        action: 'officer.confirm',
        entity: 'officer',
        entityId: officerId,
      });
      const rows = await tx.query<OfficerRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE o.id = $1`, [officerId]);
      return rows[0] && toOfficer(rows[0]);
    });
  }

  async list(status?: OfficerStatus): Promise<Officer[]> {
    const rows = await this.db.query<OfficerRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ($1::text IS NULL OR o.status = $1) ORDER BY o.created_at`,
      [status ?? null],
    );
    return rows.map(toOfficer);
  }

  async get(id: string): Promise<Officer | undefined> {
    const rows = await this.db.query<OfficerRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE o.id = $1`, [id]);
    return rows[0] && toOfficer(rows[0]);
  }

  /** An exchange admin approves or rejects a confirmed officer; rejecting ends their sessions. */
  async decide(id: string, decision: 'approved' | 'rejected', actor: string): Promise<Officer> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{ status: OfficerStatus }>(
        'SELECT status FROM officers WHERE id = $1 FOR UPDATE',
        [id],
      );
      const current = rows[0];
      if (!current) throw RequestProblem.notFound('params/id', `no officer ${id}`);
      if (current.status === 'unconfirmed')
        throw RequestProblem.conflict('params/id', 'the officer has not confirmed their email yet');
      await tx.query('UPDATE officers SET status = $2, decided_at = now(), decided_by = $3 WHERE id = $1', [
        id,
        decision,
        actor,
      ]);
      if (decision === 'rejected')
        await tx.query(
          'UPDATE officer_sessions SET revoked_at = now() WHERE officer_id = $1 AND revoked_at IS NULL',
          [id],
        );
      await appendAudit(tx, {
        actor,
        action: `officer.${decision === 'approved' ? 'approve' : 'reject'}`,
        entity: 'officer',
        entityId: id,
      });
      const after = await tx.query<OfficerRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE o.id = $1`, [id]);
      return toOfficer(after[0] as OfficerRow);
    });
  }

  /**
   * Checks a password, counting failures: the fifth in a row locks the account for 15 minutes (an
   * audit entry), and while locked even the right password is refused. Takes as long for an unknown
   * email. The counter is updated with one statement, so parallel guesses cannot skip the lock.
   */
  async signIn(email: string, password: string, now = new Date()): Promise<SignInResult> {
    const rows = await this.db.query<
      OfficerRow & { password_hash: string; totp_secret: string | null; locked_until: Date | null }
    >(`SELECT ${COLUMNS}, o.password_hash, o.totp_secret, o.locked_until FROM ${FROM} WHERE o.email = $1`, [
      email.trim().toLowerCase(),
    ]);
    const row = rows[0];
    const matches = await verifyPassword(password, row?.password_hash ?? UNKNOWN_USER_HASH);
    if (!row) return { result: 'refused' };
    if (row.locked_until && new Date(row.locked_until) > now)
      return { result: 'locked', until: isoRequired(row.locked_until), justLocked: false };
    if (matches) {
      await this.db.query('UPDATE officers SET failed_sign_ins = 0, locked_until = NULL WHERE id = $1', [
        row.id,
      ]);
      return { result: 'ok', officer: toOfficer(row), totpSecret: row.totp_enabled ? row.totp_secret : null };
    }
    return this.recordFailure(row.id, now);
  }

  /** A wrong password or TOTP code. */
  async recordFailure(officerId: string, now = new Date()): Promise<SignInResult> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{ failed_sign_ins: number; locked_until: Date | null }>(
        `UPDATE officers SET
           failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $2 THEN 0 ELSE failed_sign_ins + 1 END,
           locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
         WHERE id = $1 RETURNING failed_sign_ins, locked_until`,
        [officerId, LOCKOUT_AFTER_FAILURES, new Date(now.getTime() + LOCKOUT_MS)],
      );
      const row = rows[0];
      if (row?.locked_until && new Date(row.locked_until) > now && row.failed_sign_ins === 0) {
        await appendAudit(tx, {
          actor: 'system',
          action: 'officer.lockout',
          entity: 'officer',
          entityId: officerId,
          detail: { failures: LOCKOUT_AFTER_FAILURES, until: isoRequired(row.locked_until) },
        });
        return { result: 'locked', until: isoRequired(row.locked_until), justLocked: true };
      }
      return { result: 'refused' };
    });
  }

  async openSession(officer: Officer): Promise<{ token: string; session: OfficerSession }> {
    const token = randomBytes(32).toString('base64url');
    const csrfSecret = randomBytes(18).toString('base64url');
    const tokenHash = hashToken(token);
    await this.db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO officer_sessions (token_hash, officer_id, csrf_secret, expires_at) VALUES ($1, $2, $3, $4)',
        [tokenHash, officer.id, csrfSecret, new Date(Date.now() + OFFICER_SESSION_LIFETIME_MS)],
      );
      await appendAudit(tx, {
        actor: `officer:${officer.id}`,
        action: 'officer.session.open',
        entity: 'officer',
        entityId: officer.id,
      });
    });
    return { token, session: { officer, id: tokenHash.slice(0, 32), csrfSecret } };
  }

  /** The live session of an approved officer a cookie names, or undefined. */
  async session(token: string): Promise<OfficerSession | undefined> {
    const tokenHash = hashToken(token);
    const rows = await this.db.query<OfficerRow & { csrf_secret: string; last_seen_at: Date }>(
      `SELECT ${COLUMNS}, s.csrf_secret, s.last_seen_at
       FROM officer_sessions s JOIN officers o ON o.id = s.officer_id JOIN partners p ON p.id = o.agency_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
         AND s.last_seen_at > now() - make_interval(secs => $2) AND o.status = 'approved'`,
      [tokenHash, SESSION_IDLE_MS / 1000],
    );
    const row = rows[0];
    if (!row) return undefined;
    if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000)
      await this.db.query('UPDATE officer_sessions SET last_seen_at = now() WHERE token_hash = $1', [
        tokenHash,
      ]);
    return { officer: toOfficer(row), id: tokenHash.slice(0, 32), csrfSecret: row.csrf_secret };
  }

  async closeSession(token: string): Promise<void> {
    await this.db.query(
      'UPDATE officer_sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL',
      [hashToken(token)],
    );
  }

  /** Stores a TOTP secret being enrolled; it counts only after verifyTotp confirms a code. */
  async setTotpSecret(officerId: string, secret: string): Promise<void> {
    await this.db.query('UPDATE officers SET totp_secret = $2, totp_enabled = false WHERE id = $1', [
      officerId,
      secret,
    ]);
  }

  async totpSecret(officerId: string): Promise<string | null> {
    const rows = await this.db.query<{ totp_secret: string | null }>(
      'SELECT totp_secret FROM officers WHERE id = $1',
      [officerId],
    );
    return rows[0]?.totp_secret ?? null;
  }

  async enableTotp(officerId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('UPDATE officers SET totp_enabled = true WHERE id = $1', [officerId]);
      await appendAudit(tx, {
        actor: `officer:${officerId}`,
        action: 'officer.totp.enable',
        entity: 'officer',
        entityId: officerId,
      });
    });
  }
}
