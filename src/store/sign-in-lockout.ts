import { createHmac } from 'node:crypto';
import type { Database, Queryable } from './database.js';
import { ensureSecret } from './settings-repository.js';

/** Consecutive failures before the first lock; each failure after that doubles the lock. */
export const LOCKOUT_AFTER_FAILURES = 5;
export const FIRST_LOCK_SECONDS = 60;
export const LONGEST_LOCK_SECONDS = 3600;
// A day without a failure forgets the count (and bounds the table an attacker can fill).
const FORGET_AFTER_SECONDS = 24 * 3600;

/** How long the failure numbered `failures` (1-based, consecutive) locks the account; 0 = not at all. */
export function lockSeconds(failures: number): number {
  if (failures < LOCKOUT_AFTER_FAILURES) return 0;
  const doublings = Math.min(failures - LOCKOUT_AFTER_FAILURES, 20);
  return Math.min(LONGEST_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** doublings);
}

export interface FailureCount {
  failures: number;
  /** Set when this failure locked the account. */
  lockedUntil: Date | null;
}

/**
 * Per-account sign-in failures, in the store so every replica counts the same guesses. Keyed by a
 * subject (see migration 019): the account id, or a keyed hash of an address no account has, so
 * both lock after the same number of attempts and the address itself is never written down.
 */
export class SignInLockout {
  private key: Promise<string> | undefined;

  constructor(private readonly db: Database) {}

  /** `user:<id>` for an account, otherwise `email:<HMAC of the normalized address>`. */
  async subject(email: string, userId: string | undefined): Promise<string> {
    if (userId) return `user:${userId}`;
    this.key ??= ensureSecret(this.db, 'console_sign_in_key');
    const digest = createHmac('sha256', await this.key)
      .update(email.trim().toLowerCase())
      .digest('hex');
    return `email:${digest.slice(0, 32)}`;
  }

  /** The end of the subject's current lock, or null when it may try. */
  async lockedUntil(subject: string, now: Date): Promise<Date | null> {
    const rows = await this.db.query<{ locked_until: Date | null }>(
      'SELECT locked_until FROM console_sign_in_failures WHERE subject = $1 AND locked_until > $2',
      [subject, now],
    );
    const until = rows[0]?.locked_until;
    return until ? new Date(until) : null;
  }

  /**
   * Counts one failure in a single statement, so parallel guesses cannot slip between read and
   * write; the count (and so the lock) of each is the one the database serialized.
   */
  async recordFailure(tx: Queryable, subject: string, now: Date): Promise<FailureCount> {
    // SET sees the row as it was: `failures` below is the new count, computed from the old one.
    const failures =
      'CASE WHEN f.last_failed_at < $2::timestamptz - make_interval(secs => $3::float8) THEN 1 ELSE f.failures + 1 END';
    const lockFor = (n: string) =>
      `CASE WHEN ${n} >= $4::int THEN $2::timestamptz + make_interval(secs => least($6::float8,
         $5::float8 * power(2::float8, least(${n} - $4::int, 20)::float8))) END`;
    const rows = await tx.query<{ failures: number; locked_until: Date | null }>(
      `INSERT INTO console_sign_in_failures AS f (subject, failures, locked_until, last_failed_at)
       VALUES ($1, 1, ${lockFor('1')}, $2::timestamptz)
       ON CONFLICT (subject) DO UPDATE SET
         failures = ${failures}, locked_until = ${lockFor(failures)}, last_failed_at = $2::timestamptz
       RETURNING failures, locked_until`,
      [subject, now, FORGET_AFTER_SECONDS, LOCKOUT_AFTER_FAILURES, FIRST_LOCK_SECONDS, LONGEST_LOCK_SECONDS],
    );
    const row = rows[0];
    return {
      failures: Number(row?.failures ?? 1),
      lockedUntil: row?.locked_until ? new Date(row.locked_until) : null,
    };
  }

  /** A success forgets the subject's failures. */
  async clear(tx: Queryable, subject: string): Promise<void> {
    await tx.query('DELETE FROM console_sign_in_failures WHERE subject = $1', [subject]);
  }

  /** Forgets counts a day old whose lock has ended; returns how many. */
  async forgetStale(now = new Date()): Promise<number> {
    const rows = await this.db.query(
      `DELETE FROM console_sign_in_failures
       WHERE last_failed_at < $1::timestamptz - make_interval(secs => $2)
         AND (locked_until IS NULL OR locked_until < $1) RETURNING subject`,
      [now, FORGET_AFTER_SECONDS],
    );
    return rows.length;
  }
}
