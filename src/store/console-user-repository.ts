import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { RequestProblem } from '../errors.js';
import { appendAudit } from './audit-repository.js';
import { notifyCredentialChange } from './credential-changes.js';
import type { Database, Queryable } from './database.js';
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from './password-hash.js';
import { iso, isoRequired } from './rows.js';
import { SignInLockout } from './sign-in-lockout.js';

export const CONSOLE_ROLES = ['admin', 'analyst', 'partner_reviewer', 'le_responder'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

export interface ConsoleUser {
  id: string;
  email: string;
  name: string;
  role: ConsoleRole;
  /** Set for partner reviewers: the only jurisdiction whose campaigns they see. */
  jurisdiction: string | null;
  partnerId: string | null;
  createdAt: string;
  disabledAt: string | null;
  /** Signs in with an authenticator-app code as well as the password. */
  totpEnabled: boolean;
}

/** What sign-in checks: the password hash and, once confirmed, the TOTP secret. Never leaves the server. */
export interface ConsoleCredentials {
  user: ConsoleUser;
  passwordHash: string;
  totpSecret: string | null;
}

export interface NewConsoleUser {
  email: string;
  name: string;
  role: ConsoleRole;
  jurisdiction: string | null;
  partnerId: string | null;
  password: string;
}

export interface ConsoleSession {
  user: ConsoleUser;
  /** Identifies the session without being the cookie (the CSRF token is bound to it). */
  id: string;
  csrfSecret: string;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: ConsoleRole;
  jurisdiction: string | null;
  partner_id: string | null;
  created_at: Date;
  disabled_at: Date | null;
  totp_enabled: boolean;
}

const USER_COLUMNS = 'id, email, name, role, jurisdiction, partner_id, created_at, disabled_at, totp_enabled';

const toUser = (row: UserRow): ConsoleUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  jurisdiction: row.jurisdiction,
  partnerId: row.partner_id,
  createdAt: isoRequired(row.created_at),
  disabledAt: iso(row.disabled_at),
  totpEnabled: row.totp_enabled,
});

/** Sessions end 12 hours after sign-in, or after 2 hours without a request. */
export const SESSION_LIFETIME_MS = 12 * 3600_000;
const SESSION_IDLE_MS = 2 * 3600_000;
const TOUCH_EVERY_MS = 60_000;

// The cookie holds 256 random bits; only their SHA-256 is stored, so a copy of the table opens nothing.
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** People who sign in to the console, and their sessions. Every change is audited. */
export class ConsoleUserRepository {
  constructor(private readonly db: Database) {}

