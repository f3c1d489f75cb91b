import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign } from '../../src/campaigns/assignment.js';
import type { RelayPolicy } from '../../src/relay/policy.js';
import { moSpec, withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';
import { PartnerServer, until } from './partner-server.js';

const policy = (url: string, overrides: Partial<RelayPolicy> = {}): RelayPolicy => ({
  jurisdictions: ['MO'],
  triggers: { decisions: ['warn', 'hold'], outcomes: ['proceeded'], onlyReportedDestinations: false },
  fields: ['decisionId', 'decision', 'jurisdiction', 'amountBand', 'userPseudonym'],
  retentionDays: 30,
  delivery: { mode: 'webhook', url, allowedHosts: ['127.0.0.1'], maxConcurrency: 2 },
  ...overrides,
});

function treatmentUsers(n: number, salt: string): string[] {
  const users: string[] = [];
  for (let i = 0; users.length < n; i += 1)
    if (assign(moSpec().experiment, `${salt}-${i}`).arm === 'treatment') users.push(`${salt}-${i}`);
  return users;
}

describe.each(storeKinds)('partner relay on $name', (kind) => {
  let h: Harness;
  const partner = new PartnerServer();
  let url: string;
  const screen = (userRef: string) =>
    h.app.inject({
      method: 'POST',
      url: '/v1/screenings',
      headers: bearer(h.keys.exchange),
      payload: withdrawal({ jurisdiction: 'MO', locale: 'pt-MO', userRef }),
    });
  const admin = (method: 'GET' | 'POST', path: string, payload?: object) =>
    h.app.inject({ method, url: path, headers: bearer(h.keys.admin), ...(payload ? { payload } : {}) });
  const alertIds = async (partnerId: string) =>
    (
      await h.caveat.db.query<{ id: string }>('SELECT id FROM relay_alerts WHERE partner_id = $1', [
        partnerId,
      ])
    ).map((r) => r.id);

  beforeAll(async () => {
    url = await partner.start();
    h = await startHarness(await kind.open(), {
      relayDelivery: true,
      env: {
        RELAY_ALLOW_PRIVATE_TARGETS: 'true',
        RELAY_RETRY_DELAY_SECONDS: '1',
        RELAY_RETRY_LIMIT: '3',
        RELAY_ATTEMPT_EXPIRE_SECONDS: '5',
      },
    });
    for (const id of ['mo-pj', 'mo-other'])
      await h.caveat.campaigns.putPartner(
        { id, name: id, jurisdiction: 'MO', kind: 'police', website: null },
        'test',
      );
    const published = await admin('POST', '/v1/admin/partners/mo-pj/relay-policy', policy(url));
    expect(published.statusCode).toBe(201);
    partner.secrets = (await h.caveat.relayStore.current()).find(
      (p) => p.partnerId === 'mo-pj',
    )!.webhookSecrets;
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await partner.stop();
  });

  it('refuses a policy whose webhook host is not allowed, naming the field', async () => {
    const response = await admin(
      'POST',
      '/v1/admin/partners/mo-pj/relay-policy',
      policy('http://10.0.0.8/x'),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].field).toBe('body/delivery/url');
  });

  it('delivers every alert exactly once through 500s and connection resets, signed and within policy', async () => {
    partner.faults = ['error500', 'reset', 'error500', 'reset', 'error500'];
    const users = treatmentUsers(12, `relay-${kind.name}`);
    for (const user of users) expect((await screen(user)).json().decision).toBe('warn');
    const expected = await alertIds('mo-pj');
    expect(expected).toHaveLength(12);
    // Retries back off; on a loaded 2-core CI box the five faults can take well over half a minute.
    await until(() => partner.received.size === 12, 80_000);
    expect([...partner.received.keys()].sort()).toEqual([...expected].sort());
    expect(partner.badSignatures).toBe(0);
    for (const body of partner.received.values()) {
      const payload = body as { data: Record<string, unknown>; policy: { version: number } };
      expect(Object.keys(payload.data).sort()).toEqual([
        'amountBand',
        'decision',
        'decisionId',
        'jurisdiction',
        'userPseudonym',
      ]);
      expect(JSON.stringify(payload)).not.toMatch(/relay-(pglite|postgres)-\d+/);
      expect(payload.policy.version).toBe(1);
    }
    await until(
      async () => (await h.caveat.relayStore.list({ partnerId: 'mo-pj', state: 'delivered' })).length === 12,
      10_000,
    );
    const log = (await admin('GET', `/v1/admin/relay/alerts/${expected[0]}/deliveries`)).json().deliveries;
    expect(log.at(-1)).toMatchObject({ result: 'delivered', statusCode: 204 });
  }, 120_000);

  it('dead-letters after the last retry while the partner is down, and replays when it is back', async () => {
    partner.down = true;
    const [user] = treatmentUsers(1, `dead-${kind.name}`);
    await screen(user!);
    const before = new Set(partner.received.keys());
    await until(
      async () => (await h.caveat.relayStore.list({ partnerId: 'mo-pj', state: 'dead' })).length === 1,
      40_000,
    );
    const [dead] = await h.caveat.relayStore.list({ partnerId: 'mo-pj', state: 'dead' });
    const attempts = (await admin('GET', `/v1/admin/relay/alerts/${dead!.id}/deliveries`)).json().deliveries;
    expect(attempts).toHaveLength(4);
    expect(attempts.every((a: { result: string }) => a.result === 'failed')).toBe(true);
    partner.down = false;
    expect((await admin('POST', `/v1/admin/relay/alerts/${dead!.id}/replay`)).statusCode).toBe(202);
    await until(() => partner.received.size === before.size + 1, 20_000);
    expect(partner.received.has(dead!.id)).toBe(true);
  }, 60_000);

  it('keeps delivering to the old secret during a rotation', async () => {
    const rotated = (await admin('POST', '/v1/admin/partners/mo-pj/webhook-secret')).json().secret as string;
    partner.secrets = [partner.secrets[0]!]; // the partner has not installed the new secret yet
    const [user] = treatmentUsers(1, `rotate-${kind.name}`);
    const size = partner.received.size;
    await screen(user!);
    await until(() => partner.received.size === size + 1, 20_000);
    partner.secrets = [rotated]; // and now only the new one
    const [next] = treatmentUsers(1, `rotated-${kind.name}`);
    await screen(next!);
    await until(() => partner.received.size === size + 2, 20_000);
    expect(partner.badSignatures).toBe(0);
  }, 60_000);

  it('serves a pull feed with a stable cursor, to that partner only', async () => {
    await admin(
      'POST',
      '/v1/admin/partners/mo-other/relay-policy',
      policy(url, {
        delivery: { mode: 'pull', allowedHosts: [], maxConcurrency: 1 },
        fields: ['decisionId'],
      }),
    );
    const key = (
      await h.caveat.apiKeys.create(
        { name: 'mo-other feed', scopes: ['partner'], partnerId: 'mo-other' },
        'test',
      )
    ).token;
    for (const user of treatmentUsers(3, `pull-${kind.name}`)) await screen(user);
    const first = (
      await h.app.inject({ method: 'GET', url: '/v1/partner/alerts?limit=2', headers: bearer(key) })
    ).json();
    expect(first.alerts).toHaveLength(2);
    const again = (
      await h.app.inject({ method: 'GET', url: '/v1/partner/alerts?limit=2', headers: bearer(key) })
    ).json();
    expect(again.alerts.map((a: { id: string }) => a.id)).toEqual(
      first.alerts.map((a: { id: string }) => a.id),
    );
    const rest = (
      await h.app.inject({
        method: 'GET',
        url: `/v1/partner/alerts?cursor=${first.nextCursor}`,
        headers: bearer(key),
      })
    ).json();
    expect(rest.alerts).toHaveLength(1);
    expect(
      [...first.alerts, ...rest.alerts].every((a: { partnerId: string }) => a.partnerId === 'mo-other'),
    ).toBe(true);
    const exchangeKey = await h.app.inject({
      method: 'GET',
      url: '/v1/partner/alerts',
      headers: bearer(h.keys.exchange),
    });
    expect(exchangeKey.statusCode).toBe(403);
  });
});
