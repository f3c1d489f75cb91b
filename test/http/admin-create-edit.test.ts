import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/store/audit-repository.js';
import { HK, hkPolice } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

describe.each(storeKinds)('creating and editing jurisdictions and partners on $name', (kind) => {
  let h: Harness;
  const call = (method: 'POST' | 'PUT', url: string, payload: unknown) =>
    h.app.inject({ method, url, headers: bearer(h.keys.admin), payload: payload as Record<string, unknown> });

  beforeAll(async () => {
    h = await startHarness(await kind.open());
  }, 60_000);
  afterAll(async () => h?.close());

  it('refuses to create a partner whose id exists, naming the field, and changes nothing', async () => {
    const before = await h.caveat.campaigns.getPartner(hkPolice.id);
    const auditBefore = await listAudit(h.caveat.db, { entity: 'partner', entityId: hkPolice.id, limit: 50 });
    const response = await call('POST', '/v1/admin/partners', {
      id: hkPolice.id,
      name: 'Hong Kong Polise (typo)',
      jurisdiction: 'MO',
      kind: 'police',
    });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json().errors).toEqual([
      { field: 'body/id', message: 'a partner with this id already exists' },
    ]);
    expect(await h.caveat.campaigns.getPartner(hkPolice.id)).toEqual(before);
    expect(await listAudit(h.caveat.db, { entity: 'partner', entityId: hkPolice.id, limit: 50 })).toEqual(
      auditBefore,
    );
  });

  it('refuses to create a jurisdiction whose code exists and keeps its locales', async () => {
    const response = await call('POST', '/v1/admin/jurisdictions', {
      code: 'HK',
      name: 'Hong Kong',
      defaultLocale: 'en',
      locales: ['en'],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors).toEqual([
      { field: 'body/code', message: 'a jurisdiction with this code already exists' },
    ]);
    expect((await h.caveat.campaigns.getJurisdiction('HK'))?.locales).toEqual(HK.locales);
  });

  it('creates new ones with 201, and an edit of a missing one is a 404', async () => {
    const sg = await call('POST', '/v1/admin/jurisdictions', {
      code: 'SG',
      name: 'Singapore',
      defaultLocale: 'en',
      locales: ['en', 'zh-Hans'],
    });
    expect(sg.statusCode).toBe(201);
    expect(sg.json()).toMatchObject({ code: 'SG', locales: ['en', 'zh-Hans'], localeFallback: [] });
    const spf = await call('POST', '/v1/admin/partners', {
      id: 'sg-spf',
      name: 'Singapore Police Force',
      jurisdiction: 'SG',
      kind: 'police',
      website: 'https://www.police.gov.sg/',
    });
    expect(spf.statusCode).toBe(201);
    const missing = await call('PUT', '/v1/admin/partners/nobody', {
      name: 'Nobody',
      jurisdiction: 'SG',
      kind: 'other',
    });
    expect(missing.statusCode).toBe(404);
    expect(await h.caveat.campaigns.getPartner('nobody')).toBeUndefined();
    const missingJurisdiction = await call('PUT', '/v1/admin/jurisdictions/MY', {
      name: 'Malaysia',
      defaultLocale: 'en',
      locales: ['en'],
    });
    expect(missingJurisdiction.statusCode).toBe(404);
    expect(await h.caveat.campaigns.getJurisdiction('MY')).toBeUndefined();
  });

  it('edits keep the fields left out and record before and after in the audit log', async () => {
    await call('POST', '/v1/admin/partners', {
      id: 'sg-scamshield',
      name: 'ScamShield',
      jurisdiction: 'SG',
      kind: 'other',
      website: 'https://www.scamshield.gov.sg/',
    });
    const edited = await call('PUT', '/v1/admin/partners/sg-scamshield', {
      name: 'ScamShield (NCPC)',
      jurisdiction: 'SG',
      kind: 'other',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toEqual({
      id: 'sg-scamshield',
      name: 'ScamShield (NCPC)',
      jurisdiction: 'SG',
      kind: 'other',
      website: 'https://www.scamshield.gov.sg/',
    });
    const [latest] = await listAudit(h.caveat.db, { entity: 'partner', entityId: 'sg-scamshield', limit: 1 });
    expect(latest).toMatchObject({
      action: 'partner.update',
      detail: {
        before: { name: 'ScamShield', website: 'https://www.scamshield.gov.sg/' },
        after: { name: 'ScamShield (NCPC)', website: 'https://www.scamshield.gov.sg/' },
      },
    });

    const fallback = await call('PUT', '/v1/admin/jurisdictions/SG', {
      name: 'Singapore',
      defaultLocale: 'en',
      locales: ['en', 'zh-Hans'],
      localeFallback: ['zh-Hans', 'en'],
    });
    expect(fallback.statusCode).toBe(200);
    // An edit that leaves the fallback out keeps it.
    const renamed = await call('PUT', '/v1/admin/jurisdictions/SG', {
      name: 'Republic of Singapore',
      defaultLocale: 'en',
      locales: ['en', 'zh-Hans'],
    });
    expect(renamed.json()).toMatchObject({
      name: 'Republic of Singapore',
      localeFallback: ['zh-Hans', 'en'],
    });
    const [jurisdictionEntry] = await listAudit(h.caveat.db, {
      entity: 'jurisdiction',
      entityId: 'SG',
      limit: 1,
    });
    expect(jurisdictionEntry?.detail).toMatchObject({
      before: { name: 'Singapore', localeFallback: ['zh-Hans', 'en'] },
      after: { name: 'Republic of Singapore', localeFallback: ['zh-Hans', 'en'] },
    });
    const badFallback = await call('PUT', '/v1/admin/jurisdictions/SG', {
      name: 'Singapore',
      defaultLocale: 'en',
      locales: ['en', 'zh-Hans'],
      localeFallback: ['ms'],
    });
    expect(badFallback.statusCode).toBe(422);
    expect(badFallback.json().errors[0].field).toBe('body/localeFallback');
  });

  it('names the actor of an audit entry', async () => {
    const response = await h.app.inject({
      url: '/v1/admin/audit?entity=partner&entityId=sg-scamshield',
      headers: bearer(h.keys.admin),
    });
    expect(response.json().entries[0].actorName).toBe('API key “admin”');
  });
});
