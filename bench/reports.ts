/**
 * Report generation over a four-week campaign with ~10 million reaction events, on the embedded
 * store and on PostgreSQL: the pilot report (read from the rollups) against a baseline that
 * computes the same headline counts by scanning events, side by side in one run.
 * Run: npm run bench:reports  (BENCH_DECISIONS, default 2,800,000 → 10.0M events;
 * BENCH_DATABASE_URL for the server store, default the local PostgreSQL)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { ReportService } from '../src/app/report-service.js';
import { seedDemo } from '../src/app/demo-seed.js';
import { startCaveat } from '../src/app/caveat.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/store/database.js';
import { MeasurementRepository } from '../src/store/measurement-repository.js';
import { openPgliteDatabase } from '../src/store/pglite-database.js';
import { openPostgresDatabase } from '../src/store/postgres-database.js';

const decisions = Number(process.env.BENCH_DECISIONS ?? 2_800_000);
const chunk = 50_000;
const start = '2026-10-01T00:00:00Z';
const days = 28;
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Decision i: every fifth user is in the holdout; of the warned, 1 in 8 cancel and 2 in 8 check
 * Scameter first (one of them then cancels), the rest proceed; timestamps spread over four weeks.
 */
const at = (i: string) =>
  `('${start}'::timestamptz + ((${i} - 1)::float8 / ${decisions} * interval '${days} days'))`;

async function generate(db: Database): Promise<number> {
  for (let from = 1; from <= decisions; from += chunk) {
    const to = Math.min(decisions, from + chunk - 1);
    await db.transaction(async (tx) => {
      await tx.exec(`
        INSERT INTO decisions (id, idempotency_key, request_hash, user_ref, jurisdiction, locale, asset, amount_usd,
          decision, campaign_id, campaign_version, variant, arm, degraded, content_locale, response, created_at)
        SELECT 'dec_' || i, 'k' || i, 'h', 'u' || i, 'HK', 'zh-Hant-HK', 'USDT', 100 + (i % 5000),
          CASE WHEN i % 5 = 0 THEN 'allow' ELSE 'warn' END, 'hk-joint-anti-scam', 1,
          CASE WHEN i % 5 = 0 THEN NULL ELSE 'A' END, CASE WHEN i % 5 = 0 THEN 'holdout' ELSE 'treatment' END,
          false, CASE WHEN i % 5 = 0 THEN NULL ELSE 'zh-Hant' END, '{}'::json, ${at('i')}
        FROM generate_series(${from}, ${to}) i;
        INSERT INTO events (id, decision_id, type, resource_id, occurred_at)
        SELECT 'e' || i || '-' || k, 'dec_' || i,
          CASE k WHEN 1 THEN 'displayed' WHEN 2 THEN 'resource_opened' WHEN 3 THEN 'resource_opened'
                 WHEN 4 THEN 'acknowledged' ELSE CASE WHEN i % 10 IN (1, 2) THEN 'cancelled' ELSE 'proceeded' END END,
          CASE k WHEN 2 THEN 'scameter' WHEN 3 THEN 'adcc' END,
          ${at('i')} + k * interval '2 seconds'
        FROM generate_series(${from}, ${to}) i CROSS JOIN generate_series(1, 5) k
        WHERE i % 5 <> 0 AND (k <> 2 OR i % 10 IN (2, 3));
        INSERT INTO events (id, decision_id, type, occurred_at)
        SELECT 'e' || i, 'dec_' || i, CASE WHEN i % 50 = 0 THEN 'cancelled' ELSE 'proceeded' END, ${at('i')} + interval '9 seconds'
        FROM generate_series(${from}, ${to}) i WHERE i % 5 = 0;
        INSERT INTO outcomes (decision_id, displayed_at, first_check_opened_at, acknowledged_at, decided_at, outcome, withdrew, updated_at)
        SELECT 'dec_' || i,
          CASE WHEN i % 5 <> 0 THEN ${at('i')} + interval '2 seconds' END,
          CASE WHEN i % 10 IN (2, 3) THEN ${at('i')} + interval '4 seconds' END,
          CASE WHEN i % 5 <> 0 THEN ${at('i')} + interval '8 seconds' END,
          ${at('i')} + CASE WHEN i % 5 <> 0 THEN interval '10 seconds' ELSE interval '9 seconds' END,
          CASE WHEN i % 5 = 0 THEN CASE WHEN i % 50 = 0 THEN 'cancelled' ELSE 'proceeded' END
               WHEN i % 10 = 1 THEN 'cancelled' WHEN i % 10 IN (2, 3) THEN 'verified' ELSE 'proceeded' END,
          CASE WHEN i % 5 = 0 THEN i % 50 <> 0 ELSE i % 10 NOT IN (1, 2) END, now()
        FROM generate_series(${from}, ${to}) i;`);
    });
    process.stdout.write(`\r  generated ${to.toLocaleString()} / ${decisions.toLocaleString()} decisions`);
  }
  process.stdout.write('\n');
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
  return rows[0]?.n ?? 0;
}

