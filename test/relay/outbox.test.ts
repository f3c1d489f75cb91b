import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign } from '../../src/campaigns/assignment.js';
import { moSpec, withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

describe.each(storeKinds)('relay outbox on $name', (kind) => {
  let h: Harness;
  const user = (salt: string) => {
    for (let i = 0; ; i += 1)
      if (assign(moSpec().experiment, `${salt}${i}`).arm === 'treatment') return `${salt}${i}`;
  };
  const count = async (sql: string, params: string[]) =>
    (await h.caveat.db.query<{ n: number }>(sql, params))[0]?.n;

  beforeAll(async () => {
    h = await startHarness(await kind.open());
    await h.caveat.campaigns.putPartner(
      { id: 'mo-pj', name: 'MO PJ', jurisdiction: 'MO', kind: 'police', website: null },
      'test',
    );
    await h.caveat.relayStore.publishPolicy(
      'mo-pj',
      {
        jurisdictions: ['MO'],
        triggers: { decisions: ['warn'], outcomes: ['cancelled'], onlyReportedDestinations: false },
        fields: ['decisionId', 'outcome'],
        retentionDays: 7,
        delivery: { mode: 'pull', allowedHosts: [], maxConcurrency: 1 },
      },
      'test',
    );
    await h.caveat.relay.reload();
  });
  afterAll(async () => h.close());

  it('writes the alert with its decision, and neither when the transaction fails', async () => {
    const ok = (
      await h.app.inject({
        method: 'POST',
        url: '/v1/screenings',
        headers: bearer(h.keys.exchange),
        payload: withdrawal({ jurisdiction: 'MO', locale: 'pt', userRef: user('ob-ok') }),
      })
    ).json();
    expect(await count('SELECT count(*)::int AS n FROM relay_alerts WHERE decision_id = $1', [ok.id])).toBe(
      1,
    );

    // A later write in the same transaction fails: the decision and its alert must both be absent.
    const failing = withdrawal({ jurisdiction: 'MO', locale: 'pt', userRef: user('ob-fail') });
    h.caveat.recorder.addWriteHook(async (_tx, recorded) => {
      if (recorded.some((r) => r.request.idempotencyKey === failing.idempotencyKey))
        throw new Error('injected failure');
    });
    const answer = (
      await h.app.inject({
        method: 'POST',
        url: '/v1/screenings',
        headers: bearer(h.keys.exchange),
        payload: failing,
      })
    ).json();
    expect(answer.degraded).toBe(true);
    expect(
      await count('SELECT count(*)::int AS n FROM decisions WHERE idempotency_key = $1', [
        failing.idempotencyKey,
      ]),
    ).toBe(0);
    expect(
      await count('SELECT count(*)::int AS n FROM relay_alerts WHERE decision_id = $1', [answer.id]),
    ).toBe(0);
  });

  it('writes an outcome alert in the same transaction as the outcome', async () => {
    const decision = (
      await h.app.inject({
        method: 'POST',
        url: '/v1/screenings',
        headers: bearer(h.keys.exchange),
        payload: withdrawal({ jurisdiction: 'MO', locale: 'pt', userRef: user('ob-outcome') }),
      })
    ).json();
    await h.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: bearer(h.keys.exchange),
      payload: {
        events: [
          {
            id: `ev-${decision.id}`,
            decisionId: decision.id,
            type: 'cancelled',
            occurredAt: new Date().toISOString(),
          },
        ],
      },
    });
    const alerts = await h.caveat.db.query<{ trigger: string; payload: { data: { outcome: string } } }>(
      'SELECT trigger, payload FROM relay_alerts WHERE decision_id = $1 ORDER BY seq',
      [decision.id],
    );
    expect(alerts.map((a) => a.trigger)).toEqual(['decision', 'outcome']);
    expect(alerts[1]?.payload.data.outcome).toBe('cancelled');
  });
});
