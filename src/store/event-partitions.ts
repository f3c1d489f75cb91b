import type { Database } from './database.js';

/**
 * The first instant of the oldest UTC month an event retention of `months` keeps: every event of a
 * month that ended before it is at least `months` months old, so whole months go at once.
 */
export function retentionBoundary(now: Date, months: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
}

/**
 * Keeps the monthly partitions of the events table (migration 016) ahead of the clock and drops
 * the months retention no longer keeps. Both are SQL functions of the migration, so the migration
 * and the running service create partitions the same way; both take one advisory lock, so any
 * number of replicas may call them at once.
 */
export class EventPartitions {
  constructor(private readonly db: Database) {}

  /** Creates the partitions of this month and the next `aheadMonths` if missing; returns how many. */
  async ensure(now: Date, aheadMonths = 1): Promise<number> {
    const rows = await this.db.transaction((tx) =>
      tx.query<{ created: number }>('SELECT caveat_ensure_event_partitions($1, $2) AS created', [
        now,
        aheadMonths,
      ]),
    );
    return rows[0]?.created ?? 0;
  }

  /** Drops every month partition older than the retention; returns the dropped partitions' names. */
  async applyRetention(months: number, now: Date): Promise<string[]> {
    const rows = await this.db.transaction((tx) =>
      tx.query<{ dropped: string[] }>('SELECT caveat_drop_event_partitions($1) AS dropped', [
        retentionBoundary(now, months),
      ]),
    );
    return rows[0]?.dropped ?? [];
  }
}
