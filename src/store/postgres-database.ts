import pg from 'pg';
import type { Database, Queryable, SqlValue } from './database.js';

// Keep int8 and numeric as JS numbers where they fit: counts and USD amounts are read as numbers by
// the domain, matching what PGlite returns.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** A PostgreSQL server reached through a pool. */
export async function openPostgresDatabase(connectionString: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // A pooled client that errors while idle must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  // Every LISTEN shares one dedicated connection: a connection per channel would take pool slots
  // that queries need (and deadlock a small pool).
  let listenClient: Promise<pg.PoolClient> | undefined;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const listener = () =>
    (listenClient ??= pool.connect().then((client) => {
      client.on('notification', (message) => {
        for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
      });
      return client;
    }));
  const queryable = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row extends object>(text: string, params: readonly SqlValue[] = []) {
      const result = await target.query<Row>(text, params as unknown[]);
      return result.rows;
    },
    async exec(text: string) {
      await target.query(text);
    },
  });
  return {
    kind: 'postgres',
    ...queryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      const client = await listener();
      const quoted = `"${channel.replaceAll('"', '')}"`;
      const set = handlers.get(channel) ?? new Set();
      if (set.size === 0) await client.query(`LISTEN ${quoted}`);
      set.add(onPayload);
      handlers.set(channel, set);
      return async () => {
        set.delete(onPayload);
        if (set.size === 0) await client.query(`UNLISTEN ${quoted}`).catch(() => undefined);
      };
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      if (listenClient) (await listenClient).release();
      await pool.end();
    },
  };
}
