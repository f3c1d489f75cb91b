import { Tokens } from '@fastify/csrf';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventTokens } from '../app/event-tokens.js';
import { parseToken, type ApiKeyRepository, type VerifiedApiKey } from '../store/api-key-repository.js';
import type { ConsoleSession, ConsoleUserRepository } from '../store/console-user-repository.js';
import { CREDENTIALS_CHANGED, parseCredentialChange } from '../store/credential-changes.js';
import type { Database } from '../store/database.js';
import { ApiKeyCache } from './api-key-cache.js';
import { apiKeyPermissions, enrolOnlyPermissions, rolePermissions, type Permission } from './permissions.js';
import { sendProblem } from './problem.js';

interface PrincipalBase {
  actor: string;
  permissions: ReadonlySet<Permission>;
  /**
   * When set, the caller sees only this jurisdiction's campaigns and figures: a partner reviewer's
   * jurisdiction, or that of the partner an API key is bound to.
   */
  jurisdiction: string | null;
}

export type Principal = PrincipalBase &
  (
    | { kind: 'api_key'; key: VerifiedApiKey }
    | {
        kind: 'session';
        session: ConsoleSession;
        /** An admin who must enrol a second factor first: may do nothing else (see require()). */
        mustEnrolTotp: boolean;
      }
    | { kind: 'event_token'; decisionId: string }
  );

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export const SESSION_COOKIE = 'caveat_session';
// Revocations reach every instance at once by NOTIFY; this bound only heals one missed while the
// LISTEN connection was down.
const CACHE_MS = 30_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const NONE: ReadonlySet<Permission> = new Set();

/**
 * Resolves who is calling: a bearer API key or event token (exchanges, partners, the warning
 * element), or a console session cookie (people). Verified keys are cached briefly so the screening
 * hot path does not query the store per request; subscribe() drops them when any instance revokes
 * one. Sessions are read from the store on every request, so ending one needs no cache to forget.
 */
export class Authenticator {
  private readonly cache = new ApiKeyCache<Principal | undefined>(CACHE_MS);
  private readonly csrf: ReturnType<typeof newCsrfTokens>;

  constructor(
    private readonly apiKeys: ApiKeyRepository,
    private readonly tokens: EventTokens,
    private readonly users: ConsoleUserRepository,
    csrfKey: string,
    /** CONSOLE_REQUIRE_TOTP_FOR_ADMINS, off in the demo. */
    private readonly requireTotpForAdmins = false,
  ) {
    this.csrf = newCsrfTokens(csrfKey);
  }

