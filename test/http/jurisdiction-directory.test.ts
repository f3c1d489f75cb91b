import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSpec, LocalizedContent } from '../../src/campaigns/spec.js';
import { listAudit } from '../../src/store/audit-repository.js';
import { hkSpec, withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const PASSWORD = 'a long enough password';
const DIRECTORY = '/v1/admin/jurisdictions/HK/directory';

/** A locale of a campaign that takes every number and link from the directory. */
function referring(title: string, helpline: string, name: string): LocalizedContent {
  return {
    ...hkSpec().content.en!,
    title,
    resources: [
      { id: 'scameter', ref: 'scameter', name: 'Scameter', purpose: 'Check an address or a site' },
      { id: 'adcc', ref: 'adcc-18222', name: helpline, purpose: 'Ask the police' },
    ],
    contacts: [{ ref: 'adcc-contact', name }],
    statistics: [{ ref: 'hk-losses', label: 'Lost to scams', source: 'Hong Kong Police Force' }],
  };
}
function referringSpec(): CampaignSpec {
  return hkSpec({
    priority: 900,
    // Everyone is warned, so the screening below shows this campaign's content.
    experiment: { key: 'hk-directory', holdoutShare: 0, variants: [{ key: 'A', weight: 1 }] },
    content: {
      'zh-Hant': referring('小心騙案', '防騙易熱線', '反詐騙協調中心'),
      en: referring('Beware of scams', 'Anti-Scam Helpline', 'Anti-Deception Coordination Centre'),
    },
  });
}

describe.each(storeKinds)('the jurisdiction directory on $name', (kind) => {
  let h: Harness;
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    h.app.inject({
      method,
      url,
      headers: bearer(h.keys.admin),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const preview = async (locale: string) => {
    const campaign = await h.caveat.campaigns.getCampaign('hk-directory');
    const draft = campaign?.versions.find((v) => v.state === 'draft');
    const response = await call('POST', '/v1/admin/campaigns/hk-directory/preview', {
      spec: draft?.spec,
      locale,
    });
    expect(response.statusCode).toBe(200);
    return response.json().decision.content;
  };

  beforeAll(async () => {
    h = await startHarness(await kind.open(), {
      env: { SIGN_IN_PER_MINUTE: '1000' },
    });
    const entries = [
      {
        key: 'scameter',
        kind: 'resource',
        label: 'Scameter',
        url: 'https://cyberdefender.hk/en-us/scameter/',
        checkBeforeSend: true,
      },
      { key: 'adcc-18222', kind: 'resource', label: 'ADCC helpline', phone: '18222' },
      { key: 'adcc-contact', kind: 'contact', label: 'ADCC', phone: '18222', hours: '24/7' },
      {
        key: 'hk-losses',
        kind: 'statistic',
        label: 'Losses 2023',
        value: 'HK$9.1 billion',
        year: 2023,
        sourceUrl: 'https://www.police.gov.hk/',
      },
    ];
    for (const entry of entries) expect((await call('POST', DIRECTORY, entry)).statusCode).toBe(201);
  }, 60_000);
  afterAll(async () => h?.close());

  it('refuses to create an entry whose key exists, naming the field, and changes nothing', async () => {
    const before = await call('GET', DIRECTORY);
    const audit = await listAudit(h.caveat.db, { entity: 'directory', limit: 100 });
    const response = await call('POST', DIRECTORY, {
      key: 'adcc-18222',
      kind: 'resource',
      label: 'Typo',
      phone: '18223',
    });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json().errors).toEqual([
      { field: 'body/key', message: 'an entry with this key is already in the directory' },
    ]);
    expect((await call('GET', DIRECTORY)).json()).toEqual(before.json());
    expect(await listAudit(h.caveat.db, { entity: 'directory', limit: 100 })).toEqual(audit);
  });

  it('refuses facts of another kind and missing ones in plain words, writing nothing', async () => {
    const wrongKind = await call('POST', DIRECTORY, {
      key: 'odd',
      kind: 'contact',
      label: 'Odd',
      phone: '18222',
      value: '12',
    });
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json().errors).toEqual([
      { field: 'body/value', message: 'a contact does not take a value; leave it out' },
    ]);
    const noValue = await call('POST', DIRECTORY, {
      key: 'odd',
      kind: 'statistic',
      label: 'Odd',
      year: 2024,
    });
    expect(noValue.statusCode).toBe(422);
    expect(noValue.json().errors).toEqual([{ field: 'body/value', message: 'a statistic needs its value' }]);
    const badPhone = await call('POST', DIRECTORY, {
      key: 'odd',
      kind: 'contact',
      label: 'Odd',
      phone: 'call us',
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().errors[0].field).toBe('body/phone');
    const keys = (await call('GET', DIRECTORY)).json().entries.map((e: { key: string }) => e.key);
    expect(keys).not.toContain('odd');
  });

  it('refuses a ref that is not in the directory and a ref given with a literal, numbered like the form', async () => {
    const unknown = referringSpec();
    unknown.content.en!.resources[1]!.ref = 'no-such-entry';
    const response = await call('POST', '/v1/admin/campaigns', {
      id: 'hk-unknown-ref',
      jurisdiction: 'HK',
      name: 'Unknown ref',
      spec: unknown,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      {
        field: 'body/spec/content/en/resources/1/ref',
        message: 'Resource 2 refers to "no-such-entry", which is not in the directory of Hong Kong',
      },
    ]);

    const both = referringSpec();
    both.content['zh-Hant']!.contacts[0]!.phone = '999';
    const twice = await call('POST', '/v1/admin/campaigns', {
      id: 'hk-both',
      jurisdiction: 'HK',
      name: 'Both',
      spec: both,
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().errors).toEqual([
      {
        field: 'body/spec/content/zh-Hant/contacts/0/phone',
        message:
          'Contact 1 takes its phone number from the directory entry "adcc-contact": leave this out, or remove the directory entry to give one here',
      },
    ]);
    expect(await h.caveat.campaigns.getCampaign('hk-unknown-ref')).toBeUndefined();
    expect(await h.caveat.campaigns.getCampaign('hk-both')).toBeUndefined();
  });

  it('keeps literal numbers valid for campaigns written before the directory', async () => {
    const response = await call('POST', '/v1/admin/campaigns', {
      id: 'hk-literal',
      jurisdiction: 'HK',
      name: 'Literal',
      spec: hkSpec(),
    });
    expect(response.statusCode).toBe(201);
  });

  it('renders the directory values, and one change reaches every locale of the draft', async () => {
    const created = await call('POST', '/v1/admin/campaigns', {
      id: 'hk-directory',
      jurisdiction: 'HK',
      name: 'Directory',
      spec: referringSpec(),
    });
    expect(created.statusCode).toBe(201);
    for (const locale of ['en', 'zh-Hant']) {
      const content = await preview(locale);
      expect(content.resources[1]).toMatchObject({
        ref: 'adcc-18222',
        phone: '18222',
        checkBeforeSend: false,
      });
      expect(content.resources[0]).toMatchObject({ checkBeforeSend: true });
      expect(content.contacts[0]).toMatchObject({ phone: '18222', hours: '24/7' });
      expect(content.statistics[0]).toMatchObject({ value: 'HK$9.1 billion', year: 2023 });
    }
    const edited = await call('PUT', `${DIRECTORY}/adcc-18222`, {
      label: 'ADCC helpline',
      phone: '2860 5012',
    });
    expect(edited.statusCode).toBe(200);
    expect((await preview('en')).resources[1].phone).toBe('2860 5012');
    expect((await preview('zh-Hant')).resources[1].phone).toBe('2860 5012');

    const [latest] = await listAudit(h.caveat.db, {
      entity: 'directory',
      entityId: 'HK/adcc-18222',
      limit: 1,
    });
    expect(latest).toMatchObject({
      action: 'directory.update',
      detail: {
        before: { key: 'adcc-18222', kind: 'resource', phone: '18222' },
        after: { key: 'adcc-18222', kind: 'resource', phone: '2860 5012' },
      },
    });
  });

  it('publishes the values of the moment: a later change shows as pending, not in the live warning', async () => {
    await h.caveat.campaigns.publish('hk-directory', 'test');
    await h.caveat.snapshots.reload();
    const published = (await h.caveat.campaigns.getCampaign('hk-directory'))!.versions.find(
      (v) => v.state === 'published',
    )!;
    expect(published.spec.content.en!.resources[1]).toMatchObject({ ref: 'adcc-18222', phone: '2860 5012' });
    expect((await call('GET', '/v1/admin/campaigns/hk-directory/directory-changes')).json()).toEqual({
      liveVersion: published.version,
      changes: [],
    });

    await call('PUT', `${DIRECTORY}/adcc-18222`, { label: 'ADCC helpline', phone: '18222' });
    const after = (await h.caveat.campaigns.getCampaign('hk-directory'))!.versions.find(
      (v) => v.version === published.version,
    )!;
    expect(after.spec).toEqual(published.spec);
    const changes = (await call('GET', '/v1/admin/campaigns/hk-directory/directory-changes')).json();
    expect(changes.changes).toContainEqual({
      locale: 'en',
      section: 'resources',
      index: 1,
      ref: 'adcc-18222',
      field: 'phone',
      shown: '2860 5012',
      current: '18222',
      removed: false,
    });
    expect(changes.changes.filter((c: { locale: string }) => c.locale === 'zh-Hant')).toHaveLength(1);

    // The warning users get is the published record, not today's directory.
    const screening = await h.app.inject({
      method: 'POST',
      url: '/v1/screenings',
      headers: bearer(h.keys.exchange),
      payload: withdrawal({ locale: 'en', amountUsd: 5000 }),
    });
    expect(screening.json().campaign?.id).toBe('hk-directory');
    expect(screening.json().content.resources[1].phone).toBe('2860 5012');
  });

  it('refuses to publish a ref the directory no longer has, rather than publish it without its number', async () => {
    const spec = referringSpec();
    for (const content of Object.values(spec.content)) content.statistics = [];
    await call('POST', '/v1/admin/campaigns', {
      id: 'hk-vanished',
      jurisdiction: 'HK',
      name: 'Vanished',
      spec,
    });
    // As if removed while the draft was being saved (the API refuses to remove an entry in use).
    await h.caveat.db.query(
      `DELETE FROM jurisdiction_directory WHERE jurisdiction = 'HK' AND key = 'scameter'`,
    );
    await expect(h.caveat.campaigns.publish('hk-vanished', 'test')).rejects.toMatchObject({
      kind: 'conflict',
      errors: [{ field: 'params/id', message: expect.stringContaining('scameter') }],
    });
    expect((await h.caveat.campaigns.getCampaign('hk-vanished'))?.live).toBeNull();
  });

  it('refuses to remove an entry a draft uses; removes it once no draft does, audited', async () => {
    await h.caveat.campaigns.saveDraft('hk-directory', referringSpec(), 'test');
    const refused = await call('DELETE', `${DIRECTORY}/hk-losses`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors[0]).toEqual({
      field: 'params/key',
      message: 'the draft of hk-directory uses this entry: choose another entry there first',
    });
    const spec = referringSpec();
    for (const content of Object.values(spec.content)) content.statistics = [];
    await h.caveat.campaigns.saveDraft('hk-directory', spec, 'test');
    expect((await call('DELETE', `${DIRECTORY}/hk-losses`)).statusCode).toBe(204);
    const [latest] = await listAudit(h.caveat.db, {
      entity: 'directory',
      entityId: 'HK/hk-losses',
      limit: 1,
    });
    expect(latest).toMatchObject({
      action: 'directory.remove',
      detail: { before: { value: 'HK$9.1 billion' }, after: null },
    });
    expect((await call('DELETE', `${DIRECTORY}/hk-losses`)).statusCode).toBe(404);
  });

  it('lets a reviewer of the jurisdiction read it but not change it; others do not see it', async () => {
    const create = (email: string, jurisdiction: string) =>
      h.caveat.users.create(
        { email, name: email, role: 'partner_reviewer', jurisdiction, partnerId: null, password: PASSWORD },
        'test',
      );
    await create('hk-reader@x.test', 'HK');
    await create('mo-reader@x.test', 'MO');
    const session = async (email: string) => {
      const response: LightMyRequestResponse = await h.app.inject({
        method: 'POST',
        url: '/v1/console/session',
        payload: { email, password: PASSWORD },
      });
      const cookie = response.cookies.find((c) => c.name === 'caveat_session');
      return { cookie: `caveat_session=${cookie?.value}`, csrf: response.json().csrfToken as string };
    };
    const hk = await session('hk-reader@x.test');
    const mo = await session('mo-reader@x.test');
    const read = await h.app.inject({ method: 'GET', url: DIRECTORY, headers: { cookie: hk.cookie } });
    expect(read.statusCode).toBe(200);
    expect(read.json().entries.map((e: { key: string }) => e.key)).toContain('adcc-18222');
    const elsewhere = await h.app.inject({ method: 'GET', url: DIRECTORY, headers: { cookie: mo.cookie } });
    expect(elsewhere.statusCode).toBe(404);
    const write = await h.app.inject({
      method: 'PUT',
      url: `${DIRECTORY}/scameter`,
      headers: { cookie: hk.cookie, 'x-csrf-token': hk.csrf },
      payload: { label: 'Scameter', url: 'https://example.org/' },
    });
    expect(write.statusCode).toBe(403);
  });
});
