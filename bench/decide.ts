/**
 * The in-memory decision alone, per call: the "decides in about a millisecond" budget, measured
 * against a baseline every endpoint pays anyway (parsing the request body and serializing an
 * answer of the same size), side by side in one run. Run: npm run bench:decide
 */
import { decide } from '../src/screening/engine.js';
import { FrequencyLedger } from '../src/screening/frequency-ledger.js';
import type { ScreeningRequest } from '../src/screening/request.js';
import { demoSnapshot } from './demo-snapshot.js';
import { benchWithdrawal } from './support.js';

const iterations = Number(process.env.BENCH_ITERATIONS ?? 200_000);
const snapshot = demoSnapshot();
const ledger = new FrequencyLedger();
const locales = ['zh-Hant-HK', 'en', 'pt-MO', 'zh-Hant-MO', 'en-GB', 'zh-Hant-TW'];
const jurisdictions = ['HK', 'HK', 'MO', 'MO', 'GB', 'TW'];

function request(i: number): ScreeningRequest {
  return benchWithdrawal('decide', i, {
    jurisdiction: jurisdictions[i % 6] as string,
    locale: locales[i % 6] as string,
  });
}

function time(label: string, fn: (i: number) => unknown): number {
  for (let i = 0; i < 20_000; i += 1) fn(i); // warm-up: JIT
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) fn(i);
  const micros = Number(process.hrtime.bigint() - start) / 1000 / iterations;
  process.stdout.write(`${label.padEnd(52)} ${micros.toFixed(2).padStart(7)} µs per call\n`);
  return micros;
}

const bodies = Array.from({ length: 1000 }, (_, i) => JSON.stringify(request(i)));
// The baseline serializes an answer as large as a real warning (a treatment decision with content).
const sample = Array.from({ length: 20 }, (_, i) =>
  decide(request(i * 6), { snapshot, ledger: new FrequencyLedger(), riskChecks: [], nowMs: Date.now() }),
).find((verdict) => verdict.decision === 'warn');
const answer = JSON.stringify(sample);
const baseline = time('baseline: parse body + serialize answer', (i) => {
  JSON.parse(bodies[i % 1000] as string);
  return JSON.stringify(JSON.parse(answer));
});
const decision = time('decide(): targeting, cap, assignment, rendering', (i) =>
  decide(request(i), { snapshot, ledger, riskChecks: [], nowMs: Date.now() }),
);
process.stdout.write(
  `decision / baseline: ${(decision / baseline).toFixed(2)}x  (${iterations} calls, answer ${Buffer.byteLength(answer)} bytes)\n`,
);
