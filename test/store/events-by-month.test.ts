import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestProblem } from '../../src/errors.js';
import type { ReactionInput } from '../../src/measurement/reaction-input.js';
import type { Database } from '../../src/store/database.js';
import { EventPartitions, retentionBoundary } from '../../src/store/event-partitions.js';
import { EventRepository } from '../../src/store/event-repository.js';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { storeKinds } from '../support/stores.js';

const ABANDON = 30 * 60_000;
// Fixed months in the past, so the test does not depend on today's date.
const JAN = new Date('2026-01-15T00:00:00Z');

async function addDecision(db: Database, id: string, createdAt: string, campaignId: string | null = null) {
  await db.query(
    `INSERT INTO decisions (id, idempotency_key, request_hash, user_ref, jurisdiction, locale, asset, amount_usd,
       decision, campaign_id, campaign_version, variant, arm, response, created_at)
     VALUES ($1, $1, 'h', 'u', 'HK', 'en', 'USDT', 500, 'warn', $2, $3, $4, $5, '{}', $6)`,
    [
      id,
      campaignId,
      campaignId ? 1 : null,
      campaignId ? 'A' : null,
      campaignId ? 'treatment' : null,
      createdAt,
    ],
  );
}

const displayed = (id: string, decisionId: string, occurredAt: string): ReactionInput => ({
  id,
  decisionId,
  type: 'displayed',
  occurredAt,
});

async function partitionOf(db: Database, eventId: string): Promise<string[]> {
  const rows = await db.query<{ part: string }>(
    'SELECT tableoid::regclass::text AS part FROM events WHERE id = $1 ORDER BY 1',
    [eventId],
  );
  return rows.map((row) => row.part);
}

async function partitions(db: Database): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'events'::regclass ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

