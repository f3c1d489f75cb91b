/**
 * Screening throughput against a bare Fastify endpoint taking the same body, side by side in one
 * run, on the embedded store and (when BENCH_DATABASE_URL is set) on PostgreSQL. Then p99 latency
 * at half of the measured maximum. Run: npm run bench
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_KEYS } from '../src/app/demo-seed.js';
import { formatToken } from '../src/store/api-key-repository.js';
import { benchWithdrawal, load, startProcess, type LoadResult } from './support.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const token = formatToken(DEMO_KEYS.exchange.id, DEMO_KEYS.exchange.secret);
let serial = 0;
const run = `${process.pid}-${Date.now()}`;

/** A Hong Kong withdrawal to a new address from a new user. */
function body(): string {
  serial += 1;
  return JSON.stringify(benchWithdrawal(run, serial));
}

async function measure(url: string, headers: Record<string, string>, rate?: number): Promise<LoadResult> {
  return load({
    url: `${url}/v1/screenings`,
    headers,
    body,
    durationSeconds: seconds,
    connections,
    ...(rate ? { overallRate: rate } : {}),
  });
}

const fmt = (r: LoadResult) =>
  `${Math.round(r.requestsPerSecond).toString().padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}  non-2xx ${r.non2xx}`;

const stores: { name: string; env: NodeJS.ProcessEnv; cleanup?: () => void }[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'caveat-bench-'));
stores.push({
  name: 'embedded PGlite',
  env: { DATA_DIR: dataDir },
  cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
});
if (process.env.BENCH_DATABASE_URL)
  stores.push({ name: 'PostgreSQL', env: { DATABASE_URL: process.env.BENCH_DATABASE_URL } });

const bare = await startProcess(['bench/bare-server.ts'], {});
try {
  for (const store of stores) {
    const caveat = await startProcess(['src/cli/main.ts', 'serve', '--demo'], {
      ...store.env,
      PORT: '0',
      LOG_LEVEL: 'warn',
    });
    try {
      // Warm both up so JIT and the store's caches are not part of the figure.
      await measure(caveat.url, { authorization: `Bearer ${token}` }).catch(() => undefined);
      await measure(bare.url, {});
      const baseline = await measure(bare.url, {});
      const screening = await measure(caveat.url, { authorization: `Bearer ${token}` });
      const halfLoad = await measure(
        caveat.url,
        { authorization: `Bearer ${token}` },
        Math.round(screening.requestsPerSecond / 2),
      );
      const ratio = screening.requestsPerSecond / baseline.requestsPerSecond;
      process.stdout.write(
        [
          `\n== ${store.name} (${seconds}s, ${connections} connections) ==`,
          `bare Fastify endpoint: ${fmt(baseline)}`,
          `caveat /v1/screenings: ${fmt(screening)}`,
          `ratio: ${(ratio * 100).toFixed(1)}% of the bare endpoint (goal >= 60%)`,
          `at half of max load (${Math.round(screening.requestsPerSecond / 2)} req/s): ${fmt(halfLoad)} (goal p99 < 10 ms)`,
          '',
        ].join('\n'),
      );
    } finally {
      await caveat.stop();
      store.cleanup?.();
    }
  }
} finally {
  await bare.stop();
}
