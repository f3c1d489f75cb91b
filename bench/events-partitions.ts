/**
 * Events by month (migration 016) against the table as it was, with ≥ 50M events over 24 months on
 * PostgreSQL: a one-month report and the retention sweep of the oldest month, each with
 * EXPLAIN (ANALYZE, BUFFERS) and a timing, on the partitioned `events` and, in the same run and
 * database, on `events_baseline` — the same rows in one unpartitioned table of today's shape
 * (primary key on id, index on decision and time, no index on time alone, as in migration 002).
 *
 * The load is generated server-side with generate_series. To make 2 × 50M rows feasible in minutes
 * on 2 cores, the bench database drops the events → decisions foreign key (there are no decisions
 * rows; no measured query touches decisions) and disables the rollup trigger during the load, and
 * builds the indexes after the rows are in, on both tables alike.
 *
 * Run: npm run bench:events-partitions  (BENCH_EVENTS, default 50,000,000; BENCH_DATABASE_URL,
 * default the local PostgreSQL; a fresh database is created and dropped at the end).
 * PostgreSQL only: the embedded store is for a pilot, and 50M events are not a pilot.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../src/store/migrate.js';
import { openPostgresDatabase } from '../src/store/postgres-database.js';

const total = Number(process.env.BENCH_EVENTS ?? 50_000_000);
const months = 24;
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const chunks = 48;

// The 24 whole UTC months before this one.
const now = new Date();
const monthStart = (offset: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString();
const first = monthStart(-months);
const last = monthStart(0);

const log = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const begin = performance.now();
  const result = await fn();
  return { ms: performance.now() - begin, result };
}

/** Event i of the load: its time spread evenly over the 24 months, ids as clients would send. */
const rows = (from: number, to: number) => `
  SELECT 'ev-' || i, 'dec-' || (i / 4),
    (ARRAY['displayed', 'resource_opened', 'acknowledged', 'cancelled', 'proceeded'])[1 + i % 5],
    CASE WHEN i % 5 = 1 THEN 'scameter' END,
    t, t + interval '1 second'
  FROM generate_series(${from}, ${to}) i,
    LATERAL (SELECT '${first}'::timestamptz
      + (i - 1)::float8 / ${total} * ('${last}'::timestamptz - '${first}'::timestamptz) AS t) x`;

