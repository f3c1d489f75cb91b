/**
 * Scam intelligence at scale, each figure beside a baseline from the same run:
 * - memory per indicator and exact lookup latency with 1M and 10M indicators in the compact index,
 *   against a plain Map of indicator objects (1M: the Map cannot hold 10M in this heap);
 * - lookalike check latency per domain against 1, 20 and 1,000 official domains, against the detector
 *   as it was before issue 14 (bench/baseline-lookalike.ts);
 * - the in-memory screening decision with the destination check over 10M indicators vs without;
 * - recall per trick and false positives of both detectors on the labelled corpus of the tests
 *   (test/intelligence/corpus/: 20 brands, written patterns, generated variants, legitimate domains).
 * Run: npm run bench:intelligence (add `-- lookalike` for the lookalike figures only)
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
import { destinationCheck } from '../src/intelligence/destination-check.js';
import { parseHostname } from '../src/intelligence/identifiers/domain.js';
import { IndicatorIndex } from '../src/intelligence/indicator-index.js';
import type { Indicator } from '../src/intelligence/indicator.js';
import { LookalikeDetector } from '../src/intelligence/lookalike.js';
import { brandInLabel } from '../src/intelligence/lookalike/brand-in-label.js';
import { candidateHost } from '../src/intelligence/lookalike/candidate-host.js';
import { confusable } from '../src/intelligence/lookalike/confusable.js';
import type { LookalikeFinding, LookalikePattern } from '../src/intelligence/lookalike/model.js';
import { OfficialNames } from '../src/intelligence/lookalike/official-names.js';
import { tldSwap } from '../src/intelligence/lookalike/tld-swap.js';
import { typo } from '../src/intelligence/lookalike/typo.js';
import { decide } from '../src/screening/engine.js';
import { FrequencyLedger } from '../src/screening/frequency-ledger.js';
import {
  BRAND_NAMED,
  detectorInput,
  IMPERSONATIONS,
  LEGITIMATE_DOMAINS,
  OFFICIAL_BRANDS,
  type ImpersonationClass,
} from '../test/intelligence/corpus/index.js';
import { variants } from '../test/intelligence/corpus/generated-variants.js';
import { TOP_SITES } from '../test/intelligence/corpus/top-sites.js';
import { createRequire } from 'node:module';
import { BaselineLookalikeDetector } from './baseline-lookalike.js';
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

// 1. Memory and exact lookups (`npm run bench:intelligence -- lookalike` runs section 2 and 3 only).
const onlyLookalikes = process.argv.includes('lookalike');
const indexes = new Map<number, IndicatorIndex>();
for (const n of onlyLookalikes ? [] : [1_000_000, 10_000_000]) {
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

// 2 and 3. Lookalikes: µs per check and precision/recall per trick, against the detector as it was
// before issue 14 (bench/baseline-lookalike.ts), in the same process.
benchLookalikes();
if (process.argv.includes('lookalike')) process.exit(0);

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

function benchLookalikes(): void {
  type Detector = { checkHostname(host: string): { imitates: string } | undefined };
  const word = (i: number) =>
    createHash('sha256')
      .update(`brand-${i}`)
      .digest('base64')
      .replace(/[^a-z]/g, '')
      .slice(0, 8) || `brand${i}`;
  const twenty = detectorInput(OFFICIAL_BRANDS);
  const synthetic = Array.from({ length: 1000 }, (_, i) => {
    const host = parseHostname(`${word(i)}.com`);
    return host ? [{ brand: host.label, registrable: host.registrable, label: host.label }] : [];
  }).flat();
  const candidates = Array.from({ length: 20_000 }, (_, i) =>
    i % 4 === 0
      ? `${word(i % 998)}-login-verify.net`
      : i % 4 === 1
        ? `${word(i % 998)}.top`
        : `news-${i}.org`,
  );
  // The fastest of five rounds: the box is shared, and other work only ever adds time.
  const fastest = (xs: number[]) => Math.min(...xs);
  for (const [count, registry] of [
    [1, twenty.slice(0, 1)],
    [20, twenty],
    [1000, [...twenty, ...synthetic].slice(0, 1000)],
  ] as const) {
    const built = process.hrtime.bigint();
    const detector = new LookalikeDetector(registry);
    const buildMs = Number(process.hrtime.bigint() - built) / 1e6;
    const baseline = new BaselineLookalikeDetector(registry);
    const rounds = { now: [] as number[], before: [] as number[] };
    for (let round = 0; round < 5; round += 1) {
      rounds.now.push(
        perCall(100_000, (i) => detector.checkHostname(candidates[i % candidates.length] as string)),
      );
      rounds.before.push(
        perCall(100_000, (i) => baseline.checkHostname(candidates[i % candidates.length] as string)),
      );
    }
    out(
      `lookalike check vs ${count.toLocaleString()} official domain${count === 1 ? '' : 's'}: ${(fastest(rounds.now) / 1000).toFixed(1)} µs per domain (goal < 20 µs at 1,000; fastest of 5 rounds); before issue 14: ${(fastest(rounds.before) / 1000).toFixed(1)} µs; registry build ${buildMs.toFixed(0)} ms${count === 1 ? ' (includes loading the word list once)' : ''}`,
    );
  }

  const now = new LookalikeDetector(twenty);
  const before = new BaselineLookalikeDetector(twenty);
  const brandOf = (registrable: string | undefined) =>
    twenty.find((d) => d.registrable === registrable)?.brand;
  const hits = (detector: Detector, domain: string, imitates: string) =>
    brandOf(detector.checkHostname(domainToASCII(domain))?.imitates) === brandOf(imitates);
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
  out(
    `labelled corpus, 20 brands (${IMPERSONATIONS.length} written impersonations): recall per trick, now vs before`,
  );
  const kinds = [...new Set(IMPERSONATIONS.map((i) => i.kind))];
  const totals = { now: 0, before: 0 };
  const grouped = { named: [0, 0, 0], other: [0, 0, 0] };
  for (const kind of kinds) {
    const rows = IMPERSONATIONS.filter((i) => i.kind === kind);
    const a = rows.filter((i) => hits(now, i.domain, i.imitates)).length;
    const b = rows.filter((i) => hits(before, i.domain, i.imitates)).length;
    totals.now += a;
    totals.before += b;
    const group = BRAND_NAMED.includes(kind as ImpersonationClass) ? grouped.named : grouped.other;
    group[0] = (group[0] as number) + a;
    group[1] = (group[1] as number) + b;
    group[2] = (group[2] as number) + rows.length;
    out(
      `  ${kind.padEnd(18)} ${String(rows.length).padStart(3)}  ${pct(a, rows.length).padStart(6)}  vs ${pct(b, rows.length).padStart(6)}`,
    );
  }
  const [namedNow = 0, namedBefore = 0, namedAll = 1] = grouped.named;
  const [otherNow = 0, otherBefore = 0, otherAll = 1] = grouped.other;
  out(
    `  brand-named (brand string in the name): ${pct(namedNow, namedAll)} vs ${pct(namedBefore, namedAll)}; without the brand string: ${pct(otherNow, otherAll)} vs ${pct(otherBefore, otherAll)}`,
  );

  out('generated variants (dnstwist-style) of the 6+ letter brands: recall per fuzzer, now vs before');
  const byKind = new Map<string, [number, number, number]>();
  for (const entry of OFFICIAL_BRANDS) {
    const [label = '', ...rest] = (entry.domains[0] as string).split('.');
    if (label.length < 6) continue;
    for (const variant of variants(label)) {
      const domain = `${variant.label}.${rest.join('.')}`;
      if (!domainToASCII(domain)) continue;
      const row = byKind.get(variant.kind) ?? [0, 0, 0];
      if (hits(now, domain, entry.domains[0] as string)) row[0] += 1;
      if (hits(before, domain, entry.domains[0] as string)) row[1] += 1;
      row[2] += 1;
      byKind.set(variant.kind, row);
    }
  }
  let generated = [0, 0, 0];
  for (const [kind, [a, b, n]] of byKind) {
    generated = [(generated[0] as number) + a, (generated[1] as number) + b, (generated[2] as number) + n];
    out(
      `  ${kind.padEnd(18)} ${String(n).padStart(3)}  ${pct(a, n).padStart(6)}  vs ${pct(b, n).padStart(6)}`,
    );
  }
  const [genNow = 0, genBefore = 0, genAll = 1] = generated;
  out(`  all generated: ${pct(genNow, genAll)} vs ${pct(genBefore, genAll)}`);

  // The brand glued before or after every English word of 2–8 letters (binancewallet,
  // walletbinance): what the word guards cost where they should not apply.
  const gluable = englishWords().filter((w) => /^[a-z]{2,8}$/.test(w));
  for (const brand of ['binance', 'coinbase', 'uniswap']) {
    const hosts = gluable.flatMap((w) => [`${brand}${w}.com`, `${w}${brand}.com`]);
    const owner = twenty.find((d) => d.label === brand)?.brand;
    const missed = (detector: Detector) =>
      hosts.filter((host) => brandOf(detector.checkHostname(host)?.imitates) !== owner).length;
    out(
      `"${brand}" glued to each of ${gluable.length.toLocaleString()} English words (${hosts.length.toLocaleString()} names): missed ${pct(missed(now), hosts.length)} vs ${pct(missed(before), hosts.length)}`,
    );
  }

  const legitimate = [...new Set([...LEGITIMATE_DOMAINS, ...TOP_SITES])];
  const flagged = (detector: Detector) =>
    legitimate.filter((d) => detector.checkHostname(domainToASCII(d)) !== undefined);
  const fpNow = flagged(now);
  const fpBefore = flagged(before);
  const precision = (tp: number, fp: number) => (tp / (tp + fp)).toFixed(3);
  out(
    `legitimate domains (${legitimate.length}: ${LEGITIMATE_DOMAINS.length} written + ${TOP_SITES.length} top sites): false positives ${fpNow.length} (${pct(fpNow.length, legitimate.length)}: ${fpNow.join(', ')}) vs ${fpBefore.length} (${pct(fpBefore.length, legitimate.length)})`,
  );
  out(
    `precision on written impersonations + legitimate domains: ${precision(totals.now, fpNow.length)} vs ${precision(totals.before, fpBefore.length)}; recall ${pct(totals.now, IMPERSONATIONS.length)} vs ${pct(totals.before, IMPERSONATIONS.length)}`,
  );
  out(`  flagged before, not now: ${fpBefore.filter((d) => !fpNow.includes(d)).join(', ')}`);

  // Per pattern class: each trick family alone on the same written impersonations and legitimate
  // domains, so a family that finds much but also flags real sites shows its own precision. (The
  // detector before issue 14 was one function; it has only the overall figure above.)
  const names = new OfficialNames(twenty);
  const official = new Set(twenty.map((d) => d.registrable));
  const alone = (pattern: LookalikePattern, domain: string): LookalikeFinding | undefined => {
    const host = parseHostname(domainToASCII(domain));
    if (!host || official.has(host.registrable)) return undefined;
    let best: LookalikeFinding | undefined;
    pattern.find(candidateHost(host), names, (f) => {
      if (!best || f.score > best.score) best = f;
    });
    return best;
  };
  out(
    'per pattern class, alone: true positives / false positives → precision, recall on the written impersonations',
  );
  for (const [name, pattern] of [
    ['confusable', confusable],
    ['brand in a label', brandInLabel],
    ['TLD swap', tldSwap],
    ['typo', typo],
  ] as const) {
    const tp = IMPERSONATIONS.filter(
      (i) =>
        brandOf(alone(pattern, i.domain)?.imitates) === brandOf(i.imitates) &&
        brandOf(i.imitates) !== undefined,
    ).length;
    const fp = legitimate.filter((d) => alone(pattern, d) !== undefined);
    out(
      `  ${name.padEnd(18)} ${String(tp).padStart(4)} / ${String(fp.length).padStart(2)}  precision ${tp + fp.length === 0 ? '—' : precision(tp, fp.length)}  recall ${pct(tp, IMPERSONATIONS.length)}${fp.length > 0 ? `  (flags ${fp.slice(0, 5).join(', ')})` : ''}`,
    );
  }
}

function englishWords(): string[] {
  return createRequire(import.meta.url)('an-array-of-english-words') as string[];
}
