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

export function createJobQueue(db: Database, options: { maintenanceIntervalSeconds?: number } = {}): PgBoss {
  return new PgBoss({
    db: bossDb(db),
    schema: 'pgboss',
    supervise: true,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 120,
  });
}
