import type { Database } from './database.js';
import { openPgliteDatabase } from './pglite-database.js';
import { openPostgresDatabase } from './postgres-database.js';

export interface StoreLocation {
  /** A PostgreSQL connection string; when set, the server store is used. */
  databaseUrl?: string | undefined;
  /** Directory of the embedded store; undefined means in memory (tests). */
  dataDir?: string | undefined;
}

export function openDatabase(location: StoreLocation): Promise<Database> {
  return location.databaseUrl
    ? openPostgresDatabase(location.databaseUrl)
    : openPgliteDatabase(location.dataDir);
}
