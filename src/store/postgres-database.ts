import pg from 'pg';
import type { Database, Queryable, SqlValue } from './database.js';
import { NotificationListener } from './postgres-listener.js';

// Keep int8 and numeric as JS numbers where they fit: counts and USD amounts are read as numbers by
// the domain, matching what PGlite returns.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export interface PostgresOptions {
  poolSize?: number;
  /** How long to wait for a free or new connection before the query fails (a stalled server). */
  connectionTimeoutMs?: number;
}

/**
 * A PostgreSQL server reached through a pool. No connection error may reach the process as an
 * uncaught 'error' event: idle clients are replaced by the pool, a client that failed inside a
 * transaction is destroyed instead of returned, and notifications arrive on a dedicated connection
 * that reconnects by itself (see NotificationListener).
 */
export async function openPostgresDatabase(
  connectionString: string,
  options: PostgresOptions | number = {},
): Promise<Database> {
  const { poolSize = 10, connectionTimeoutMs = 5000 } =
    typeof options === 'number' ? { poolSize: options } : options;
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis: connectionTimeoutMs,
    // A peer that vanished without closing (a cut network) is noticed by TCP keepalive.
    keepAlive: true,
  });
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  const listener = new NotificationListener({ connectionString, keepAlive: true });
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
      // Checked-out clients have no listener of the pool's: without this, a connection lost between
      // two statements would be an uncaught 'error' event and end the process.
      let broken: Error | undefined;
      const onError = (error: Error) => (broken = error);
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken ??= rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      } finally {
        client.removeListener('error', onError);
        // A client whose connection failed is destroyed, not handed to the next caller.
        client.release(broken);
      }
    },
    listen: (channel, onPayload, listenOptions) => listener.listen(channel, onPayload, listenOptions),
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    listenerState: () => listener.state,
    reconnects: () => listener.reconnects,
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}
