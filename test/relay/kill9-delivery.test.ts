import { afterAll, describe, expect, it } from 'vitest';
import { assign } from '../../src/campaigns/assignment.js';
import { moSpec, withdrawal } from '../support/fixtures.js';
import { startHarness } from '../support/harness.js';
import { exited, startServer, storeCases } from '../support/server-process.js';
import { PartnerServer, until } from './partner-server.js';

describe.each(storeCases)('kill -9 mid-delivery ($name)', (store) => {
  const partner = new PartnerServer();
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await partner.stop();
    for (const cleanup of cleanups) await cleanup();
  });

  it('delivers every alert exactly once after a restart', { timeout: 120_000 }, async () => {
    const url = await partner.start();
    const prepared = await store.prepare();
    cleanups.push(prepared.cleanup);
    const harness = await startHarness(await prepared.db());
    await harness.caveat.campaigns.putPartner(
      { id: 'mo-pj', name: 'MO PJ', jurisdiction: 'MO', kind: 'police', website: null },
      'test',
    );
    await harness.caveat.relayStore.publishPolicy(
      'mo-pj',
      {
        jurisdictions: ['MO'],
        triggers: { decisions: ['warn'], outcomes: [], onlyReportedDestinations: false },
        fields: ['decisionId', 'userPseudonym'],
        retentionDays: 7,
        delivery: { mode: 'webhook', url, allowedHosts: ['127.0.0.1'], maxConcurrency: 2 },
      },
      'test',
    );
    partner.secrets = (await harness.caveat.relayStore.current())[0]!.webhookSecrets;
    const token = harness.keys.exchange;
    await harness.close();

    const env = {
      ...prepared.env,
      RELAY_ALLOW_PRIVATE_TARGETS: 'true',
      RELAY_RETRY_DELAY_SECONDS: '1',
      RELAY_RETRY_LIMIT: '8',
      RELAY_ATTEMPT_EXPIRE_SECONDS: '3',
    };
    // The partner hangs: every delivery is still in flight when the process dies, with no answer
    // that could reach it first.
    partner.faults = Array.from({ length: 100 }, () => 'hang' as const);
    const first = await startServer(env);
    const users: string[] = [];
    for (let i = 0; users.length < 8; i += 1)
      if (assign(moSpec().experiment, `k9r-${store.name}-${i}`).arm === 'treatment')
        users.push(`k9r-${store.name}-${i}`);
    const decisions: string[] = [];
    for (const userRef of users) {
      const response = await fetch(`${first.url}/v1/screenings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(withdrawal({ jurisdiction: 'MO', locale: 'pt-MO', userRef })),
      });
      decisions.push(((await response.json()) as { id: string }).id);
    }
    await until(() => partner.requests >= 2, 15_000);
    const died = exited(first.child);
    first.child.kill('SIGKILL');
    await died;
    expect(partner.received.size).toBe(0);

    partner.faults = [];
    const second = await startServer(env);
    try {
      await until(() => partner.received.size === decisions.length, 60_000);
      const delivered = [...partner.received.values()].map(
        (body) => (body as { data: { decisionId: string } }).data.decisionId,
      );
      expect(delivered.sort()).toEqual([...decisions].sort());
      expect(partner.badSignatures).toBe(0);
    } finally {
      const gone = exited(second.child);
      second.child.kill('SIGTERM');
      await gone;
    }
  });
});
