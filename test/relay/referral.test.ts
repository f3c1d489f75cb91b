import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALERT_FIELDS,
  policyProblems,
  REFERRAL_FIELDS,
  type PolicyField,
  type RelayPolicy,
} from '../../src/relay/policy.js';
import { referralData, takesReferral, type Referral } from '../../src/relay/referral.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';
import { PartnerServer, until } from './partner-server.js';

const ALL_FIELDS: PolicyField[] = [...ALERT_FIELDS, ...REFERRAL_FIELDS];

const referral = (overrides: Partial<Referral> = {}): Referral => ({
  clusterId: 'clu_1',
  category: 'investment',
  scamType: 'investment',
  identifiers: [{ kind: 'tron', display: 'TB71wT152mrwnUrZFSa1cVP7a5tRuYkrCN' }],
  reportCount: 3,
  totalLossUsd: 12_500,
  lossByAsset: [{ asset: 'USDT', amount: '12500' }],
  firstSeen: '2026-11-01T08:00:00.000Z',
  lastSeen: '2026-11-20T08:00:00.000Z',
  jurisdictions: ['MO'],
  reporters: [
    { consented: true, contact: { name: 'Consenting Reporter', email: 'yes@example.org' } },
    { consented: false, contact: { name: 'Private Reporter', phone: '+85312345678' } },
    { consented: false },
  ],
  ...overrides,
});

const policy = (fields: PolicyField[], overrides: Partial<RelayPolicy> = {}): RelayPolicy => ({
  jurisdictions: ['MO'],
  triggers: { decisions: [], outcomes: [], onlyReportedDestinations: false, referrals: true },
  fields,
  retentionDays: 30,
  delivery: { mode: 'pull', allowedHosts: [], maxConcurrency: 1 },
  ...overrides,
});

/** Contact strings chosen so that finding one in a body can only mean it was sent. */
const contactArbitrary = fc.record(
  {
    name: fc.string({ minLength: 1 }).map((s) => `name:${s}`),
    email: fc.string({ minLength: 1 }).map((s) => `email:${s}`),
    phone: fc.string({ minLength: 1 }).map((s) => `phone:${s}`),
  },
  { requiredKeys: [] },
);
const referralArbitrary: fc.Arbitrary<Referral> = fc.record({
  clusterId: fc.string({ minLength: 1 }),
  category: fc.string(),
  scamType: fc.string(),
  identifiers: fc.array(fc.record({ kind: fc.string(), display: fc.string() }), { maxLength: 5 }),
  reportCount: fc.nat(),
  totalLossUsd: fc.option(fc.double({ min: 0, max: 1e10, noNaN: true }), { nil: null }),
  lossByAsset: fc.array(fc.record({ asset: fc.string(), amount: fc.string() }), { maxLength: 3 }),
  firstSeen: fc.string(),
  lastSeen: fc.string(),
  jurisdictions: fc.array(fc.constantFrom('MO', 'HK', 'GB'), { maxLength: 3 }),
  reporters: fc.array(
    fc.record({ consented: fc.boolean(), contact: fc.option(contactArbitrary, { nil: undefined }) }),
    { maxLength: 6 },
  ),
});