/** The plan text of a query, whichever store prints it. */
async function plan(db: Database, sql: string): Promise<string> {
  const rows = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

describe.each(storeKinds)('events by month on $name', (kind) => {
  let db: Database;
  let events: EventRepository;
  let months: EventPartitions;

  beforeAll(async () => {
    db = await kind.open();
    await migrate(db);
    events = new EventRepository(db);
    months = new EventPartitions(db);
    // January to April 2026.
    expect(await months.ensure(JAN, 3)).toBe(4);
    await addDecision(db, 'd-jan', '2026-01-31T23:50:00Z');
    await addDecision(db, 'd-feb', '2026-02-10T10:00:00Z');
    await addDecision(db, 'd-mar', '2026-03-10T10:00:00Z');
    await addDecision(db, 'd-apr', '2026-04-10T10:00:00Z');
  });
  afterAll(async () => db.close());

  const now = new Date('2026-04-20T00:00:00Z');

  it('puts each event in the partition of its UTC month', async () => {
    await events.ingest(
      [
        displayed('e-jan-last', 'd-jan', '2026-01-31T23:59:59.999Z'),
        displayed('e-feb-first', 'd-jan', '2026-02-01T00:00:00.000Z'),
        displayed('e-feb', 'd-feb', '2026-02-10T10:00:05Z'),
        displayed('e-mar', 'd-mar', '2026-03-10T10:00:05Z'),
        displayed('e-apr', 'd-apr', '2026-04-10T10:00:05Z'),
      ],
      { abandonAfterMs: ABANDON, now },
    );
    expect(await partitionOf(db, 'e-jan-last')).toEqual(['events_2026_01']);
    expect(await partitionOf(db, 'e-feb-first')).toEqual(['events_2026_02']);
    expect(await partitionOf(db, 'e-mar')).toEqual(['events_2026_03']);
    expect(await partitionOf(db, 'e-apr')).toEqual(['events_2026_04']);
  });

  it('keeps a retry a duplicate and refuses an id reused in another month', async () => {
    const retry = await events.ingest([displayed('e-jan-last', 'd-jan', '2026-01-31T23:59:59.999Z')], {
      abandonAfterMs: ABANDON,
      now,
    });
    expect(retry.results).toEqual([{ id: 'e-jan-last', status: 'duplicate' }]);
    // The same id a millisecond later falls in February's partition, where the key alone would not
    // see it: the lookup across months refuses it.
    const reused = events.ingest([displayed('e-jan-last', 'd-jan', '2026-02-01T00:00:00.000Z')], {
      abandonAfterMs: ABANDON,
      now,
    });
    await expect(reused).rejects.toBeInstanceOf(RequestProblem);
    await expect(reused).rejects.toMatchObject({ kind: 'conflict' });
    expect(await partitionOf(db, 'e-jan-last')).toEqual(['events_2026_01']);
    // And the key itself refuses a second copy of the same event, written around the repository.
    await expect(
      db.query(
        `INSERT INTO events (id, decision_id, type, occurred_at)
         VALUES ('e-jan-last', 'd-jan', 'displayed', '2026-01-31T23:59:59.999Z')`,
      ),
    ).rejects.toThrow(/duplicate key|unique/i);
  });

  it("plans a month's report on that month's partition only", async () => {
    const text = await plan(
      db,
      `SELECT type, count(*) FROM events
       WHERE occurred_at >= '2026-02-01T00:00:00Z' AND occurred_at < '2026-03-01T00:00:00Z' GROUP BY type`,
    );
    expect(text).toContain('events_2026_02');
    for (const other of ['events_2026_01', 'events_2026_03', 'events_2026_04', 'events_default'])
      expect(text).not.toContain(other);
    const all = await plan(db, 'SELECT type, count(*) FROM events GROUP BY type');
    expect(all).toContain('events_2026_01');
    expect(all).toContain('events_2026_04');
  });

  it('keeps a row of a month without partition in the default one, and moves it out later', async () => {
    await addDecision(db, 'd-jun', '2026-06-02T10:00:00Z');
    await events.ingest([displayed('e-jun', 'd-jun', '2026-06-02T10:00:05Z')], {
      abandonAfterMs: ABANDON,
      now: new Date('2026-06-03T00:00:00Z'),
    });
    expect(await partitionOf(db, 'e-jun')).toEqual(['events_default']);
    expect(await months.ensure(new Date('2026-06-03T00:00:00Z'), 0)).toBe(1);
    expect(await partitionOf(db, 'e-jun')).toEqual(['events_2026_06']);
    const left = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events_default');
    expect(left[0]?.n).toBe(0);
  });

  it('creates each partition once when two callers maintain them at the same time', async () => {
    const at = new Date('2027-03-01T00:00:00Z');
    const created = await Promise.all([months.ensure(at, 5), months.ensure(at, 5), months.ensure(at, 5)]);
    expect(created.reduce((a, b) => a + b, 0)).toBe(6);
    expect((await partitions(db)).filter((name) => /^events_2027_0[3-8]$/.test(name))).toHaveLength(6);
  });

  it('drops only whole months older than the retention', async () => {
    // Two months kept on 2026-04-20: everything since 2026-02-20, so February stays whole (and every
    // later month); January, all of it older than two months, goes.
    expect(retentionBoundary(now, 2).toISOString()).toBe('2026-02-01T00:00:00.000Z');
    // Rows of months without a partition wait in the default one: the older goes, the newer stays.
    await db.query(
      `INSERT INTO events (id, decision_id, type, occurred_at) VALUES
         ('e-dec-default', 'd-jan', 'displayed', '2025-12-20T00:00:00Z'),
         ('e-may-default', 'd-apr', 'displayed', '2026-05-20T00:00:00Z')`,
    );
    expect(await partitionOf(db, 'e-dec-default')).toEqual(['events_default']);
    expect(await months.applyRetention(2, now)).toEqual(['events_2026_01']);
    const after = await partitions(db);
    expect(after).not.toContain('events_2026_01');
    expect(after).toEqual(
      expect.arrayContaining(['events_2026_02', 'events_2026_03', 'events_2026_04', 'events_default']),
    );
    expect(await partitionOf(db, 'e-feb-first')).toEqual(['events_2026_02']);
    expect(await partitionOf(db, 'e-mar')).toEqual(['events_2026_03']);
    expect(await partitionOf(db, 'e-apr')).toEqual(['events_2026_04']);
    expect(await partitionOf(db, 'e-jan-last')).toEqual([]);
    expect(await partitionOf(db, 'e-feb')).toEqual(['events_2026_02']);
    expect(await partitionOf(db, 'e-dec-default')).toEqual([]);
    expect(await partitionOf(db, 'e-may-default')).toEqual(['events_default']);
    // Again: nothing more to drop.
    expect(await months.applyRetention(2, now)).toEqual([]);
  });

  it('refuses events of a decision older than the retention, naming the field', async () => {
    const retained = new EventRepository(db, 2);
    const late = retained.ingest([displayed('e-jan-late', 'd-jan', '2026-04-19T00:00:00Z')], {
      abandonAfterMs: ABANDON,
      now,
    });
    await expect(late).rejects.toMatchObject({
      kind: 'invalid',
      errors: [{ field: 'body/events/0/decisionId' }],
    });
    const fine = await retained.ingest([displayed('e-feb-2', 'd-feb', '2026-02-10T10:00:06Z')], {
      abandonAfterMs: ABANDON,
      now,
    });
    expect(fine.results).toEqual([{ id: 'e-feb-2', status: 'accepted' }]);
  });
});

describe.each(storeKinds)('migration 016 on $name', (kind) => {
  let db: Database;
  afterAll(async () => db.close());

  it('moves existing events into month partitions without counting them again', async () => {
    db = await kind.open();
    await migrate(
      db,
      migrations.filter((m) => m.version < 16),
    );
    await addDecision(db, 'd1', '2025-11-30T23:00:00Z', 'c1');
    await db.query(
      `INSERT INTO events (id, decision_id, type, resource_id, occurred_at) VALUES
         ('a', 'd1', 'displayed', NULL, '2025-11-30T23:00:01Z'),
         ('b', 'd1', 'resource_opened', 'r1', '2025-12-01T00:00:01Z')`,
    );
    const opens = async () =>
      (
        await db.query<{ n: number }>(
          'SELECT coalesce(sum(decisions), 0)::int AS n FROM measurement_resource_opens',
        )
      )[0]?.n;
    expect(await opens()).toBe(1);
    expect(await migrate(db)).toEqual(migrations.filter((m) => m.version >= 16).map((m) => m.version));
    expect(await partitionOf(db, 'a')).toEqual(['events_2025_11']);
    expect(await partitionOf(db, 'b')).toEqual(['events_2025_12']);
    expect(await opens()).toBe(1);
    // The rollup trigger now fires on the partitioned table.
    await db.query(
      `INSERT INTO events (id, decision_id, type, resource_id, occurred_at)
       VALUES ('c', 'd1', 'resource_opened', 'r2', '2025-12-01T00:00:02Z')`,
    );
    expect(await opens()).toBe(2);
    const parts = await partitions(db);
    const thisMonth = `events_${new Date().toISOString().slice(0, 7).replace('-', '_')}`;
    expect(parts).toEqual(expect.arrayContaining(['events_2025_11', 'events_2025_12', thisMonth]));
  });
});
