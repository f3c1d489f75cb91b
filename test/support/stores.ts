import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/store/database.js';
import { openPgliteDatabase } from '../../src/store/pglite-database.js';
import { openPostgresDatabase } from '../../src/store/postgres-database.js';

/**
 * The stores every store-facing suite runs against: embedded PGlite always, and a PostgreSQL server
 * when TEST_DATABASE_URL is set (.ci/run sets it). Each open gets a fresh, empty database.
 */
export interface StoreKind {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

export const serverUrl = process.env.TEST_DATABASE_URL;

export const storeKinds: StoreKind[] = [
  { name: 'pglite', open: () => openPgliteDatabase(undefined) },
  ...(serverUrl ? [{ name: 'postgres' as const, open: () => openFreshServerDatabase(serverUrl) }] : []),
];

/** Creates an empty database on the server; drop() removes it even if connections remain. */
export async function createServerDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `caveat_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function openFreshServerDatabase(url: string): Promise<Database> {
  const created = await createServerDatabase(url);
  const db = await openPostgresDatabase(created.url, 5);
  return {
    ...db,
    async close() {
      await db.close();
      await created.drop();
    },
  };
}
