import * as OTPAuth from 'otpauth';
import { RequestProblem } from '../errors.js';
import { appendAudit } from '../store/audit-repository.js';
import type { ConsoleSession, ConsoleUser, ConsoleUserRepository } from '../store/console-user-repository.js';
import type { Database } from '../store/database.js';
import { UNKNOWN_USER_HASH, verifyPassword } from '../store/password-hash.js';
import { SignInLockout } from '../store/sign-in-lockout.js';

export interface SignInAttempt {
  email: string;
  password: string;
  totp?: string | undefined;
}

export interface OpenedSession {
  token: string;
  session: ConsoleSession;
}

const ISSUER = 'caveat console';

/**
 * Console sign-in: the password, then the authenticator code where the account has one, counted per
 * account toward a lock that doubles (see sign-in-lockout.ts). While locked, even the right password
 * is refused without being checked; an address no account has is counted and locked the same way,
 * so the answers never tell whether an account exists. Each failure and each lock is audited under
 * the account id, or a keyed hash of an unknown address; the password and the code never are.
 */
export class ConsoleSignIn {
  private readonly lockout: SignInLockout;

  constructor(
    private readonly db: Database,
    private readonly users: ConsoleUserRepository,
  ) {
    this.lockout = new SignInLockout(db);
  }

  async signIn(attempt: SignInAttempt, now = new Date()): Promise<OpenedSession> {
    const account = await this.users.credentials(attempt.email);
    const subject = await this.lockout.subject(attempt.email, account?.user.id);
    const lockedUntil = await this.lockout.lockedUntil(subject, now);
    if (lockedUntil) {
      await appendAudit(
        this.db,
        failure(subject, account?.user, 'locked', { until: lockedUntil.toISOString() }),
      );
      throw locked(lockedUntil, now);
    }
    // Takes as long for an unknown address as for a known one.
    const matches = await verifyPassword(attempt.password, account?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!account || !matches || account.user.disabledAt) {
      const lock = await this.fail(subject, account?.user, 'password', now);
      if (lock) throw locked(lock, now);
      throw new RequestProblem('unauthorized', 'Wrong email or password.', [
        { field: 'body/password', message: 'wrong email or password' },
      ]);
    }
    if (account.totpSecret) {
      // Not a failure: the sign-in page asks for the code after a right password.
      if (!attempt.totp)
        throw new RequestProblem('unauthorized', 'Enter the 6-digit code from your authenticator app.', [
          { field: 'body/totp', message: 'needs the 6-digit code from your authenticator app' },
        ]);
      if (!totpValid(account.totpSecret, attempt.totp, now)) {
        const lock = await this.fail(subject, account.user, 'totp', now);
        if (lock) throw locked(lock, now);
        throw new RequestProblem(
          'unauthorized',
          'That code is not the one your authenticator app shows now.',
          [{ field: 'body/totp', message: 'wrong code' }],
        );
      }
    }
    // A lock earned by a parallel guess while this password was being checked still holds.
    const lockedMeanwhile = await this.lockout.lockedUntil(subject, now);
    if (lockedMeanwhile) throw locked(lockedMeanwhile, now);
    return this.users.openSession(account.user, (tx) => this.lockout.clear(tx, subject));
  }

  /** Starts enrolment: a new secret, shown once as an otpauth URI and as text to type in. */
  async startTotp(user: ConsoleUser): Promise<{ uri: string; secret: string }> {
    const totp = new OTPAuth.TOTP({
      issuer: ISSUER,
      label: user.email,
      secret: new OTPAuth.Secret({ size: 20 }),
    });
    await this.users.startTotp(user.id, totp.secret.base32);
    return { uri: totp.toString(), secret: totp.secret.base32 };
  }

  /** Confirms enrolment with a code from the app; from then on sign-in asks for one. */
  async confirmTotp(user: ConsoleUser, code: string, actor: string, now = new Date()): Promise<ConsoleUser> {
    if (user.totpEnabled) throw RequestProblem.conflict('body/code', 'two-factor sign-in is already on');
    const secret = await this.users.pendingTotpSecret(user.id);
    if (!secret) throw RequestProblem.conflict('body/code', 'start the set-up first');
    if (!totpValid(secret, code, now))
      throw RequestProblem.invalid('body/code', 'is not the code your authenticator app shows now');
    return this.users.enableTotp(user.id, secret, actor);
  }

  /** Counts and audits one failure; returns the end of the lock it earned, if it earned one. */
  private async fail(
    subject: string,
    user: ConsoleUser | undefined,
    reason: 'password' | 'totp',
    now: Date,
  ): Promise<Date | null> {
    return this.db.transaction(async (tx) => {
      const count = await this.lockout.recordFailure(tx, subject, now);
      await appendAudit(tx, failure(subject, user, reason, { failures: count.failures }));
      if (count.lockedUntil) {
        await appendAudit(tx, {
          actor: 'system',
          action: 'session.lockout',
          entity: 'user',
          entityId: user?.id ?? subject,
          detail: { failures: count.failures, until: count.lockedUntil.toISOString() },
        });
      }
      return count.lockedUntil;
    });
  }
}

/** One refused sign-in, named by account id or the keyed hash of an unknown address. */
function failure(
  subject: string,
  user: ConsoleUser | undefined,
  reason: 'password' | 'totp' | 'locked',
  detail: Record<string, unknown>,
) {
  return {
    actor: user ? `user:${user.id}` : subject,
    action: 'session.refused',
    entity: 'user',
    entityId: user?.id ?? subject,
    detail: { reason, ...detail },
  };
}

function locked(until: Date, now: Date): RequestProblem {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  const problem = new RequestProblem(
    'too_many',
    `Too many failed sign-ins for this account. Try again in ${wait}, or ask an admin to help.`,
    [{ field: 'body/email', message: `sign-in for this account is paused for ${wait}` }],
  );
  problem.retryAfterSeconds = seconds;
  return problem;
}

const services = new WeakMap<object, ConsoleSignIn>();

/** One sign-in service per caveat instance (it caches the key of the address hash). */
export function consoleSignInOf(caveat: { db: Database; users: ConsoleUserRepository }): ConsoleSignIn {
  let service = services.get(caveat);
  if (!service) {
    service = new ConsoleSignIn(caveat.db, caveat.users);
    services.set(caveat, service);
  }
  return service;
}

// One step either side of now: a phone clock 30 s off still signs in.
function totpValid(secret: string, code: string, now: Date): boolean {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
  return totp.validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null;
}
