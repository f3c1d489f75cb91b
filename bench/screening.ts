/**
 * Screening throughput against a bare Fastify endpoint taking the same body, side by side in one
 * run, on the embedded store and (when BENCH_DATABASE_URL is set) on PostgreSQL; for this code and
 * for the code before the performance work (a git worktree of BENCH_BASELINE_REF), so before and
 * after are measured in the same run. For each: the ratio to the bare endpoint, p99 at half of the
 * measured maximum, where the CPU went (caveat's process, PostgreSQL's processes, the load generator,
 * per request), the group-commit batches it saw; then a CPU profile of this code under load (top
 * self-time functions). Run: npm run bench
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_KEYS } from '../src/app/demo-seed.js';
import { formatToken } from '../src/store/api-key-repository.js';
import { createServerDatabase } from '../test/support/stores.js';
import { mainThreadProfile, selfTimeByArea, topSelfTime } from './cpu-profile.js';
import {
  baselineTree,
  benchWithdrawal,
  cpuSecondsOf,
  load,
  postgresCpuSeconds,
  startProcess,
  type LoadResult,
  type Server,
} from './support.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const profileSeconds = Number(process.env.BENCH_PROFILE_SECONDS ?? 6);
const baselineRef = process.env.BENCH_BASELINE_REF ?? '8ae5ad3';
const serverUrl = process.env.BENCH_DATABASE_URL;
const token = formatToken(DEMO_KEYS.exchange.id, DEMO_KEYS.exchange.secret);
const auth = { authorization: `Bearer ${token}` };
let serial = 0;
const run = `${process.pid}-${Date.now()}`;

/** A Hong Kong withdrawal to a new address from a new user: the path that renders and records a warning. */
const body = () => JSON.stringify(benchWithdrawal(run, (serial += 1)));

const measure = (url: string, headers: Record<string, string>, rate?: number): Promise<LoadResult> =>
  load({
    url: `${url}/v1/screenings`,
    headers,
    body,
    durationSeconds: seconds,
    connections,
    ...(rate ? { overallRate: rate } : {}),
  });

const fmt = (r: LoadResult) =>
  `${Math.round(r.requestsPerSecond).toString().padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}  non-2xx ${r.non2xx}`;

interface Store {
  name: string;
  /** A fresh, empty store for one server; cleanup removes it. */
  prepare(): Promise<{ env: NodeJS.ProcessEnv; cleanup(): Promise<void> }>;
}