describe('referral payload', () => {
  it('for any referral and any policy: no field outside the policy, no contact without consent', () => {
    fc.assert(
      fc.property(
        fc.subarray(ALL_FIELDS, { minLength: 1 }),
        referralArbitrary,
        fc.boolean(),
        (fields, random, referrals) => {
          const allowed = policy(fields, {
            triggers: { decisions: [], outcomes: [], onlyReportedDestinations: false, referrals },
          });
          const data = referralData(allowed, random);
          const body = JSON.stringify(data);
          const keys = Object.keys(data);
          const fieldsKept = keys.every((key) => fields.includes(key as PolicyField));
          const everyReferralFieldSent =
            keys.length === fields.filter((f) => (REFERRAL_FIELDS as readonly string[]).includes(f)).length;
          const contacts = random.reporters.flatMap((r) =>
            r.contact ? Object.values(r.contact).map((value) => ({ value, consented: r.consented })) : [],
          );
          // A contact value of a reporter who did not consent must never appear (unless the very
          // same string is also a consenting reporter's, which then may be sent).
          const consentedValues = new Set(contacts.filter((c) => c.consented).map((c) => c.value));
          const noUnconsented = contacts
            .filter((c) => !c.consented && !consentedValues.has(c.value))
            .every((c) => !body.includes(JSON.stringify(c.value)));
          const noContactWithoutField =
            fields.includes('reporterContact') ||
            contacts.every((c) => !body.includes(JSON.stringify(c.value)));
          return fieldsKept && everyReferralFieldSent && noUnconsented && noContactWithoutField;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('sends only consenting reporters, bands the total loss and never the sum', () => {
    const data = referralData(
      policy(['clusterId', 'reporterContact', 'totalLossBand', 'reportCount']),
      referral(),
    );
    expect(data).toEqual({
      clusterId: 'clu_1',
      reporterContact: [{ name: 'Consenting Reporter', email: 'yes@example.org' }],
      totalLossBand: '10k+',
      reportCount: 3,
    });
    expect(JSON.stringify(data)).not.toContain('12500');
  });

  it('takes a referral only when opted in and for one of its jurisdictions', () => {
    expect(takesReferral(policy(['clusterId']), referral())).toBe(true);
    expect(takesReferral(policy(['clusterId']), referral({ jurisdictions: ['HK'] }))).toBe(false);
    const notOptedIn = policy(['clusterId'], {
      triggers: { decisions: ['hold'], outcomes: [], onlyReportedDestinations: false },
    });
    expect(takesReferral(notOptedIn, referral())).toBe(false);
    expect(policyProblems(policy(['decisionId']))).toEqual([
      { field: '/fields', message: 'takes referrals but allows no referral field' },
    ]);
    expect(policyProblems(policy(['clusterId']))).toEqual([]);
  });
});

describe.each(storeKinds)('referrals through the relay on $name', (kind) => {
  let h: Harness;
  const partner = new PartnerServer();
  let url: string;
  const admin = (path: string, payload: object) =>
    h.app.inject({ method: 'POST', url: path, headers: bearer(h.keys.admin), payload });
  const refer = (value: Referral, partnerId?: string) =>
    h.caveat.db.transaction((tx) => h.caveat.relay.referCluster(tx, value, partnerId));

  beforeAll(async () => {
    url = await partner.start();
    h = await startHarness(await kind.open(), {
      relayDelivery: true,
      env: { RELAY_ALLOW_PRIVATE_TARGETS: 'true', RELAY_RETRY_DELAY_SECONDS: '1', RELAY_RETRY_LIMIT: '3' },
    });
    for (const id of ['mo-webhook', 'mo-pull', 'mo-no-referrals'])
      await h.caveat.campaigns.putPartner(
        { id, name: id, jurisdiction: 'MO', kind: 'police', website: null },
        'test',
      );
    const webhook = policy(['clusterId', 'category', 'identifiers', 'reportCount', 'reporterContact'], {
      delivery: { mode: 'webhook', url, allowedHosts: ['127.0.0.1'], maxConcurrency: 2 },
    });
    expect((await admin('/v1/admin/partners/mo-webhook/relay-policy', webhook)).statusCode).toBe(201);
    expect(
      (await admin('/v1/admin/partners/mo-pull/relay-policy', policy(['clusterId', 'scamType', 'lastSeen'])))
        .statusCode,
    ).toBe(201);
    const decisionsOnly = policy(['decisionId', 'clusterId'], {
      triggers: { decisions: ['hold'], outcomes: [], onlyReportedDestinations: false },
    });
    expect((await admin('/v1/admin/partners/mo-no-referrals/relay-policy', decisionsOnly)).statusCode).toBe(
      201,
    );
    partner.secrets = (await h.caveat.relayStore.current()).find(
      (p) => p.partnerId === 'mo-webhook',
    )!.webhookSecrets;
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await partner.stop();
  });

  it('delivers a signed referral to the webhook partner with only its fields, consented contact only', async () => {
    const { alertIds } = await refer(referral({ clusterId: `clu_webhook_${kind.name}` }), 'mo-webhook');
    expect(alertIds).toHaveLength(1);
    await until(() => partner.received.has(alertIds[0]!), 20_000);
    const body = partner.received.get(alertIds[0]!) as { type: string; data: Record<string, unknown> };
    expect(body.type).toBe('caveat.alert.referral');
    expect(Object.keys(body.data).sort()).toEqual(
      ['category', 'clusterId', 'identifiers', 'reportCount', 'reporterContact'].sort(),
    );
    expect(body.data.reporterContact).toEqual([{ name: 'Consenting Reporter', email: 'yes@example.org' }]);
    expect(JSON.stringify(body)).not.toContain('Private Reporter');
    expect(partner.badSignatures).toBe(0);
    // The partner has the body before the worker records the delivery: wait for that, not for a moment.
    await until(async () => (await h.caveat.relayStore.alert(alertIds[0]!))?.state === 'delivered', 10_000);
    const stored = await h.caveat.relayStore.alert(alertIds[0]!);
    expect(stored).toMatchObject({ trigger: 'referral', decisionId: null, state: 'delivered' });
    expect(stored?.clusterId).toBe(`clu_webhook_${kind.name}`);
  }, 30_000);

  it('goes to every opted-in partner of a jurisdiction and shows in the pull feed', async () => {
    const clusterId = `clu_all_${kind.name}`;
    const { alertIds } = await refer(referral({ clusterId, jurisdictions: ['HK', 'MO'] }));
    const partners = await h.caveat.db.query<{ partner_id: string }>(
      'SELECT partner_id FROM relay_alerts WHERE id = ANY($1::text[]) ORDER BY partner_id',
      [alertIds],
    );
    expect(partners.map((p) => p.partner_id)).toEqual(['mo-pull', 'mo-webhook']);
    const key = (
      await h.caveat.apiKeys.create(
        { name: 'mo-pull feed', scopes: ['partner'], partnerId: 'mo-pull' },
        'test',
      )
    ).token;
    const feed = (
      await h.app.inject({ method: 'GET', url: '/v1/partner/alerts', headers: bearer(key) })
    ).json();
    const alert = feed.alerts.find((a: { clusterId: string | null }) => a.clusterId === clusterId);
    expect(alert).toMatchObject({
      trigger: 'referral',
      decisionId: null,
      partnerId: 'mo-pull',
      state: 'pull',
    });
    expect(alert.payload.data).toEqual({
      clusterId,
      scamType: 'investment',
      lastSeen: '2026-11-20T08:00:00.000Z',
    });
  });

  it('sends nothing to a named partner whose policy takes no referrals, nor outside the jurisdictions', async () => {
    expect(await refer(referral({ clusterId: 'clu_none' }), 'mo-no-referrals')).toEqual({ alertIds: [] });
    expect(await refer(referral({ clusterId: 'clu_gb', jurisdictions: ['GB'] }))).toEqual({ alertIds: [] });
    const rows = await h.caveat.db.query(
      "SELECT 1 FROM relay_alerts WHERE cluster_id IN ('clu_none', 'clu_gb')",
    );
    expect(rows).toHaveLength(0);
  });

  it('writes no alert and no job when the caller rolls back', async () => {
    const clusterId = `clu_rollback_${kind.name}`;
    await expect(
      h.caveat.db.transaction(async (tx) => {
        await h.caveat.relay.referCluster(tx, referral({ clusterId }));
        throw new Error('the referring transaction failed');
      }),
    ).rejects.toThrow('the referring transaction failed');
    const rows = await h.caveat.db.query('SELECT 1 FROM relay_alerts WHERE cluster_id = $1', [clusterId]);
    expect(rows).toHaveLength(0);
  });

  it('refuses a referral alert without a cluster (one cause per alert)', async () => {
    await expect(
      h.caveat.db.query(
        `INSERT INTO relay_alerts (id, partner_id, policy_version, trigger, payload, expires_at)
         VALUES ('alt_bad', 'mo-pull', 1, 'referral', '{}', now())`,
      ),
    ).rejects.toThrow(/relay_alerts_one_cause/);
  });
});
