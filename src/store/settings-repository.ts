import { randomBytes } from 'node:crypto';
import type { Database } from './database.js';

/**
 * Returns the named secret, creating a random one on first use. Kept in the store so every
 * replica signs and checks with the same key.
 */
export async function ensureSecret(db: Database, key: string): Promise<string> {
  await db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
    key,
    randomBytes(32).toString('base64url'),
  ]);
  const rows = await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
  const value = rows[0]?.value;
  if (!value) throw new Error(`setting ${key} could not be created`);
  return value;
}
