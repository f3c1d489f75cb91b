/**
 * Partner relay: (1) alerts per second delivered as signed webhooks to a partner on loopback,
 * against posting the same signed requests straight to it with the same concurrency; (2) what a
 * relay policy adds to screening, endpoint throughput with a matching policy vs a non-matching one,
 * alternating, load from another process. Embedded store. Run: npm run bench:relay
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Webhook } from 'standardwebhooks';
import { startCaveat } from '../src/app/caveat.js';
import { DEMO_KEYS, seedDemo } from '../src/app/demo-seed.js';
import { assign } from '../src/campaigns/assignment.js';
import { loadConfig } from '../src/config.js';
import { demoCampaigns } from '../src/demo/campaigns.js';
import { buildHttpApp } from '../src/http/app.js';
import type { RelayPolicy } from '../src/relay/policy.js';
import { formatToken } from '../src/store/api-key-repository.js';
import { PartnerServer, until } from '../test/relay/partner-server.js';
import { benchWithdrawal, loadFromChild } from './support.js';

const alerts = Number(process.env.BENCH_ALERTS ?? 2000);
const concurrency = 8;
const out = (line: string) => process.stdout.write(`${line}\n`);
const dir = mkdtempSync(join(tmpdir(), 'caveat-bench-relay-'));
const partner = new PartnerServer();
const hookUrl = await partner.start();
const caveat = await startCaveat({
  config: loadConfig({
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    RELAY_ALLOW_PRIVATE_TARGETS: 'true',
    RELAY_RETRY_DELAY_SECONDS: '1',
  }),
  logger: pino({ level: 'silent' }),
  sweep: false,
});
await seedDemo(caveat, pino({ level: 'silent' }));
const { app } = await buildHttpApp(caveat);
const url = await app.listen({ host: '127.0.0.1', port: 0 });
const token = formatToken(DEMO_KEYS.exchange.id, DEMO_KEYS.exchange.secret);
const policy = (jurisdictions: string[], mode: 'webhook' | 'pull'): RelayPolicy => ({
  jurisdictions,
  triggers: { decisions: ['warn', 'hold'], outcomes: [], onlyReportedDestinations: false },
  fields: ['decisionId', 'decision', 'jurisdiction', 'amountBand', 'userPseudonym'],
  retentionDays: 30,
  delivery: { mode, url: hookUrl, allowedHosts: ['127.0.0.1'], maxConcurrency: concurrency },
});

// 1. Delivery throughput.
await caveat.relayStore.publishPolicy('mo-judiciary-police', policy(['MO'], 'webhook'), 'bench');
await caveat.relay.reload();
partner.secrets = (await caveat.relayStore.current()).find(
  (p) => p.partnerId === 'mo-judiciary-police',
)!.webhookSecrets;
const experiment = demoCampaigns.find((c) => c.id === 'mo-joint-anti-scam')!.spec.experiment;
// The partner holds its answers while the alerts are made, so what is timed is the backlog draining.
partner.pause();
let made = 0;
for (let i = 0; made < alerts; i += 1) {
  const request = benchWithdrawal('relay', i, { jurisdiction: 'MO', locale: 'pt-MO' });
  if (assign(experiment, request.userRef).arm !== 'treatment') continue;
  await app.inject({
    method: 'POST',
    url: '/v1/screenings',
    headers: { authorization: `Bearer ${token}` },
    payload: request,
  });
  made += 1;
}
const started = performance.now();
partner.resume();
await until(() => partner.received.size >= alerts, 600_000);
const relaySeconds = (performance.now() - started) / 1000;

const direct = new PartnerServer();
const directUrl = await direct.start();
direct.secrets = partner.secrets;
const body = JSON.stringify({ type: 'caveat.alert.decision', data: { decisionId: 'x' } });
const directStart = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < alerts; i = next++) {
      const id = `direct-${i}`;
      const now = new Date();
      await fetch(directUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': new Webhook(partner.secrets[0]!).sign(id, now, body),
        },
        body,
      }).then((r) => r.arrayBuffer());
    }
  }),
);
const directSeconds = (performance.now() - directStart) / 1000;
await direct.stop();
out(
  `delivery: ${alerts} alerts in ${relaySeconds.toFixed(1)} s = ${(alerts / relaySeconds).toFixed(0)} alerts/s through pg-boss (${concurrency} workers); posting the same signed requests directly: ${(alerts / directSeconds).toFixed(0)} req/s → ${((100 * directSeconds) / relaySeconds).toFixed(1)}%`,
);

// 2. What a matching policy adds to screening (HK withdrawals; alerts go to the pull feed).
const loadOnce = async () => (await loadFromChild([url, token, '8', '50', 'TRON'])).requestsPerSecond;
const setPolicy = async (jurisdictions: string[]) => {
  await caveat.relayStore.publishPolicy('hk-police-cstcb', policy(jurisdictions, 'pull'), 'bench');
  await caveat.relay.reload();
};
await setPolicy(['ZZ']);
await loadOnce(); // warm-up
const rates = { off: [] as number[], on: [] as number[] };
for (let round = 0; round < 2; round += 1) {
  await setPolicy(['ZZ']);
  rates.off.push(await loadOnce());
  await setPolicy(['HK']);
  rates.on.push(await loadOnce());
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
out(
  `screening endpoint: ${mean(rates.off).toFixed(0)} req/s with no matching policy, ${mean(rates.on).toFixed(0)} req/s with a policy alerting on every warning → ${((100 * mean(rates.on)) / mean(rates.off)).toFixed(1)}%`,
);
await app.close();
await caveat.close();
await partner.stop();
rmSync(dir, { recursive: true, force: true });
