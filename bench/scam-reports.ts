/**
 * Scam reports: (1) report intake throughput (POST /v1/scam-reports with a scam_reports key: validate
 * every identifier, pseudonymize, insert, assign a cluster under its lock) against a bare Fastify
 * endpoint taking the same body, side by side in one run, on the embedded store and (when
 * BENCH_DATABASE_URL is set) on PostgreSQL; (2) cluster computation (connected components) for
 * 1M reports: time and memory. Run: npm run bench:scam-reports
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bs58check from 'bs58check';
import { DEMO_KEYS } from '../src/app/demo-seed.js';
import { connectedComponents, groupComponents } from '../src/scam-reports/clustering.js';
import { formatToken } from '../src/store/api-key-repository.js';
import { load, startProcess, type LoadResult } from './support.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const reportsForClusters = Number(process.env.BENCH_CLUSTER_REPORTS ?? 1_000_000);
const out = (line: string) => process.stdout.write(`${line}\n`);
const run = `${process.pid}-${Date.now()}`;

// A pool of valid TRON wallets: reports share them, so intake finds and joins clusters as it goes.
const wallets = Array.from({ length: 500 }, (_, i) =>
  bs58check.encode(
    Buffer.concat([
      Buffer.from([0x41]),
      createHash('sha256').update(`bench-wallet-${i}`).digest().subarray(0, 20),
    ]),
  ),
);
let serial = 0;
function reportBody(): string {
  serial += 1;
  return JSON.stringify({
    idempotencyKey: `bench-${run}-${serial}`,
    userRef: `bench-user-${serial}`,
    jurisdiction: 'HK',
    category: 'investment',
    identifiers: [
      { value: wallets[serial % wallets.length], network: 'TRC20' },
      { value: `fake-broker-${run}-${serial}.example.com` },
    ],
    description:
      'Told to deposit USDT to a “trading mentor” for guaranteed returns; the platform froze my account.',
    loss: { amount: '1500.25', asset: 'USDT', date: '2026-11-20' },
    firstContact: 'messaging_app',
    consentToPoliceContact: false,
  });
}

const fmt = (r: LoadResult) =>
  `${Math.round(r.requestsPerSecond).toString().padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}  non-2xx ${r.non2xx}`;

async function intake(url: string, headers: Record<string, string>): Promise<LoadResult> {
  return load({
    url: `${url}/v1/scam-reports`,
    headers,
    body: reportBody,
    durationSeconds: seconds,
    connections,
  });
}

// 1. Intake throughput against the bare endpoint.
const stores: { name: string; env: NodeJS.ProcessEnv; cleanup?: () => void }[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'caveat-bench-reports-'));
stores.push({
  name: 'embedded PGlite',
  env: { DATA_DIR: dataDir },
  cleanup: () => rmSync(dataDir, { recursive: true }),
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
      const adminToken = formatToken(DEMO_KEYS.admin.id, DEMO_KEYS.admin.secret);
      const created = await fetch(`${caveat.url}/v1/admin/api-keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'bench support tool', scopes: ['scam_reports'] }),
      });
      const { token } = (await created.json()) as { token: string };
      const auth = { authorization: `Bearer ${token}` };
      // Warm both up so JIT and the store's caches are not part of the figure.
      await intake(caveat.url, auth);
      await intake(bare.url, {});
      const baseline = await intake(bare.url, {});
      const reports = await intake(caveat.url, auth);
      out(
        [
          `\n== report intake, ${store.name} (${seconds}s, ${connections} connections) ==`,
          `bare Fastify endpoint:   ${fmt(baseline)}`,
          `caveat /v1/scam-reports: ${fmt(reports)}`,
          `ratio: ${((reports.requestsPerSecond / baseline.requestsPerSecond) * 100).toFixed(1)}% of the bare endpoint`,
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

// 2. Clusters for 1M reports: each names a wallet from a pool and a site of its own; one in ten also
// names a site shared with the next report, so components chain across wallets as phishing kits do.
const pool = Math.max(1, Math.floor(reportsForClusters / 5));
let keyCount = 0;
const reports: string[][] = new Array<string[]>(reportsForClusters);
for (let i = 0; i < reportsForClusters; i += 1) {
  const keys = [`tron:W${(i * 7919) % pool}`, `domain:site-${i}.example`];
  if (i % 10 === 0) keys.push(`domain:kit-${Math.floor(i / 20)}.example`);
  reports[i] = keys;
  keyCount += keys.length;
}
globalThis.gc?.();
const before = process.memoryUsage();
const started = performance.now();
const roots = connectedComponents(reports);
const computed = performance.now();
const groups = groupComponents(roots);
const grouped = performance.now();
const after = process.memoryUsage();
globalThis.gc?.();
out(
  [
    `\n== clusters for ${reportsForClusters.toLocaleString('en')} reports (${pool.toLocaleString('en')} wallets, ${keyCount.toLocaleString('en')} identifier mentions) ==`,
    `connected components: ${(computed - started).toFixed(0)} ms; grouping into lists: ${(grouped - computed).toFixed(0)} ms`,
    `clusters: ${groups.length.toLocaleString('en')}, largest ${groups[0]?.length.toLocaleString('en')} reports`,
    `memory while computing: +${((after.heapUsed - before.heapUsed) / 1e6).toFixed(0)} MB heap, rss ${(after.rss / 1e6).toFixed(0)} MB (the input itself: ${(before.heapUsed / 1e6).toFixed(0)} MB heap)`,
  ].join('\n'),
);
