/**
 * Screening throughput with a questioned campaign (issue 13: questions, the ladder's settings and
 * rotated presentations in the HK demo campaign) against the same campaign as it was before them,
 * alternating in the same run on the same server, the load generated from another process. The
 * live spec is swapped in place between rounds, so everything else (store, indicators, keys,
 * frequency ledger) is the same. Every request is a new user: each takes the presentation lookup.
 * Run: npm run bench:questions
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startCaveat } from '../src/app/caveat.js';
import { DEMO_KEYS, seedDemo } from '../src/app/demo-seed.js';
import { assign } from '../src/campaigns/assignment.js';
import type { CampaignSpec } from '../src/campaigns/spec.js';
import { loadConfig } from '../src/config.js';
import { buildHttpApp } from '../src/http/app.js';
import { formatToken } from '../src/store/api-key-repository.js';
import { loadFromChild } from './support.js';

const seconds = process.env.BENCH_SECONDS ?? '8';
const out = (line: string) => process.stdout.write(`${line}\n`);

/** The spec as it was before questions: no questions, no scam ids, no ladder, no presentations. */
function withoutQuestions(spec: CampaignSpec): CampaignSpec {
  const { ladder: _ladder, presentations: _presentations, ...rest } = spec;
  const content = Object.fromEntries(
    Object.entries(spec.content).map(([locale, localized]) => {
      const { questions: _questions, ...plain } = localized;
      return [locale, { ...plain, commonScams: plain.commonScams.map(({ id: _id, ...scam }) => scam) }];
    }),
  );
  return { ...rest, content };
}

const dir = mkdtempSync(join(tmpdir(), 'caveat-bench-questions-'));
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
const live = caveat.snapshots.snapshot.campaigns.get('HK')?.[0];
if (!live?.spec.content['zh-Hant']?.questions) throw new Error('the HK demo campaign asks no questions');
const questioned = live.spec;
const plain = withoutQuestions(questioned);
const use = (spec: CampaignSpec) => {
  live.spec = spec;
};
/** The size of one warned decision's answer (a user outside the holdout). */
const bytes = async () => {
  let userRef = '';
  for (let i = 0; !userRef; i += 1)
    if (assign(questioned.experiment, `bytes-${run}-${i}`).arm === 'treatment') userRef = `bytes-${run}-${i}`;
  run += 1;
  const response = await fetch(`${url}/v1/screenings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      idempotencyKey: `bytes-${userRef}`,
      userRef,
      jurisdiction: 'HK',
      locale: 'zh-Hant-HK',
      asset: 'USDT',
      network: 'ETH',
      amount: '500',
      amountUsd: 500,
      destination: {
        address: '0x52908400098527886E0F7030069857D2E4169EE7',
        isNew: true,
        isWhitelisted: false,
      },
      account: { ageDays: 90 },
    }),
  });
  return (await response.text()).length;
};
let run = 0;
const loadOnce = async () => (await loadFromChild([url, token, seconds, '50', 'ETH'])).requestsPerSecond;
await loadOnce(); // warm-up
const rates = { plain: [] as number[], questioned: [] as number[] };
for (let round = 0; round < 3; round += 1) {
  use(plain);
  rates.plain.push(await loadOnce());
  use(questioned);
  rates.questioned.push(await loadOnce());
}
use(plain);
const plainBytes = await bytes();
use(questioned);
const questionedBytes = await bytes();
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
for (let round = 0; round < 3; round += 1)
  out(
    `round ${round + 1}: ${rates.plain[round]!.toFixed(0)} req/s today's campaign, ${rates.questioned[round]!.toFixed(0)} req/s questioned campaign`,
  );
out(`response size: ${plainBytes} B today's, ${questionedBytes} B questioned (zh-Hant)`);
out(
  `screening endpoint (PGlite): ${mean(rates.plain).toFixed(0)} vs ${mean(rates.questioned).toFixed(0)} req/s → ${((100 * mean(rates.questioned)) / mean(rates.plain)).toFixed(1)}% with the questioned campaign`,
);
await app.close();
await caveat.close();
rmSync(dir, { recursive: true, force: true });
