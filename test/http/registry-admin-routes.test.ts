import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/store/audit-repository.js';
import { hkPolice } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

// The routes the console's official-channel, indicator and relay-policy pages read and write.
describe.each(storeKinds)(
  'official channels, indicator search and relay policy versions on $name',
  (kind) => {
    let h: Harness;
    const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
      h.app.inject({ method, url, headers: bearer(h.keys.admin), ...(payload ? { payload } : {}) });

    beforeAll(async () => {
      h = await startHarness(await kind.open());
    }, 60_000);
    afterAll(async () => h?.close());

    it('reads a national phone number in the jurisdiction given, lists it and removes it', async () => {
      const bare = await call('POST', '/v1/admin/official-channels', {
        brand: 'HK Police',
        value: '2860 2000',
      });
      expect(bare.statusCode).toBe(422);
      expect(bare.json().errors[0].field).toBe('body/value');

      const added = await call('POST', '/v1/admin/official-channels', {
        brand: 'Hong Kong Police Force [Demo]',
        value: '2860 2000',
        jurisdiction: 'HK',
      });
      expect(added.statusCode).toBe(201);
      const key = added.json().key as string;
      expect(key).toMatch(/^phone:\+852/);
      expect(
        (
          await h.app.inject({
            method: 'GET',
            url: `/v1/lookup?q=%2B852%2028602000`,
            headers: bearer(h.keys.exchange),
          })
        ).json().verdict,
      ).toBe('official');

      const unknownJurisdiction = await call('POST', '/v1/admin/official-channels', {
        brand: 'x',
        value: '2860 2000',
        jurisdiction: 'ZZ',
      });
      expect(unknownJurisdiction.statusCode).toBe(422);
      expect(unknownJurisdiction.json().errors[0].field).toBe('body/jurisdiction');

      const list = await call('GET', '/v1/admin/official-channels');
      expect(list.statusCode).toBe(200);
      expect(list.json().channels).toContainEqual(
        expect.objectContaining({ key, brand: 'Hong Kong Police Force [Demo]', kind: 'phone' }),
      );

      const removed = await call('DELETE', `/v1/admin/official-channels/${encodeURIComponent(key)}`);
      expect(removed.statusCode).toBe(204);
      const again = await call('DELETE', `/v1/admin/official-channels/${encodeURIComponent(key)}`);
      expect(again.statusCode).toBe(404);
      expect(again.json().errors[0].field).toBe('params/key');
      expect((await call('GET', '/v1/admin/official-channels')).json().channels).not.toContainEqual(
        expect.objectContaining({ key }),
      );
      const audit = await listAudit(h.caveat.db, { entity: 'official_channel', entityId: key, limit: 10 });
      expect(audit.map((a) => a.action).sort()).toEqual(['delete', 'put']);
    });

    it("keeps a jurisdiction's own channels apart: Singapore's ScamShield 1799 is official there and listed for SG only", async () => {
      const sg = await call('POST', '/v1/admin/jurisdictions', {
        code: 'SG',
        name: 'Singapore',
        defaultLocale: 'en',
        locales: ['en', 'zh-Hans'],
      });
      expect(sg.statusCode).toBe(201);
      const scamShield = await call('POST', '/v1/admin/official-channels', {
        brand: 'ScamShield [Demo]',
        value: '1799',
        jurisdiction: 'SG',
        domains: ['scamshield.gov.sg'],
      });
      expect(scamShield.statusCode).toBe(201);
      expect(scamShield.json()).toMatchObject({ key: 'phone:short:SG:1799', display: '1799' });
      const exchangeOwn = await call('POST', '/v1/admin/official-channels', {
        brand: 'Example Exchange [Demo]',
        value: 'registry-own.example',
      });
      expect(exchangeOwn.statusCode).toBe(201);

      const lookup = async (q: string, jurisdiction: string) =>
        (
          await h.app.inject({
            method: 'GET',
            url: `/v1/lookup?q=${encodeURIComponent(q)}&jurisdiction=${jurisdiction}`,
            headers: bearer(h.keys.exchange),
          })
        ).json();
      expect(await lookup('1799', 'SG')).toMatchObject({
        verdict: 'official',
        official: { brand: 'ScamShield [Demo]', jurisdiction: 'SG' },
      });
      expect(await lookup('www.scamshield.gov.sg', 'SG')).toMatchObject({
        verdict: 'official',
        official: { jurisdiction: 'SG', via: 'official_domain' },
      });
      // The same four digits dialled in Hong Kong are another number, not ScamShield.
      expect((await lookup('1799', 'HK')).verdict).not.toBe('official');

      const keysFor = async (jurisdiction: string) =>
        (
          (await call('GET', `/v1/admin/official-channels?jurisdiction=${jurisdiction}`)).json().channels as {
            key: string;
            jurisdiction?: string;
          }[]
        ).map((c) => c.key);
      const forSingapore = await keysFor('SG');
      expect(forSingapore).toEqual(
        expect.arrayContaining([
          'phone:short:SG:1799',
          'domain:scamshield.gov.sg',
          'domain:registry-own.example',
        ]),
      );
      const forHongKong = await keysFor('HK');
      expect(forHongKong).toContain('domain:registry-own.example');
      expect(forHongKong).not.toContain('phone:short:SG:1799');
      expect(forHongKong).not.toContain('domain:scamshield.gov.sg');
      const bad = await call('GET', '/v1/admin/official-channels?jurisdiction=singapore');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toMatch(/jurisdiction/);
    });

    it('searches indicators by part of their value, in pages, with LIKE wildcards taken literally', async () => {
      const rows = [
        'value,scamType',
        'search-one.example,phishing',
        'search-two.example,phishing',
        'other.example,phishing',
      ];
      const imported = await call('POST', '/v1/admin/indicators/import', {
        format: 'csv',
        feed: 'search-test',
        content: rows.join('\n'),
      });
      expect(imported.statusCode).toBe(200);
      const r1 = await call('GET', '/v1/admin/indicators?q=SEARCH-&limit=1');
      const page1 = r1.json();
      expect(page1.total).toBe(2);
      expect(page1.indicators).toHaveLength(1);
      const page2 = (await call('GET', '/v1/admin/indicators?q=search-&limit=1&offset=1')).json();
      expect(page2.indicators).toHaveLength(1);
      expect(page2.indicators[0].key).not.toBe(page1.indicators[0].key);
      expect((await call('GET', '/v1/admin/indicators?q=%25')).json().total).toBe(0);

      await call('POST', '/v1/admin/indicators/expire', { value: 'search-one.example' });
      const one = (await call('GET', '/v1/admin/indicators?q=search-one')).json().indicators[0];
      expect(one).toMatchObject({ display: 'search-one.example', expired: true });
      expect((await call('GET', '/v1/admin/indicators?limit=500')).statusCode).toBe(400);
      // What PostgreSQL cannot store is refused before it gets there.
      for (const url of ['/v1/admin/indicators?q=%00']) expect((await call('GET', url)).statusCode).toBe(400);
      expect((await call('DELETE', '/v1/admin/official-channels/a%00b')).statusCode).toBe(400);
    });

    it("lists every partner's policy versions, newest first", async () => {
      const policy = (retentionDays: number) => ({
        jurisdictions: ['HK'],
        triggers: { decisions: ['warn'], outcomes: [], onlyReportedDestinations: false },
        fields: ['decisionId', 'jurisdiction'],
        retentionDays,
        delivery: { mode: 'pull', allowedHosts: [], maxConcurrency: 1 },
      });
      for (const days of [30, 90])
        expect(
          (await call('POST', `/v1/admin/partners/${hkPolice.id}/relay-policy`, policy(days))).statusCode,
        ).toBe(201);
      const listed = await call('GET', '/v1/admin/relay/policies');
      expect(listed.statusCode).toBe(200);
      const versions = (
        listed.json().policies as { partnerId: string; version: number; policy: { retentionDays: number } }[]
      ).filter((p) => p.partnerId === hkPolice.id);
      expect(versions.map((v) => [v.version, v.policy.retentionDays])).toEqual([
        [2, 90],
        [1, 30],
      ]);
      const noKey = await h.app.inject({
        method: 'GET',
        url: '/v1/admin/relay/policies',
        headers: bearer(h.keys.exchange),
      });
      expect(noKey.statusCode).toBe(403);
    });
  },
);
