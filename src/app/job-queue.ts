import PgBoss from 'pg-boss';
import type { Database, Queryable } from '../store/database.js';

/**
 * pg-boss over caveat's own connection, so jobs live in the same database (embedded PGlite or a
 * PostgreSQL server) and can be created inside a caller's transaction. pg-boss sends its schema
 * set-up as parameterless multi-statement SQL, which goes to exec; everything else is a query.
 */
export function bossDb(db: Queryable): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] | undefined) {
      if ((values === undefined || values.length === 0) && text.includes(';')) {
        await db.exec(text);
        return { rows: [] };
      }
      return { rows: await db.query(text, (values ?? []) as never[]) };
    },
  };
}

// pg-boss's own advisory lock (the one its migrations and maintenance hold), by the same expression.
const BOSS_LOCK = `SELECT pg_advisory_xact_lock(
  ('x' || encode(sha224((current_database() || '.pgboss.pgboss')::bytea), 'hex'))::bit(64)::bigint)`;

/**
 * pg-boss's create_queue inserts the queue row and then adds a foreign key referencing that table;
 * two instances creating the same queue at once deadlock (the second waits on the first's row while
 * holding the lock the first's ALTER TABLE needs). Replicas starting together do exactly that, so
 * queue creation runs under pg-boss's advisory lock, one instance at a time.
 */
function serialisedQueueCreation(db: Database): PgBoss.Db {
  const plain = bossDb(db);
  return {
    async executeSql(text: string, values: unknown[] | undefined) {
      if (!text.startsWith('SELECT pgboss.create_queue(')) return plain.executeSql(text, values ?? []);
      return db.transaction(async (tx) => {
        await tx.query(BOSS_LOCK);
        return { rows: await tx.query(text, (values ?? []) as never[]) };
      });
    },
  };
}

export function createJobQueue(db: Database, options: { maintenanceIntervalSeconds?: number } = {}): PgBoss {
  return new PgBoss({
    db: serialisedQueueCreation(db),
    schema: 'pgboss',
    supervise: true,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 120,
  });
}