const name = `caveat_bench_events_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const pool = new pg.Pool({ connectionString: url.toString(), max: 3 });
// DROP DATABASE … WITH (FORCE) at the end ends whatever connection is still closing.
pool.on('error', () => undefined);

try {
  log(`events by month: ${total.toLocaleString()} events over ${months} months (${first} … ${last})`);
  const db = await openPostgresDatabase(url.toString(), 2);
  await migrate(db);
  await db.close();

  await pool.query(`
    ALTER TABLE events DROP CONSTRAINT events_decision_id_fkey;
    ALTER TABLE events DISABLE TRIGGER events_rollup_resource_opens;
    ALTER TABLE events DROP CONSTRAINT events_pkey;
    DROP INDEX events_decision;
    SELECT caveat_ensure_event_partitions('${first}', ${months});
    CREATE TABLE events_baseline (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS);`);
  const parts = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'events'::regclass`,
  );
  log(`partitions: ${parts.rows[0]?.n} (24 months, this month, the next, the default)`);

  // Both tables load at once, one connection each: one core each.
  const load = await timed(async () => {
    const done = { events: 0, events_baseline: 0 };
    const began = performance.now();
    const loader = async (table: keyof typeof done) => {
      for (let c = 0; c < chunks; c += 1) {
        const from = Math.floor((c * total) / chunks) + 1;
        const to = Math.floor(((c + 1) * total) / chunks);
        await pool.query(
          `INSERT INTO ${table} (id, decision_id, type, resource_id, occurred_at, received_at) ${rows(from, to)}`,
        );
        done[table] = to;
        process.stdout.write(
          `\r  loaded partitioned ${done.events.toLocaleString()} · baseline ${done.events_baseline.toLocaleString()}` +
            ` (${seconds(performance.now() - began)})   `,
        );
      }
    };
    await Promise.all([loader('events'), loader('events_baseline')]);
    process.stdout.write('\n');
  });
  log(`load: ${seconds(load.ms)}`);

  const indexes = await timed(async () => {
    const build = async (statements: string[], label: string) => {
      const client = await pool.connect();
      try {
        await client.query(`SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 0`);
        for (const statement of statements) {
          const step = await timed(() => client.query(statement));
          log(`  ${label}: ${statement.split(' (')[0]} … ${seconds(step.ms)}`);
        }
      } finally {
        client.release();
      }
    };
    await Promise.all([
      build(
        [
          'ALTER TABLE events ADD PRIMARY KEY (id, occurred_at)',
          'CREATE INDEX events_decision ON events (decision_id, occurred_at)',
        ],
        'partitioned',
      ),
      build(
        [
          'ALTER TABLE events_baseline ADD PRIMARY KEY (id)',
          'CREATE INDEX events_baseline_decision ON events_baseline (decision_id, occurred_at)',
        ],
        'baseline',
      ),
    ]);
    await pool.query('ALTER TABLE events ENABLE TRIGGER events_rollup_resource_opens');
    await Promise.all([pool.query('VACUUM ANALYZE events'), pool.query('VACUUM ANALYZE events_baseline')]);
  });
  log(`indexes, vacuum, analyze: ${seconds(indexes.ms)}`);

  const sizes = await pool.query<{ partitioned: string; baseline: string; count: string }>(
    `SELECT pg_size_pretty((SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits
              WHERE inhparent = 'events'::regclass)::bigint) AS partitioned,
            pg_size_pretty(pg_total_relation_size('events_baseline')) AS baseline,
            (SELECT count(*) FROM events) AS count`,
  );
  log(
    `rows: ${Number(sizes.rows[0]?.count).toLocaleString()} per table; size with indexes: ` +
      `partitioned ${sizes.rows[0]?.partitioned}, baseline ${sizes.rows[0]?.baseline}`,
  );

  const explain = async (sql: string) => {
    const result = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
    // The id lists repeat on every partition's line: cut them short.
    return result.rows
      .map((row) => row['QUERY PLAN'])
      .map((line) => (line.length > 160 ? `${line.slice(0, 157)}…` : line))
      .join('\n');
  };
  const median = async (sql: string, runs = 3) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) times.push((await timed(() => pool.query(sql))).ms);
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
  };
  const side = (label: string, partitioned: number, baseline: number) =>
    log(
      `${label}: partitioned ${partitioned.toFixed(1)} ms · baseline ${baseline.toFixed(1)} ms · ` +
        `baseline / partitioned = ${(baseline / partitioned).toFixed(1)}×`,
    );

  // A report of one month (the 13th of the 24): events per day and type.
  const lo = monthStart(-12);
  const hi = monthStart(-11);
  const report = (table: string) =>
    `SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, type, count(*) FROM ${table}
     WHERE occurred_at >= '${lo}' AND occurred_at < '${hi}' GROUP BY 1, 2`;
  log(`\n== one-month report (${lo.slice(0, 7)}) ==`);
  log(`-- partitioned\n${await explain(report('events'))}`);
  log(`-- baseline\n${await explain(report('events_baseline'))}`);
  side('report, median of 3', await median(report('events')), await median(report('events_baseline')));

  // What ingest pays for the key: 100 ids looked up by id alone (every month's index vs one).
  const ids = Array.from({ length: 100 }, (_, i) => `'ev-${1 + Math.floor((i * total) / 100)}'`).join(',');
  const byId = (table: string) => `SELECT id, occurred_at FROM ${table} WHERE id = ANY(ARRAY[${ids}])`;
  log(`\n== 100 event ids looked up by id (ingest's duplicate check) ==`);
  log(`-- partitioned\n${await explain(byId('events'))}`);
  log(`-- baseline\n${await explain(byId('events_baseline'))}`);
  side('lookup, median of 5', await median(byId('events'), 5), await median(byId('events_baseline'), 5));

  // And for the outcome: every event of 100 decisions, by decision (the index on decision and time).
  const decisions = Array.from(
    { length: 100 },
    (_, i) => `'dec-${Math.floor((1 + Math.floor((i * total) / 100)) / 4)}'`,
  ).join(',');
  const byDecision = (table: string) =>
    `SELECT id, decision_id, type, resource_id, occurred_at FROM ${table}
     WHERE decision_id = ANY(ARRAY[${decisions}])`;
  log(`\n== the events of 100 decisions (ingest's outcome refresh) ==`);
  log(`-- partitioned\n${await explain(byDecision('events'))}`);
  log(`-- baseline\n${await explain(byDecision('events_baseline'))}`);
  side(
    'by decision, median of 5',
    await median(byDecision('events'), 5),
    await median(byDecision('events_baseline'), 5),
  );

  // Retention: the oldest month goes.
  const boundary = monthStart(-months + 1);
  log(`\n== retention sweep: events before ${boundary.slice(0, 10)} (the oldest month) ==`);
  const dropped = await timed(() =>
    pool.query<{ dropped: string[] }>('SELECT caveat_drop_event_partitions($1) AS dropped', [boundary]),
  );
  log(`-- partitioned: caveat_drop_event_partitions dropped ${dropped.result.rows[0]?.dropped.join(', ')}`);
  const deletion = await timed(() =>
    explain(`DELETE FROM events_baseline WHERE occurred_at < '${boundary}'`),
  );
  log(`-- baseline\n${deletion.result}`);
  const deleteMs = deletion.ms;
  const vacuum = await timed(() => pool.query('VACUUM events_baseline'));
  log(`baseline VACUUM after the DELETE (to reuse the space): ${vacuum.ms.toFixed(1)} ms`);
  side('retention (DROP vs DELETE)', dropped.ms, deleteMs);
  side('retention (DROP vs DELETE + VACUUM)', dropped.ms, deleteMs + vacuum.ms);
  const left = await pool.query<{ partitioned: string; baseline: string }>(
    `SELECT (SELECT count(*) FROM events) AS partitioned, (SELECT count(*) FROM events_baseline) AS baseline`,
  );
  log(
    `rows left: partitioned ${Number(left.rows[0]?.partitioned).toLocaleString()} · ` +
      `baseline ${Number(left.rows[0]?.baseline).toLocaleString()}`,
  );
} finally {
  await pool.end();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
