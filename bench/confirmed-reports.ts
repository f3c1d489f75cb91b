/**
 * Screening throughput with 1M confirmed-report indicators in the index (issue 11), against the
 * same endpoint with only the installation's own indicators, alternating in the same run, the load
 * generated from another process. Confirmed reports become ordinary indicators (source
 * user_report), so this is the cost of a large index of them on the hot path.
 * Run: npm run bench:confirmed-reports
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
import { destinationCheck } from '../src/intelligence/destination-check.js';
import { IndicatorIndex } from '../src/intelligence/indicator-index.js';
import { formatToken } from '../src/store/api-key-repository.js';
import { loadFromChild } from './support.js';

const COUNT = Number(process.env.BENCH_INDICATORS ?? 1_000_000);
const seconds = process.env.BENCH_SECONDS ?? '8';
const out = (line: string) => process.stdout.write(`${line}\n`);

const started = performance.now();
const index = new IndicatorIndex();
for (let i = 0; i < COUNT; i += 1) {
  index.put({
    kind: 'evm_address',
    key: `evm:0x${createHash('sha256').update(`confirmed-${i}`).digest('hex').slice(0, 40)}`,
    sources: ['user_report'],
    scamType: 'investment',
    riskLevel: 'high',
    firstSeenMs: 1_760_000_000_000,
    lastSeenMs: 1_760_000_000_000 + i,
    reportCount: 1 + (i % 7),
    jurisdictions: ['HK'],
    expiresAtMs: null,
  });
}
out(
  `built an index of ${COUNT.toLocaleString('en')} confirmed-report indicators in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const dir = mkdtempSync(join(tmpdir(), 'caveat-bench-confirmed-'));
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
const loadOnce = async () => (await loadFromChild([url, token, seconds, '50', 'ETH'])).requestsPerSecond;
const checks = caveat.screening.riskChecks;
const own = [...checks];
const withConfirmed = [...own, destinationCheck((key) => index.get(key), Date.now)];
const use = (list: typeof own) => checks.splice(0, checks.length, ...list);
await loadOnce(); // warm-up
const rates = { own: [] as number[], confirmed: [] as number[] };
for (let round = 0; round < 3; round += 1) {
  use(own);
  rates.own.push(await loadOnce());
  use(withConfirmed);
  rates.confirmed.push(await loadOnce());
}
use(own);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
for (let round = 0; round < 3; round += 1)
  out(
    `round ${round + 1}: ${rates.own[round]!.toFixed(0)} req/s own indicators, ${rates.confirmed[round]!.toFixed(0)} req/s with ${COUNT.toLocaleString('en')} confirmed-report indicators`,
  );
out(
  `screening endpoint (PGlite): ${mean(rates.own).toFixed(0)} vs ${mean(rates.confirmed).toFixed(0)} req/s → ${((100 * mean(rates.confirmed)) / mean(rates.own)).toFixed(1)}% with the confirmed-report indicators`,
);
await app.close();
await caveat.close();
rmSync(dir, { recursive: true, force: true });
