/**
 * caveat when its store fails (issue 10), on PostgreSQL behind a TCP fault proxy:
 *  - the fail-safe answer's latency while every connection is dropped and new ones refused, and
 *    while the store stalls (bytes stop, sockets stay open), against the normal answer's latency
 *    measured the same way in the same run;
 *  - time to recover after the store returns: /healthz ok, every spooled answer recorded, the
 *    first normal (non-degraded) answer;
 *  - screening throughput of this code against the code before the change (a git worktree of
 *    BENCH_BASELINE_REF), both against the bare endpoint, side by side in the same run, on PGlite.
 * Run: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:outage
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_KEYS } from '../src/app/demo-seed.js';
import { formatToken } from '../src/store/api-key-repository.js';
import { FaultProxy } from '../test/support/fault-proxy.js';
import { createServerDatabase } from '../test/support/stores.js';
import { baselineTree, benchWithdrawal, load, startProcess, type LoadResult } from './support.js';

const token = formatToken(DEMO_KEYS.exchange.id, DEMO_KEYS.exchange.secret);
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const baselineRef = process.env.BENCH_BASELINE_REF ?? '34de885';
let serial = 0;
const tag = `${process.pid}-${Date.now()}`;
const nextBody = () => JSON.stringify(benchWithdrawal(tag, (serial += 1)));

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((x, y) => x - y);
  return `n=${sorted.length} p50 ${percentile(sorted, 0.5).toFixed(1)} ms  p99 ${percentile(sorted, 0.99).toFixed(1)} ms  max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms`;
};

/** Sequential screenings with `concurrency` in flight; returns each latency and the answers' kinds. */
async function screenings(url: string, count: number, concurrency = 10) {
  const latencies: number[] = [];
  const kinds = { degraded: 0, allow: 0, normal: 0, failed: 0 };
  let left = count;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left > 0) {
        left -= 1;
        const started = performance.now();
        try {
          const response = await fetch(`${url}/v1/screenings`, { method: 'POST', headers, body: nextBody() });
          const answer = (await response.json()) as { decision: string; degraded: boolean };
          latencies.push(performance.now() - started);
          if (answer.degraded) kinds.degraded += 1;
          else kinds.normal += 1;
          if (answer.degraded && answer.decision === 'allow') kinds.allow += 1;
        } catch {
          kinds.failed += 1;
        }
      }
    }),
  );
  return { latencies, kinds };
}

async function healthOf(url: string): Promise<{ status: string; spooledDegradedDecisions: number }> {
  const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
  return (await response.json()) as { status: string; spooledDegradedDecisions: number };
}

async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return performance.now() - started;
}

async function outage(databaseUrl: string): Promise<void> {
  const database = await createServerDatabase(databaseUrl);
  const server = new URL(databaseUrl);
  const proxy = await FaultProxy.start({ host: server.hostname, port: Number(server.port || 5432) });
  const spoolDir = mkdtempSync(join(tmpdir(), 'caveat-bench-spool-'));
  const caveat = await startProcess(['src/cli/main.ts', 'serve', '--demo'], {
    DATABASE_URL: proxy.urlFor(database.url),
    SPOOL_DIR: spoolDir,
    PORT: '0',
    LOG_LEVEL: 'silent',
  });
  try {
    await screenings(caveat.url, 300); // warm-up
    const normal = await screenings(caveat.url, 500);
    const lines = [
      `\n== outage on PostgreSQL through a fault proxy ==`,
      `normal answers:               ${summary(normal.latencies)}`,
    ];
    for (const fault of ['drop all + refuse new', 'stall'] as const) {
      if (fault === 'stall') proxy.stall(true);
      else {
        proxy.refuse(true);
        proxy.dropAll();
      }
      const during = await screenings(caveat.url, 500);
      lines.push(
        `${`during ${fault}:`.padEnd(30)}${summary(during.latencies)}  degraded ${during.kinds.degraded}/${during.latencies.length}, allow ${during.kinds.allow}, failed ${during.kinds.failed}`,
      );
      proxy.heal();
      // Each figure counts from the moment the store returned.
      const ok = await until(async () => (await healthOf(caveat.url)).status === 'ok');
      const drained =
        ok + (await until(async () => (await healthOf(caveat.url)).spooledDegradedDecisions === 0));
      const firstNormal =
        drained + (await until(async () => (await screenings(caveat.url, 1, 1)).kinds.normal === 1));
      lines.push(
        `  after the store returned: /healthz ok in ${ok.toFixed(0)} ms, all ${during.kinds.degraded} spooled answers recorded in ${drained.toFixed(0)} ms, first normal answer in ${firstNormal.toFixed(0)} ms`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await caveat.stop();
    await proxy.close();
    await database.drop();
    rmSync(spoolDir, { recursive: true, force: true });
  }
}

async function throughput(): Promise<void> {
  const measure = (url: string, auth: boolean): Promise<LoadResult> =>
    load({
      url: `${url}/v1/screenings`,
      headers: auth ? { authorization: `Bearer ${token}` } : {},
      body: nextBody,
      durationSeconds: seconds,
      connections: 50,
    });
  const bare = await startProcess(['bench/bare-server.ts'], {});
  const trees = [
    { name: `before (${baselineRef})`, cwd: baselineTree(baselineRef) },
    { name: 'after (this checkout)', cwd: process.cwd() },
  ];
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const lines = [
    `\n== screening throughput, embedded PGlite, before and after (${rounds} rounds of ${seconds}s, 50 connections, the bare endpoint measured right before each) ==`,
  ];
  const ratios = new Map<string, number[]>(trees.map((tree) => [tree.name, []]));
  try {
    for (let round = 1; round <= rounds; round += 1) {
      for (const tree of trees) {
        const dataDir = mkdtempSync(join(tmpdir(), 'caveat-bench-'));
        const caveat = await startProcess(
          ['src/cli/main.ts', 'serve', '--demo'],
          { DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
          tree.cwd,
        );
        try {
          await measure(caveat.url, true).catch(() => undefined);
          const baseline = await measure(bare.url, false);
          const result = await measure(caveat.url, true);
          const ratio = result.requestsPerSecond / baseline.requestsPerSecond;
          ratios.get(tree.name)?.push(ratio);
          lines.push(
            `round ${round} ${tree.name.padEnd(24)} ${Math.round(result.requestsPerSecond)} req/s p99 ${result.p99} ms = ${(100 * ratio).toFixed(1)}% of the bare endpoint (${Math.round(baseline.requestsPerSecond)} req/s), non-2xx ${result.non2xx}`,
          );
        } finally {
          await caveat.stop();
          rmSync(dataDir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    await bare.stop();
  }
  for (const [name, list] of ratios) {
    const sorted = [...list].sort((x, y) => x - y);
    lines.push(`median ${name}: ${(100 * percentile(sorted, 0.5)).toFixed(1)}% of the bare endpoint`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

await throughput();
if (process.env.BENCH_DATABASE_URL) await outage(process.env.BENCH_DATABASE_URL);
else process.stdout.write('\n(set BENCH_DATABASE_URL for the outage figures)\n');
