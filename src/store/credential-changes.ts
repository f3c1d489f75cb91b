import type { Queryable } from './database.js';

/**
 * Channel on which every instance hears that a credential stopped being good: an API key was
 * revoked, or a console user's sessions ended. Payloads name what changed by id, never a secret.
 */
export const CREDENTIALS_CHANGED = 'caveat_credentials_changed';

export type CredentialChange =
  | { kind: 'key'; id: string }
  | { kind: 'user'; id: string }
  /**
   * Anything else — a partner changed (`partner:<id>`: its keys' jurisdiction), or a payload this
   * version does not know: forget every cached credential.
   */
  | { kind: 'all' };

/** Sends the change inside the caller's transaction: PostgreSQL delivers it only on commit. */
export async function notifyCredentialChange(
  tx: Queryable,
  change: Exclude<CredentialChange, { kind: 'all' }>,
): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [CREDENTIALS_CHANGED, `${change.kind}:${change.id}`]);
}

export function parseCredentialChange(payload: string): CredentialChange {
  const match = /^(key|user):(.+)$/.exec(payload);
  if (!match?.[1] || !match[2]) return { kind: 'all' };
  return { kind: match[1] === 'key' ? 'key' : 'user', id: match[2] };
}
