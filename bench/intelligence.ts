/**
 * Scam intelligence at scale, each figure beside a baseline from the same run:
 * - memory per indicator and exact lookup latency with 1M and 10M indicators in the compact index,
 *   against a plain Map of indicator objects (1M: the Map cannot hold 10M in this heap);
 * - lookalike check latency per domain against 1,000 official domains, against edit distance alone;
 * - the in-memory screening decision with the destination check over 10M indicators vs without;
 * - precision and recall of the lookalike detector on the labelled set of the tests.
 * Run: npm run bench:intelligence
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startCaveat } from '../src/app/caveat.js';
import { DEMO_KEYS, seedDemo } from '../src/app/demo-seed.js';
import { loadConfig } from '../src/config.js';
import { buildHttpApp } from '../src/http/app.js';
import { formatToken } from '../src/store/api-key-repository.js';
import { domainToASCII } from 'node:url';
import { distance } from 'fastest-levenshtein';
import { destinationCheck } from '../src/intelligence/destination-check.js';
import { parseHostname } from '../src/intelligence/identifiers/domain.js';
import { IndicatorIndex } from '../src/intelligence/indicator-index.js';
import type { Indicator } from '../src/intelligence/indicator.js';
import { LookalikeDetector } from '../src/intelligence/lookalike.js';
import { decide } from '../src/screening/engine.js';
import { FrequencyLedger } from '../src/screening/frequency-ledger.js';
import { IMPERSONATIONS, LEGITIMATE, OFFICIAL_DOMAINS } from '../test/intelligence/labelled-domains.js';
import { demoSnapshot } from './demo-snapshot.js';
import { benchWithdrawal, loadFromChild } from './support.js';

const out = (line: string) => process.stdout.write(`${line}\n`);
const evmKey = (i: number) => `evm:0x${createHash('sha256').update(`bench-${i}`).digest('hex').slice(0, 40)}`;
const indicatorFor = (key: string): Indicator => ({
  kind: 'evm_address',
  key,
  sources: ['feed'],
  scamType: 'investment',
  riskLevel: 'high',
  firstSeenMs: 1_700_000_000_000,
  lastSeenMs: 1_700_000_000_000,
  reportCount: 3,
  jurisdictions: ['HK'],
  expiresAtMs: null,
});

function perCall(iterations: number, fn: (i: number) => unknown): number {
  for (let i = 0; i < Math.min(iterations, 20_000); i += 1) fn(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) fn(i);
  return Number(process.hrtime.bigint() - start) / iterations;
}

function heapUsed(): number {
  global.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

// 1. Memory and exact lookups.
const indexes = new Map<number, IndicatorIndex>();
for (const n of [1_000_000, 10_000_000]) {
  const before = heapUsed();
  const index = new IndicatorIndex(n, 22);
  for (let i = 0; i < n; i += 1) index.put(indicatorFor(evmKey(i)));
  const bytes = heapUsed() - before;
  const keys = Array.from({ length: 100_000 }, (_, i) => evmKey((i * 7919) % n));
  const misses = Array.from({ length: 100_000 }, (_, i) => evmKey(n + i));
  const hit = perCall(1_000_000, (i) => index.get(keys[i % keys.length] as string));
  const miss = perCall(1_000_000, (i) => index.get(misses[i % misses.length] as string));
  out(
    `compact index, ${n.toLocaleString()} indicators: ${(bytes / n).toFixed(1)} bytes each; lookup hit ${hit.toFixed(0)} ns, miss ${miss.toFixed(0)} ns`,
  );
  indexes.set(n, index);
  if (n === 1_000_000) {
    const beforeMap = heapUsed();
    const map = new Map<string, Indicator>();
    for (let i = 0; i < n; i += 1) map.set(evmKey(i), indicatorFor(evmKey(i)));
    const mapBytes = heapUsed() - beforeMap;
    const mapHit = perCall(1_000_000, (i) => map.get(keys[i % keys.length] as string));
    out(
      `baseline Map of objects, ${n.toLocaleString()}: ${(mapBytes / n).toFixed(1)} bytes each; lookup hit ${mapHit.toFixed(0)} ns  → index uses ${(mapBytes / bytes).toFixed(1)}× less memory`,
    );
    map.clear();
    indexes.delete(n);
  }
}

// 2. Lookalike checks against 1,000 official domains.
const word = (i: number) =>
  createHash('sha256')
    .update(`brand-${i}`)
    .digest('base64')
    .replace(/[^a-z]/g, '')
    .slice(0, 8) || `brand${i}`;
const officials = [...OFFICIAL_DOMAINS, ...Array.from({ length: 998 }, (_, i) => `${word(i)}.com`)];
const detector = new LookalikeDetector(
  officials.flatMap((d) => {
    const host = parseHostname(d);
    return host ? [{ brand: host.label, registrable: host.registrable, label: host.label }] : [];
  }),
);
const candidates = Array.from({ length: 20_000 }, (_, i) =>
  i % 4 === 0 ? `${word(i % 998)}-login-verify.net` : i % 4 === 1 ? `${word(i % 998)}.top` : `news-${i}.org`,
);
const lookalike = perCall(200_000, (i) =>
  detector.checkHostname(candidates[i % candidates.length] as string),
);
const labels = officials.map((d) => d.split('.')[0] as string);
const editOnly = perCall(200_000, (i) => {
  const label = (candidates[i % candidates.length] as string).split('.')[0] as string;
  let best = Infinity;
  for (const target of labels) best = Math.min(best, distance(label, target));
  return best;
});
out(
  `lookalike check vs 1,000 official domains: ${(lookalike / 1000).toFixed(1)} µs per domain (goal < 50 µs); edit distance alone: ${(editOnly / 1000).toFixed(1)} µs`,
);

// 3. Precision and recall on the labelled set.
const labelled = new LookalikeDetector(
  OFFICIAL_DOMAINS.map((d) => {
    const host = parseHostname(d)!;
    return { brand: host.label, registrable: host.registrable, label: host.label };
  }),
);
const truePositives = IMPERSONATIONS.filter(
  ([d, brand]) => labelled.checkHostname(domainToASCII(d))?.imitates === brand,
).length;
const falsePositives = LEGITIMATE.filter(
  (d) => labelled.checkHostname(domainToASCII(d)) !== undefined,
).length;
out(
  `labelled set (${IMPERSONATIONS.length} impersonations, ${LEGITIMATE.length} legitimate): precision ${(truePositives / (truePositives + falsePositives)).toFixed(3)}, recall ${(truePositives / IMPERSONATIONS.length).toFixed(3)}`,
);

// 4. The decision with the destination check over 10M indicators, against none.
const index = indexes.get(10_000_000)!;
const snapshot = demoSnapshot();
const check = destinationCheck((key) => index.get(key), Date.now);
const requests = Array.from({ length: 10_000 }, (_, i) => {
  const request = benchWithdrawal('intel', i);
  return {
    ...request,
    network: 'ETH',
    destination: {
      ...request.destination,
      address: `0x${createHash('sha256').update(`dest-${i}`).digest('hex').slice(0, 40)}`,
    },
  };
});
const without = perCall(300_000, (i) =>
  decide(requests[i % requests.length]!, {
    snapshot,
    ledger: new FrequencyLedger(),
    riskChecks: [],
    nowMs: Date.now(),
  }),
);
const withIntel = perCall(300_000, (i) =>
  decide(requests[i % requests.length]!, {
    snapshot,
    ledger: new FrequencyLedger(),
    riskChecks: [check],
    nowMs: Date.now(),
  }),
);
out(
  `decision without intelligence: ${(without / 1000).toFixed(2)} µs; with the destination check over 10M indicators: ${(withIntel / 1000).toFixed(2)} µs → ${((100 * without) / withIntel).toFixed(1)}% of the throughput (goal ≥ 90%)`,
);

// 5. The screening endpoint over HTTP with the destination check over the same 10M indicators vs
// none, alternating, with the load generated from another process.
const dir = mkdtempSync(join(tmpdir(), 'caveat-bench-intel-'));
const caveat = await startCaveat({
  config: loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }),
  logger: pino({ level: 'silent' }),
  sweep: false,
  relayDelivery: false,
});
await seedDemo(caveat, pino({ level: 'silent' }));
const { app } = await buildHttpApp(caveat);
const url = await app.listen({ host: '127.0.0.1', port: 0 });
const token = formatToken(DEMO_KEYS.exchange.id, DEMO_KEYS.exchange.secret);
const loadOnce = async () => (await loadFromChild([url, token, '8', '50', 'ETH'])).requestsPerSecond;
const checks = caveat.screening.riskChecks;
const saved = checks.splice(0);
await loadOnce(); // warm-up
const rates = { off: [] as number[], on: [] as number[] };
for (let round = 0; round < 2; round += 1) {
  checks.splice(0);
  rates.off.push(await loadOnce());
  checks.push(check);
  rates.on.push(await loadOnce());
}
checks.splice(0, checks.length, ...saved);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
out(
  `screening endpoint (PGlite): ${mean(rates.off).toFixed(0)} req/s without intelligence, ${mean(rates.on).toFixed(0)} req/s with the check over 10M indicators → ${((100 * mean(rates.on)) / mean(rates.off)).toFixed(1)}% (goal ≥ 90%)`,
);
await app.close();
await caveat.close();
rmSync(dir, { recursive: true, force: true });
