import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PgBoss from 'pg-boss';
import { createJobQueue } from '../../src/app/job-queue.js';
import type { Database } from '../../src/store/database.js';
import { openPostgresDatabase } from '../../src/store/postgres-database.js';
import { createServerDatabase, serverUrl } from '../support/stores.js';

/**
 * Two replicas starting at once over one PostgreSQL both create the relay's queues. pg-boss's
 * create_queue inserts the queue row and then adds a foreign key to that table: two such
 * transactions in parallel deadlock (seen in CI as "caveat: deadlock detected" at start-up).
 */
describe.skipIf(!serverUrl)('job queues created by two instances at once (PostgreSQL)', () => {
  let database: { url: string; drop(): Promise<void> };
  const stores: Database[] = [];
  const bosses: PgBoss[] = [];

  beforeAll(async () => {
    database = await createServerDatabase(serverUrl as string);
    for (let i = 0; i < 2; i += 1) {
      const db = await openPostgresDatabase(database.url, 4);
      stores.push(db);
      bosses.push(createJobQueue(db));
    }
    // Installation is serialised by pg-boss itself; start one first so the race is on queues only.
    await bosses[0]!.start();
    await bosses[1]!.start();
  }, 60_000);

  afterAll(async () => {
    for (const boss of bosses) await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    for (const db of stores) await db.close();
    await database?.drop();
  });

  it('creates every queue once, without a deadlock, when both ask for the same queues together', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `race-${i}`);
    const results = await Promise.allSettled(
      names.flatMap((name) => bosses.map((boss) => boss.createQueue(name, { name }))),
    );
    const failures = results.filter((r) => r.status === 'rejected').map((r) => String(r.reason));
    expect(failures).toEqual([]);
    const queues = await stores[0]!.query<{ name: string }>(
      "SELECT name FROM pgboss.queue WHERE name LIKE 'race-%' ORDER BY name",
    );
    expect(queues.map((q) => q.name).sort()).toEqual([...names].sort());
  });
});
