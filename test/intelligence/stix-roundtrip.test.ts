import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo-seed.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';
import { specExampleBundle } from './stix-examples.js';

const PARTNER_CSV = [
  'value,network,scamType,riskLevel,reportCount,jurisdictions,id',
  'evil-exchange-login.com,,phishing,high,2,HK,a1',
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed,ETH,investment,critical,5,HK;MO,a2',
  'https://evil-exchange-login.com/verify,,phishing,high,1,,a3',
  'x:@Binance_Helpdesk,,impersonation,medium,4,MO,a4',
].join('\n');

const withoutBundleId = (text: string) => text.replace(/"id": "bundle--[0-9a-f-]+"/, '"id": "bundle--…"');

describe.each(storeKinds)('STIX round trips over HTTP on $name', (kind) => {
  let h: Harness;
  let other: Harness;
  const exportStix = async (target: Harness) => {
    const response = await target.app.inject({
      method: 'GET',
      url: '/v1/admin/indicators/export?format=stix',
      headers: bearer(target.keys.admin),
    });
    expect(response.statusCode).toBe(200);
    return response.body;
  };
  const importFile = (target: Harness, format: 'stix' | 'csv', feed: string, content: string) =>
    target.app.inject({
      method: 'POST',
      url: '/v1/admin/indicators/import',
      headers: bearer(target.keys.admin),
      payload: { format, feed, content },
    });
  const counts = async (target: Harness) =>
    Object.fromEntries(
      (
        await target.caveat.db.query<{ key: string; report_count: number; revision: string }>(
          'SELECT key, report_count, revision FROM indicators ORDER BY key',
        )
      ).map((row) => [row.key, `${row.report_count}@${row.revision}`]),
    );

  beforeAll(async () => {
    h = await startHarness(await kind.open(), { seed: false });
    await seedDemo(h.caveat, pino({ level: 'silent' }));
    expect((await importFile(h, 'csv', 'police-hk', PARTNER_CSV)).statusCode).toBe(200);
    other = await startHarness(await kind.open(), { seed: false });
  });
  afterAll(async () => {
    await other?.close();
    await h?.close();
  });

  it('re-importing an instance’s own export three times changes no count (it was 14 → 28 → 42 → 84)', async () => {
    const before = await counts(h);
    expect(before['tron:TB71wT152mrwnUrZFSa1cVP7a5tRuYkrCN']).toMatch(/^14@/);
    for (let trip = 1; trip <= 3; trip += 1) {
      const response = await importFile(h, 'stix', trip === 2 ? 'another-feed' : 'self', await exportStix(h));
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ rows: 6, merged: 0, skipped: 6, keys: 0, ignored: [] });
      // Neither the counts nor even the revisions moved: nothing was written.
      expect(await counts(h)).toEqual(before);
    }
  });

  it('exports, imports elsewhere and exports again byte for byte, apart from the bundle id', async () => {
    const first = await exportStix(h);
    const response = await importFile(other, 'stix', 'from-h', first);
    expect(response.json()).toMatchObject({ rows: 6, merged: 6, skipped: 0, keys: 6 });
    const second = await exportStix(other);
    expect(second).not.toBe(first);
    expect(withoutBundleId(second)).toBe(withoutBundleId(first));
    const settled = await counts(other);
    for (let trip = 1; trip <= 3; trip += 1) {
      expect((await importFile(other, 'stix', 'from-h', await exportStix(other))).json()).toMatchObject({
        merged: 0,
        keys: 0,
      });
      expect((await importFile(other, 'stix', 'from-h', first)).json()).toMatchObject({ merged: 0, keys: 0 });
    }
    expect(await counts(other)).toEqual(settled);
    expect(withoutBundleId(await exportStix(other))).toBe(withoutBundleId(first));
  });

  it('takes a newer state of an exported indicator, once', async () => {
    await importFile(h, 'csv', 'police-hk', PARTNER_CSV.replace(',a1', ',a5').replace(',2,HK,', ',3,HK,'));
    const newer = await exportStix(h);
    expect((await importFile(other, 'stix', 'from-h', newer)).json()).toMatchObject({ merged: 1, keys: 1 });
    expect((await importFile(other, 'stix', 'from-h', newer)).json()).toMatchObject({ merged: 0, keys: 0 });
    const [row] = await other.caveat.db.query<{ report_count: number }>(
      "SELECT report_count FROM indicators WHERE key = 'domain:evil-exchange-login.com'",
    );
    expect(row?.report_count).toBe(5);
  });

  it('imports the bundle written from the spec’s examples, reporting what it ignored; re-sent, it changes nothing', async () => {
    const content = JSON.stringify(specExampleBundle);
    const first = await importFile(other, 'stix', 'acme', content);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ rows: 2, merged: 2, keys: 2 });
    expect(first.json().ignored.map((i: { type: string }) => i.type)).toEqual([
      'identity',
      'marking-definition',
      'indicator',
      'malware',
      'relationship',
      'ipv4-addr',
    ]);
    const settled = await counts(other);
    expect((await importFile(other, 'stix', 'acme', content)).json()).toMatchObject({
      merged: 0,
      skipped: 2,
    });
    expect(await counts(other)).toEqual(settled);
  });

  it('refuses a bundle with bad objects as a 422 naming each, writing nothing', async () => {
    const before = await counts(other);
    const bad = {
      type: 'bundle',
      id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
      objects: [
        specExampleBundle.objects[3],
        {
          type: 'indicator',
          id: 'indicator--not-a-uuid',
          pattern: "[domain-name:value = 'a.com']",
          pattern_type: 'stix',
        },
        {
          ...specExampleBundle.objects[3],
          id: 'indicator--7c1e0b54-3f0a-4d2b-9d7e-6f5a4b3c2d1e',
          pattern: "[domain-name:value = 'a.com' OR domain-name:value = 'b.com']",
        },
      ],
    };
    const response = await importFile(other, 'stix', 'bad', JSON.stringify(bad));
    expect(response.statusCode).toBe(422);
    const errors: { field: string; message: string }[] = response.json().errors;
    expect(errors.map((e) => e.field)).toEqual(
      expect.arrayContaining([
        'objects/1/id',
        'objects/1/spec_version',
        'objects/1/created',
        'objects/1/modified',
        'objects/1/valid_from',
        'objects/2/pattern',
      ]),
    );
    expect(errors.find((e) => e.field === 'objects/2/pattern')?.message).toMatch(/compound patterns/);
    expect(await counts(other)).toEqual(before);
  });
});