  async list(): Promise<ConsoleUser[]> {
    const rows = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM console_users ORDER BY email`);
    return rows.map(toUser);
  }

  async get(id: string): Promise<ConsoleUser | undefined> {
    const rows = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM console_users WHERE id = $1`, [
      id,
    ]);
    return rows[0] && toUser(rows[0]);
  }

  async create(input: NewConsoleUser, actor: string): Promise<ConsoleUser> {
    await this.checkScope(input);
    const email = input.email.trim().toLowerCase();
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<UserRow>(
        `INSERT INTO console_users (id, email, name, role, jurisdiction, partner_id, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (email) DO NOTHING RETURNING ${USER_COLUMNS}`,
        [randomUUID(), email, input.name, input.role, input.jurisdiction, input.partnerId, passwordHash],
      );
      const row = rows[0];
      if (!row) throw RequestProblem.conflict('body/email', 'a user with this email already exists');
      await appendAudit(tx, {
        actor,
        action: 'user.create',
        entity: 'user',
        entityId: row.id,
        detail: { role: input.role, jurisdiction: input.jurisdiction, partnerId: input.partnerId },
      });
      return toUser(row);
    });
  }

  /** Disables the user and ends every session they have. */
  async disable(id: string, actor: string): Promise<ConsoleUser> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<UserRow>(
        `UPDATE console_users SET disabled_at = coalesce(disabled_at, now()), updated_at = now()
         WHERE id = $1 RETURNING ${USER_COLUMNS}`,
        [id],
      );
      const row = rows[0];
      if (!row) throw RequestProblem.notFound('params/id', `no user ${id}`);
      await endSessions(tx, id);
      await appendAudit(tx, { actor, action: 'user.disable', entity: 'user', entityId: id });
      return toUser(row);
    });
  }

  /** Sets a new password and ends the user's sessions, so a leaked one stops working at once. */
  async setPassword(id: string, password: string, actor: string): Promise<ConsoleUser> {
    const passwordHash = await hashPassword(password);
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<UserRow>(
        `UPDATE console_users SET password_hash = $2, updated_at = now() WHERE id = $1 RETURNING ${USER_COLUMNS}`,
        [id, passwordHash],
      );
      const row = rows[0];
      if (!row) throw RequestProblem.notFound('params/id', `no user ${id}`);
      await endSessions(tx, id);
      await appendAudit(tx, { actor, action: 'user.password', entity: 'user', entityId: id });
      return toUser(row);
    });
  }

  /** The enabled user with these credentials, or undefined; takes as long for an unknown email. */
  async authenticate(email: string, password: string): Promise<ConsoleUser | undefined> {
    const rows = await this.db.query<UserRow & { password_hash: string }>(
      `SELECT ${USER_COLUMNS}, password_hash FROM console_users WHERE email = $1`,
      [email.trim().toLowerCase()],
    );
    const row = rows[0];
    const matches = await verifyPassword(password, row?.password_hash ?? UNKNOWN_USER_HASH);
    return row && matches && !row.disabled_at ? toUser(row) : undefined;
  }

  /** The account signing in with this email, enabled or not; undefined when none has it. */
  async credentials(email: string): Promise<ConsoleCredentials | undefined> {
    const rows = await this.db.query<UserRow & { password_hash: string; totp_secret: string | null }>(
      `SELECT ${USER_COLUMNS}, password_hash, totp_secret FROM console_users WHERE email = $1`,
      [email.trim().toLowerCase()],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      user: toUser(row),
      passwordHash: row.password_hash,
      totpSecret: row.totp_enabled ? row.totp_secret : null,
    };
  }

  /** Keeps a TOTP secret being enrolled; it counts only once confirmTotp has seen a code from it. */
  async startTotp(id: string, secret: string): Promise<void> {
    const rows = await this.db.query(
      `UPDATE console_users SET totp_secret = $2, updated_at = now()
       WHERE id = $1 AND NOT totp_enabled RETURNING id`,
      [id, secret],
    );
    if (rows.length === 0)
      throw RequestProblem.conflict('totp', 'two-factor sign-in is already on; an admin can reset it');
  }

  /** The secret being enrolled (not yet confirmed), or null. */
  async pendingTotpSecret(id: string): Promise<string | null> {
    const rows = await this.db.query<{ totp_secret: string | null }>(
      'SELECT totp_secret FROM console_users WHERE id = $1 AND NOT totp_enabled',
      [id],
    );
    return rows[0]?.totp_secret ?? null;
  }

  /** Turns the second factor on, for the secret that was confirmed (a restart since is refused). */
  async enableTotp(id: string, secret: string, actor: string): Promise<ConsoleUser> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<UserRow>(
        `UPDATE console_users SET totp_enabled = true, updated_at = now()
         WHERE id = $1 AND totp_secret = $2 AND NOT totp_enabled RETURNING ${USER_COLUMNS}`,
        [id, secret],
      );
      const row = rows[0];
      if (!row) throw RequestProblem.conflict('body/code', 'enrolment changed meanwhile; start again');
      await appendAudit(tx, { actor, action: 'user.totp.enable', entity: 'user', entityId: id });
      return toUser(row);
    });
  }

  /**
   * An admin's reset, for a lost phone: the second factor is off and the user's sessions end, so
   * the next sign-in is with the password alone (and enrols again where it is required).
   */
  async resetTotp(id: string, actor: string): Promise<ConsoleUser> {
    return this.db.transaction(async (tx) => {
      const before = await tx.query<{ totp_enabled: boolean }>(
        'SELECT totp_enabled FROM console_users WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!before[0]) throw RequestProblem.notFound('params/id', `no user ${id}`);
      const rows = await tx.query<UserRow>(
        `UPDATE console_users SET totp_secret = NULL, totp_enabled = false, updated_at = now()
         WHERE id = $1 RETURNING ${USER_COLUMNS}`,
        [id],
      );
      await endSessions(tx, id);
      await appendAudit(tx, {
        actor,
        action: 'user.totp.reset',
        entity: 'user',
        entityId: id,
        detail: { wasEnabled: before[0].totp_enabled },
      });
      return toUser(rows[0] as UserRow);
    });
  }

  /** Opens a session; the token goes into the cookie and is never stored. */
  async openSession(
    user: ConsoleUser,
    onOpen?: (tx: Queryable) => Promise<void>,
  ): Promise<{ token: string; session: ConsoleSession; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const csrfSecret = randomBytes(18).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
    const tokenHash = hashToken(token);
    await this.db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO console_sessions (token_hash, user_id, csrf_secret, expires_at) VALUES ($1, $2, $3, $4)',
        [tokenHash, user.id, csrfSecret, expiresAt],
      );
      await appendAudit(tx, {
        actor: `user:${user.email}`,
        action: 'session.open',
        entity: 'user',
        entityId: user.id,
      });
      // Whatever must commit with the sign-in (forgetting its failed attempts).
      await onOpen?.(tx);
    });
    return { token, session: { user, id: tokenHash.slice(0, 32), csrfSecret }, expiresAt };
  }

  /** The live session a cookie names, or undefined (unknown, ended, expired, idle, user disabled). */
  async session(token: string): Promise<ConsoleSession | undefined> {
    const tokenHash = hashToken(token);
    const rows = await this.db.query<UserRow & { csrf_secret: string; last_seen_at: Date }>(
      `SELECT ${USER_COLUMNS.replace(/(\w+)/g, 'u.$1')}, s.csrf_secret, s.last_seen_at
       FROM console_sessions s JOIN console_users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
         AND s.last_seen_at > now() - make_interval(secs => $2) AND u.disabled_at IS NULL`,
      [tokenHash, SESSION_IDLE_MS / 1000],
    );
    const row = rows[0];
    if (!row) return undefined;
    // Sliding idle timeout, written at most once a minute per session.
    if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      await this.db.query('UPDATE console_sessions SET last_seen_at = now() WHERE token_hash = $1', [
        tokenHash,
      ]);
    }
    return { user: toUser(row), id: tokenHash.slice(0, 32), csrfSecret: row.csrf_secret };
  }

  /**
   * Forgets sessions that ended more than a day ago (returns how many), and sign-in failure counts a
   * day quiet (the same sweep keeps that table bounded).
   */
  async deleteEndedSessions(): Promise<number> {
    await new SignInLockout(this.db).forgetStale();
    const rows = await this.db.query(
      `DELETE FROM console_sessions
       WHERE coalesce(revoked_at, expires_at) < now() - interval '1 day' RETURNING token_hash`,
    );
    return rows.length;
  }

  async closeSession(token: string, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows = await tx.query<{ user_id: string }>(
        'UPDATE console_sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING user_id',
        [hashToken(token)],
      );
      const userId = rows[0]?.user_id;
      if (!userId) return;
      await appendAudit(tx, { actor, action: 'session.close', entity: 'user', entityId: userId });
      // Named by user, not session: the session id derives from the cookie.
      await notifyCredentialChange(tx, { kind: 'user', id: userId });
    });
  }

  /** A reviewer needs a jurisdiction; a partner must exist and belong to the user's jurisdiction. */
  private async checkScope(input: NewConsoleUser): Promise<void> {
    if (input.role === 'partner_reviewer' && !input.jurisdiction) {
      throw RequestProblem.invalid('body/jurisdiction', 'a partner reviewer needs a jurisdiction');
    }
    if (input.jurisdiction) {
      const found = await this.db.query('SELECT 1 FROM jurisdictions WHERE code = $1', [input.jurisdiction]);
      if (found.length === 0)
        throw RequestProblem.invalid('body/jurisdiction', `unknown jurisdiction ${input.jurisdiction}`);
    }
    if (input.partnerId) {
      const partners = await this.db.query<{ jurisdiction: string }>(
        'SELECT jurisdiction FROM partners WHERE id = $1',
        [input.partnerId],
      );
      const partner = partners[0];
      if (!partner) throw RequestProblem.invalid('body/partnerId', `no partner ${input.partnerId}`);
      if (input.jurisdiction && partner.jurisdiction !== input.jurisdiction) {
        throw RequestProblem.invalid(
          'body/partnerId',
          `partner ${input.partnerId} is not in ${input.jurisdiction}`,
        );
      }
    }
  }
}

/**
 * Ends every session of the user. Sessions are read from the store on each request, so this alone
 * ends them everywhere; the NOTIFY (delivered on commit) is for any instance caching credentials.
 */
async function endSessions(tx: Queryable, userId: string): Promise<void> {
  await tx.query('UPDATE console_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [
    userId,
  ]);
  await notifyCredentialChange(tx, { kind: 'user', id: userId });
}