/** The baseline: the same headline counts computed from the raw events, as without rollups. */
const scanQuery = `
  SELECT (d.created_at AT TIME ZONE 'UTC')::date AS day, d.arm,
    count(DISTINCT d.id) FILTER (WHERE e.type = 'displayed') AS displayed,
    count(*) FILTER (WHERE e.type = 'cancelled') AS cancelled,
    count(*) FILTER (WHERE e.type = 'proceeded') AS proceeded,
    count(DISTINCT e.decision_id) FILTER (WHERE e.type = 'resource_opened') AS opened
  FROM events e JOIN decisions d ON d.id = e.decision_id
  WHERE d.campaign_id = 'hk-joint-anti-scam' AND d.created_at >= '2026-10-01' AND d.created_at < '2026-10-29'
  GROUP BY 1, 2`;

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const begin = performance.now();
  const result = await fn();
  return { ms: performance.now() - begin, result };
}

async function measure(name: string, db: Database): Promise<void> {
  process.stdout.write(`\n== ${name} ==\n`);
  const caveat = await startCaveat({
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    logger: pino({ level: 'silent' }),
    db,
    sweep: false,
  });
  await seedDemo(caveat, pino({ level: 'silent' }));
  const generation = await time(() => generate(db));
  process.stdout.write(
    `  ${generation.result.toLocaleString()} events generated in ${(generation.ms / 1000).toFixed(0)} s (rollups kept by the triggers)\n`,
  );
  const reports = new ReportService(new MeasurementRepository(db));
  const filter = { campaign: 'hk-joint-anti-scam', from: '2026-10-01', to: '2026-10-28' };
  const heapBefore = process.memoryUsage().heapUsed;
  const cold = await time(() => reports.pilot(filter, { sequential: true }));
  const warm = await time(() => reports.pilot(filter, { sequential: true }));
  const heapAfter = process.memoryUsage().heapUsed;
  const scan = await time(() => db.query(scanQuery));
  const r = cold.result;
  process.stdout.write(
    [
      `  four-week pilot report: ${cold.ms.toFixed(0)} ms cold, ${warm.ms.toFixed(0)} ms warm (goal < 2000 ms on PostgreSQL)`,
      `  baseline scan of the events for the same counts: ${scan.ms.toFixed(0)} ms  → report is ${(scan.ms / warm.ms).toFixed(0)}× faster`,
      `  heap used by two reports: ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MB; process RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
      `  report covers ${r.totals.decisions.toLocaleString()} decisions, intervention ${(100 * (r.rates.intervention.rate ?? 0)).toFixed(1)}%, ${r.daily.length} days`,
      '',
    ].join('\n'),
  );
  await caveat.close();
}

const dir = mkdtempSync(join(tmpdir(), 'caveat-bench-reports-'));
try {
  await measure('embedded PGlite', await openPgliteDatabase(dir));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const name = `caveat_bench_reports_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
try {
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  await measure('PostgreSQL', await openPostgresDatabase(target.toString()));
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
