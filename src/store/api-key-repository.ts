import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { RequestProblem } from '../errors.js';
import { appendAudit } from './audit-repository.js';
import { notifyCredentialChange } from './credential-changes.js';
import type { Database } from './database.js';
import { iso, isoRequired } from './rows.js';

export const API_KEY_SCOPES = [
  'screening',
  'events',
  'admin',
  'reports',
  'lookup',
  'partner',
  'scam_reports',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface ApiKey {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
  /** For partner-scoped keys: the partner whose data the key may read. */
  partnerId: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** A live key as the authenticator sees it. */
export interface VerifiedApiKey extends ApiKey {
  /** The bound partner's jurisdiction: the only one whose data the key sees (null: unbound). */
  jurisdiction: string | null;
}

interface ApiKeyRow {
  id: string;
  name: string;
  secret_hash: string;
  scopes: ApiKeyScope[];
  partner_id: string | null;
  created_at: Date;
  revoked_at: Date | null;
}

const TOKEN_PREFIX = 'cvt_';

/** Keys look like cvt_<id>_<secret>; only a SHA-256 of the secret is stored. */
export function formatToken(id: string, secret: string): string {
  return `${TOKEN_PREFIX}${id}_${secret}`;
}

export function parseToken(token: string): { id: string; secret: string } | undefined {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const rest = token.slice(TOKEN_PREFIX.length);
  const separator = rest.indexOf('_');
  if (separator <= 0 || separator === rest.length - 1) return undefined;
  return { id: rest.slice(0, separator), secret: rest.slice(separator + 1) };
}

// Secrets are 256 random bits, so one SHA-256 is enough; a slow password hash would only add latency.
const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  name: row.name,
  scopes: row.scopes,
  partnerId: row.partner_id,
  createdAt: isoRequired(row.created_at),
  revokedAt: iso(row.revoked_at),
});

export class ApiKeyRepository {
  constructor(private readonly db: Database) {}

  /** Creates a key; the token is returned once and never stored. */
  async create(
    input: { name: string; scopes: ApiKeyScope[]; partnerId?: string | null; id?: string; secret?: string },
    actor: string,
  ): Promise<{ key: ApiKey; token: string }> {
    const id = input.id ?? randomBytes(6).toString('hex');
    const secret = input.secret ?? randomBytes(32).toString('base64url');
    const rows = await this.db.transaction(async (tx) => {
      const inserted = await tx.query<ApiKeyRow>(
        `INSERT INTO api_keys (id, name, secret_hash, scopes, partner_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO NOTHING
         RETURNING id, name, secret_hash, scopes, partner_id, created_at, revoked_at`,
        [id, input.name, hashSecret(secret), input.scopes, input.partnerId ?? null],
      );
      if (inserted.length === 0) throw RequestProblem.conflict('body/id', `API key ${id} already exists`);
      await appendAudit(tx, {
        actor,
        action: 'api_key.create',
        entity: 'api_key',
        entityId: id,
        detail: { name: input.name, scopes: input.scopes, partnerId: input.partnerId ?? null },
      });
      return inserted;
    });
    const row = rows[0];
    if (!row) throw new Error('insert returned no row');
    return { key: toApiKey(row), token: formatToken(id, secret) };
  }

  async list(): Promise<ApiKey[]> {
    const rows = await this.db.query<ApiKeyRow>(
      'SELECT id, name, secret_hash, scopes, partner_id, created_at, revoked_at FROM api_keys ORDER BY created_at, id',
    );
    return rows.map(toApiKey);
  }

  async revoke(id: string, actor: string): Promise<ApiKey> {
    const rows = await this.db.transaction(async (tx) => {
      const updated = await tx.query<ApiKeyRow>(
        `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1
         RETURNING id, name, secret_hash, scopes, partner_id, created_at, revoked_at`,
        [id],
      );
      if (updated.length === 0) throw RequestProblem.notFound('params/id', `no API key ${id}`);
      await appendAudit(tx, { actor, action: 'api_key.revoke', entity: 'api_key', entityId: id });
      // Every instance drops the key from its cache when this commits.
      await notifyCredentialChange(tx, { kind: 'key', id });
      return updated;
    });
    const row = rows[0];
    if (!row) throw new Error('update returned no row');
    return toApiKey(row);
  }

  /** The live key a token names, or undefined for an unknown, wrong or revoked token. */
  async verify(token: string): Promise<VerifiedApiKey | undefined> {
    const parsed = parseToken(token);
    if (!parsed) return undefined;
    // The partner's jurisdiction is read with the key, so the key and its scope are one snapshot.
    const rows = await this.db.query<ApiKeyRow & { partner_jurisdiction: string | null }>(
      `SELECT k.id, k.name, k.secret_hash, k.scopes, k.partner_id, k.created_at, k.revoked_at,
              p.jurisdiction AS partner_jurisdiction
       FROM api_keys k LEFT JOIN partners p ON p.id = k.partner_id WHERE k.id = $1`,
      [parsed.id],
    );
    const row = rows[0];
    if (!row || row.revoked_at) return undefined;
    const expected = Buffer.from(row.secret_hash, 'hex');
    const actual = Buffer.from(hashSecret(parsed.secret), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
    return { ...toApiKey(row), jurisdiction: row.partner_jurisdiction };
  }
}
