import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import type { Database, Queryable, SqlValue } from './database.js';

/** Embedded PostgreSQL (PGlite), persisted under dataDir, or in memory when dataDir is undefined. */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const queryable = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<Row extends object>(text: string, params: readonly SqlValue[] = []) {
      const result = await target.query<Row>(text, params as unknown[]);
      return result.rows;
    },
    async exec(text: string) {
      await target.exec(text);
    },
  });
  return {
    kind: 'pglite',
    ...queryable(db),
    transaction(fn) {
      return db.transaction((tx) => fn(queryable(tx)));
    },
    async listen(channel, onPayload) {
      const unsubscribe = await db.listen(channel, onPayload);
      return async () => unsubscribe();
    },
    async notify(channel, payload) {
      await db.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    // In process: there is no connection to lose, so no notification is ever missed.
    listenerState: () => 'connected',
    reconnects: () => 0,
    async close() {
      await db.close();
    },
  };
}
