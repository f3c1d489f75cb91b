import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventTokens } from '../app/event-tokens.js';
import type { ApiKey, ApiKeyRepository, ApiKeyScope } from '../store/api-key-repository.js';
import { sendProblem } from './problem.js';

export type Principal =
  | { kind: 'api_key'; key: ApiKey; actor: string }
  | { kind: 'event_token'; decisionId: string; actor: string };

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

const CACHE_MS = 30_000;

/**
 * Resolves the bearer token of a request. Verified keys are cached briefly so the screening hot
 * path does not query the store per request; a revocation takes effect within CACHE_MS.
 */
export class Authenticator {
  private readonly cache = new Map<string, { key: ApiKey | undefined; until: number }>();

  constructor(
    private readonly apiKeys: ApiKeyRepository,
    private readonly tokens: EventTokens,
  ) {}

  async principal(request: FastifyRequest): Promise<Principal | undefined> {
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) return undefined;
    const token = header.slice('Bearer '.length).trim();
    const decisionId = this.tokens.verify(token);
    if (decisionId) return { kind: 'event_token', decisionId, actor: `event-token:${decisionId}` };
    const now = Date.now();
    let cached = this.cache.get(token);
    if (!cached || cached.until < now) {
      if (this.cache.size > 10_000) this.cache.clear();
      cached = { key: await this.apiKeys.verify(token), until: now + CACHE_MS };
      this.cache.set(token, cached);
    }
    return cached.key ? { kind: 'api_key', key: cached.key, actor: `api-key:${cached.key.id}` } : undefined;
  }

  forget(): void {
    this.cache.clear();
  }

  /** A preHandler admitting API keys with the scope, and event tokens where allowed. */
  require(scope: ApiKeyScope, options: { eventTokens?: boolean } = {}) {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      const principal = await this.principal(request);
      if (!principal) {
        return sendProblem(reply, 401, 'headers/authorization: send "Bearer <API key>"', [
          { field: 'headers/authorization', message: 'missing or not a valid key' },
        ]);
      }
      const allowed =
        principal.kind === 'event_token'
          ? options.eventTokens === true
          : principal.key.scopes.includes(scope);
      if (!allowed) {
        return sendProblem(reply, 403, `headers/authorization: this key lacks the ${scope} scope`, [
          { field: 'headers/authorization', message: `needs scope ${scope}` },
        ]);
      }
      request.principal = principal;
    };
  }
}

export function actorOf(request: FastifyRequest): string {
  return request.principal?.actor ?? 'anonymous';
}