const stores: Store[] = [
  {
    name: 'embedded PGlite',
    async prepare() {
      const dir = mkdtempSync(join(tmpdir(), 'caveat-bench-'));
      return { env: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  ...(serverUrl
    ? [
        {
          name: 'PostgreSQL',
          async prepare() {
            const database = await createServerDatabase(serverUrl);
            const spool = mkdtempSync(join(tmpdir(), 'caveat-bench-spool-'));
            return {
              env: { DATABASE_URL: database.url, SPOOL_DIR: spool },
              cleanup: async () => {
                await database.drop();
                rmSync(spool, { recursive: true, force: true });
              },
            };
          },
        },
      ]
    : []),
];

const trees = [
  { name: `before (${baselineRef})`, cwd: baselineTree(baselineRef) },
  { name: 'after (this tree)', cwd: process.cwd() },
];

const startCaveat = (cwd: string, env: NodeJS.ProcessEnv, nodeFlags: string[] = []): Promise<Server> =>
  startProcess(
    [...nodeFlags, 'src/cli/main.ts', 'serve', '--demo'],
    { ...env, PORT: '0', LOG_LEVEL: 'warn' },
    cwd,
  );

/** Histogram sum and count of a metric from a Prometheus text page (0, 0 when the code has none). */
function histogram(page: string, name: string): { sum: number; count: number } {
  const value = (suffix: string) =>
    Number(new RegExp(`^${name}_${suffix} (\\S+)$`, 'm').exec(page)?.[1] ?? 0);
  return { sum: value('sum'), count: value('count') };
}

async function batches(
  url: string,
): Promise<{ size: { sum: number; count: number }; inFlight: { sum: number; count: number } }> {
  const page = await (await fetch(`${url}/metrics`)).text();
  return {
    size: histogram(page, 'caveat_decision_batch_size'),
    inFlight: histogram(page, 'caveat_decision_batches_in_flight'),
  };
}

const micros = (secondsUsed: number, requests: number) => `${Math.round((secondsUsed * 1e6) / requests)} µs`;

async function measureTree(store: Store, tree: (typeof trees)[number], bare: Server): Promise<void> {
  const prepared = await store.prepare();
  const caveat = await startCaveat(tree.cwd, prepared.env);
  try {
    // Warm both up so JIT and the store's caches are not part of the figure.
    await measure(caveat.url, auth);
    const baseline = await measure(bare.url, {});
    const before = await batches(caveat.url);
    const cpu0 = {
      server: cpuSecondsOf(caveat.process.pid as number),
      postgres: postgresCpuSeconds(),
      loader: process.cpuUsage(),
    };
    const screening = await measure(caveat.url, auth);
    const loader = process.cpuUsage(cpu0.loader);
    const used = {
      server: cpuSecondsOf(caveat.process.pid as number) - cpu0.server,
      postgres: postgresCpuSeconds() - cpu0.postgres,
      loader: (loader.user + loader.system) / 1e6,
    };
    const after = await batches(caveat.url);
    const halfLoad = await measure(caveat.url, auth, Math.round(screening.requestsPerSecond / 2));
    const requests = screening.requestsPerSecond * seconds;
    const batchCount = after.size.count - before.size.count;
    const ratio = screening.requestsPerSecond / baseline.requestsPerSecond;
    process.stdout.write(
      [
        `-- ${tree.name}`,
        `bare Fastify endpoint: ${fmt(baseline)}`,
        `caveat /v1/screenings: ${fmt(screening)}`,
        `ratio: ${(ratio * 100).toFixed(1)}% of the bare endpoint (goal >= ${store.name === 'PostgreSQL' ? 60 : 40}%)`,
        `at half of max load (${Math.round(screening.requestsPerSecond / 2)} req/s): ${fmt(halfLoad)} (goal p99 < 10 ms)`,
        `CPU per screening: caveat ${micros(used.server, requests)}, PostgreSQL ${micros(used.postgres, requests)}, load generator ${micros(used.loader, requests)} (2 cores = ${micros(2 * seconds, requests)} available)`,
        batchCount > 0
          ? `group commit: ${batchCount} batches, ${((after.size.sum - before.size.sum) / batchCount).toFixed(1)} decisions each on average, ${((after.inFlight.sum - before.inFlight.sum) / batchCount).toFixed(2)} batches in flight on average`
          : 'group commit: not reported by this code',
        '',
      ].join('\n'),
    );
  } finally {
    await caveat.stop();
    await prepared.cleanup();
  }
}

async function profile(store: Store): Promise<void> {
  const prepared = await store.prepare();
  const dir = mkdtempSync(join(tmpdir(), 'caveat-profile-'));
  const caveat = await startCaveat(process.cwd(), prepared.env, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  try {
    await load({
      url: `${caveat.url}/v1/screenings`,
      headers: auth,
      body,
      durationSeconds: profileSeconds,
      connections,
    });
  } finally {
    await caveat.stop();
    await prepared.cleanup();
  }
  const file = mainThreadProfile(dir);
  // From the first screening on: start-up is not the hot path.
  const { functions, idleShare } = topSelfTime(file, 12, 'screen');
  const lines = [
    `-- CPU profile of this tree under full load (${profileSeconds}s; busy ${(100 * (1 - idleShare)).toFixed(0)}% of the main thread)`,
    'top self time:',
    ...functions.map((f) => `  ${(100 * f.share).toFixed(1).padStart(5)}%  ${f.name}  ${f.where}`),
    'by area:',
    ...selfTimeByArea(file, 'screen')
      .slice(0, 10)
      .map((a) => `  ${(100 * a.share).toFixed(1).padStart(5)}%  ${a.area}`),
    '',
  ];
  process.stdout.write(lines.join('\n'));
  rmSync(dir, { recursive: true, force: true });
}

const bare = await startProcess(['bench/bare-server.ts'], {});
try {
  for (const store of stores) {
    process.stdout.write(`\n== ${store.name} (${seconds}s, ${connections} connections) ==\n`);
    for (const tree of trees) await measureTree(store, tree, bare);
    await profile(store);
  }
} finally {
  await bare.stop();
}
