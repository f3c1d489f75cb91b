import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo-seed.js';
import { assign } from '../../src/campaigns/assignment.js';
import { demoCampaigns } from '../../src/demo/campaigns.js';
import { withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const REPORTED = 'TB71wT152mrwnUrZFSa1cVP7a5tRuYkrCN'; // demo indicator: high risk, 14 reports, HK
const csv = (rows: string[]) =>
  ['value,network,scamType,riskLevel,reportCount,jurisdictions,id', ...rows].join('\n');

describe.each(storeKinds)('scam intelligence over HTTP on $name', (kind) => {
  let h: Harness;
  const get = (url: string, token = h.keys.exchange) =>
    h.app.inject({ method: 'GET', url, headers: bearer(token) });
  const importFile = (body: object) =>
    h.app.inject({
      method: 'POST',
      url: '/v1/admin/indicators/import',
      headers: bearer(h.keys.admin),
      payload: body,
    });
  const count = async () =>
    (await h.caveat.db.query<{ n: number }>('SELECT count(*)::int AS n FROM indicators'))[0]?.n;

  beforeAll(async () => {
    h = await startHarness(await kind.open(), { seed: false, env: { PUBLIC_LOOKUP_PER_MINUTE: '3' } });
    await seedDemo(h.caveat, pino({ level: 'silent' }));
  });
  afterAll(async () => h.close());

  it('answers official, reported scam, suspicious lookalike and unknown', async () => {
    expect((await get('/v1/lookup?q=https://accounts.binance.com/login')).json()).toMatchObject({
      verdict: 'official',
      official: { brand: '[Demo] Binance', via: 'official_domain' },
    });
    expect((await get(`/v1/lookup?q=${REPORTED}`)).json()).toMatchObject({
      verdict: 'reported_scam',
      report: { riskLevel: 'high', scamType: 'investment', reportCount: 14, jurisdictions: ['HK'] },
    });
    const lookalike = (await get('/v1/lookup?q=binance-verify-support.com')).json();
    expect(lookalike).toMatchObject({
      verdict: 'suspicious_lookalike',
      lookalike: { imitates: 'binance.com' },
    });
    expect(lookalike.lookalike.reasons[0]).toMatch(/brand name/);
    expect((await get('/v1/lookup?q=x:@binance_helpdesk')).json()).toMatchObject({
      verdict: 'suspicious_lookalike',
    });
    expect((await get('/v1/lookup?q=example.org')).json()).toMatchObject({ verdict: 'unknown' });
    const bad = await get('/v1/lookup?q=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'querystring/q' });
    expect(bad.json().errors[0].message).toMatch(/EIP-55/);
  });

  it('holds a withdrawal to a reported address and says why', async () => {
    const campaign = demoCampaigns.find((c) => c.id === 'hk-joint-anti-scam')!;
    let user = 'u0';
    for (let i = 0; assign(campaign.spec.experiment, user).arm !== 'holdout'; i += 1) user = `u${i}`;
    // Even a holdout user is not left unwarned when the address is a reported scam.
    const response = await h.app.inject({
      method: 'POST',
      url: '/v1/screenings',
      headers: bearer(h.keys.exchange),
      payload: withdrawal({
        userRef: user,
        destination: { address: REPORTED, isNew: true, isWhitelisted: false },
      }),
    });
    const body = response.json();
    expect(body.decision).toBe('hold');
    expect(body.reasons[0]).toMatchObject({ code: 'destination_reported' });
    expect(body.reasons[0].message).toMatch(/reported 14 times as an investment scam in HK/);
  });

  it('rejects a file with bad rows naming each, importing nothing', async () => {
    const before = await count();
    const response = await importFile({
      format: 'csv',
      feed: 'police-hk',
      content: csv([
        'evil-exchange-login.com,,phishing,high,2,HK,r1',
        '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD,ETH,investment,high,1,HK,r2',
        'TB71wT152mrwnUrZFSa1cVP7a5tRuYkrCN,BTC,investment,extreme,0,HKG,r3',
      ]),
    });
    expect(response.statusCode).toBe(422);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body/content/row 2/value',
        'body/content/row 3/value',
        'body/content/row 3/riskLevel',
        'body/content/row 3/reportCount',
        'body/content/row 3/jurisdictions',
      ]),
    );
    expect(fields.some((f: string) => f.startsWith('body/content/row 1/'))).toBe(false);
    expect(await count()).toBe(before);
  });

  it('merges a partner feed incrementally: re-sending the same entries changes nothing', async () => {
    const file = {
      format: 'csv',
      feed: 'police-mo',
      content: csv(['evil-exchange-login.com,,phishing,high,2,MO,a1']),
    };
    expect((await importFile(file)).json()).toMatchObject({ merged: 1, skipped: 0 });
    expect((await importFile(file)).json()).toMatchObject({ merged: 0, skipped: 1 });
    const next = { ...file, content: csv(['evil-exchange-login.com,,phishing,critical,3,HK,a2']) };
    expect((await importFile(next)).json()).toMatchObject({ merged: 1 });
    expect((await get('/v1/lookup?q=https://evil-exchange-login.com/verify')).json().report).toMatchObject({
      reportCount: 5,
      riskLevel: 'critical',
      jurisdictions: ['HK', 'MO'],
      matched: 'domain:evil-exchange-login.com',
    });
  });

  it('exports STIX 2.1 that imports back to the same answers', async () => {
    const exported = await get('/v1/admin/indicators/export?format=stix', h.keys.admin);
    const bundle = exported.json();
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects.every((o: { spec_version: string }) => o.spec_version === '2.1')).toBe(true);
    const other = await startHarness(await kind.open(), { seed: false });
    try {
      const response = await other.app.inject({
        method: 'POST',
        url: '/v1/admin/indicators/import',
        headers: bearer(other.keys.admin),
        payload: { format: 'stix', feed: 'roundtrip', content: exported.body },
      });
      expect(response.statusCode).toBe(200);
      const answer = (
        await other.app.inject({
          method: 'GET',
          url: `/v1/lookup?q=${REPORTED}`,
          headers: bearer(other.keys.exchange),
        })
      ).json();
      expect(answer.report).toMatchObject({ reportCount: 14, riskLevel: 'high', scamType: 'investment' });
    } finally {
      await other.close();
    }
  });

  it('expires an indicator, after which it no longer holds withdrawals', async () => {
    const expire = await h.app.inject({
      method: 'POST',
      url: '/v1/admin/indicators/expire',
      headers: bearer(h.keys.admin),
      payload: { value: 'TBnahKLPnFWhuCjj5FqaR4J3yMk8iuLR1K', network: 'TRC20' },
    });
    expect(expire.json()).toEqual({ key: 'tron:TBnahKLPnFWhuCjj5FqaR4J3yMk8iuLR1K', expired: true });
    expect((await get('/v1/lookup?q=TBnahKLPnFWhuCjj5FqaR4J3yMk8iuLR1K')).json().verdict).toBe('unknown');
  });

  it('rate-limits the public lookup per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push((await h.app.inject({ method: 'GET', url: '/public/lookup?q=binance.com' })).statusCode);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });
});