  async principal(request: FastifyRequest): Promise<Principal | undefined> {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) return this.bearer(header.slice('Bearer '.length).trim());
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return undefined;
    const session = await this.users.session(cookie);
    if (!session) return undefined;
    const mustEnrolTotp = this.mustEnrolTotp(session.user);
    return {
      kind: 'session',
      session,
      mustEnrolTotp,
      actor: `user:${session.user.email}`,
      permissions: mustEnrolTotp ? enrolOnlyPermissions() : rolePermissions(session.user.role),
      jurisdiction: session.user.role === 'partner_reviewer' ? session.user.jurisdiction : null,
    };
  }

  /** Whether this user may do nothing until they enrol a second factor. */
  mustEnrolTotp(user: ConsoleSession['user']): boolean {
    return this.requireTotpForAdmins && user.role === 'admin' && !user.totpEnabled;
  }

  /** The token a console page sends back in x-csrf-token; bound to its session. */
  csrfToken(session: ConsoleSession): string {
    return this.csrf.create(session.csrfSecret, session.id);
  }

  /** Forgets every cached key: call it when credential changes may have been missed (a reconnect). */
  forget(): void {
    this.cache.forgetAll();
  }

  /** Forgets the cached tokens of one key (revoked here or, heard by NOTIFY, on another instance). */
  forgetKey(keyId: string): void {
    this.cache.forgetKey(keyId);
  }

  /**
   * Listens for credential changes from every instance; resolves to the unsubscribe function. After
   * the listening connection comes back from a loss, changes sent meanwhile were missed: forget all.
   */
  subscribe(db: Database): Promise<() => Promise<void>> {
    const onChange = (payload: string) => {
      const change = parseCredentialChange(payload);
      if (change.kind === 'key') this.forgetKey(change.id);
      // Sessions are not cached, so a user's change needs nothing here; anything unknown forgets all.
      else if (change.kind === 'all') this.forget();
    };
    return db.listen(CREDENTIALS_CHANGED, onChange, { onResync: () => this.forget() });
  }

  /**
   * A preHandler admitting callers with the permission (and event tokens where allowed). A session
   * changing anything must also prove, with its CSRF token, that the request comes from the console.
   */
  require(permission: Permission | readonly Permission[], options: { eventTokens?: boolean } = {}) {
    // Several permissions: any one of them admits (triage staff, or a reviewer reading what is shared).
    const needed: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
    const named = needed.join(' or ');
    return async (request: FastifyRequest, reply: FastifyReply) => {
      const principal = await this.principal(request);
      if (!principal) {
        return sendProblem(reply, 401, 'headers/authorization: send "Bearer <API key>" or sign in', [
          { field: 'headers/authorization', message: 'missing or not a valid key or session' },
        ]);
      }
      const allowed =
        principal.kind === 'event_token'
          ? options.eventTokens === true
          : needed.some((p) => principal.permissions.has(p));
      if (!allowed && principal.kind === 'session' && principal.mustEnrolTotp) {
        return sendProblem(
          reply,
          403,
          'Set up two-factor sign-in first: admins sign in with a code from an authenticator app.',
          [
            {
              field: 'headers/cookie',
              message: 'enrol an authenticator app (POST /v1/console/account/totp)',
            },
          ],
        );
      }
      if (!allowed) {
        const field = principal.kind === 'session' ? 'headers/cookie' : 'headers/authorization';
        const who = principal.kind === 'session' ? `the ${principal.session.user.role} role` : 'this key';
        return sendProblem(reply, 403, `${field}: ${who} lacks the ${named} permission`, [
          { field, message: `needs ${named}` },
        ]);
      }
      if (principal.kind === 'session' && !SAFE_METHODS.has(request.method)) {
        const token = request.headers['x-csrf-token'];
        const { csrfSecret, id } = principal.session;
        if (typeof token !== 'string' || !this.csrf.verify(csrfSecret, token, id)) {
          return sendProblem(reply, 403, 'headers/x-csrf-token: missing or not this session’s token', [
            { field: 'headers/x-csrf-token', message: 'send the csrfToken from /v1/console/session' },
          ]);
        }
      }
      request.principal = principal;
    };
  }

  private async bearer(token: string): Promise<Principal | undefined> {
    const decisionId = this.tokens.verify(token);
    if (decisionId) {
      return {
        kind: 'event_token',
        decisionId,
        actor: `event-token:${decisionId}`,
        permissions: NONE,
        jurisdiction: null,
      };
    }
    const cached = this.cache.get(token);
    if (cached) return cached.value;
    const mark = this.cache.mark();
    const key = await this.apiKeys.verify(token);
    const principal: Principal | undefined = key && {
      kind: 'api_key',
      key,
      actor: `api-key:${key.id}`,
      permissions: apiKeyPermissions(key.scopes, key.partnerId !== null),
      jurisdiction: key.jurisdiction,
    };
    // Not cached if the key was revoked while it was being read (set() checks the mark).
    this.cache.set(token, parseToken(token)?.id ?? '', principal, mark);
    return principal;
  }
}

// Tokens bound to a session id (userInfo) need an HMAC key, shared by replicas through the store.
const newCsrfTokens = (hmacKey: string) => new Tokens({ userInfo: true, hmacKey });

export function actorOf(request: FastifyRequest): string {
  return request.principal?.actor ?? 'anonymous';
}
