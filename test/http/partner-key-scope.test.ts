import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Partner } from '../../src/campaigns/model.js';
import { withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const moPolice: Partner = {
  id: 'mo-police',
  name: 'Macau Judiciary Police',
  jurisdiction: 'MO',
  kind: 'police',
  website: null,
};

describe.each(storeKinds)('a partner-bound key on $name', (kind) => {
  let h: Harness;
  let moReports: string;
  let moAdmin: string;
  const get = (token: string, url: string) => h.app.inject({ url, headers: bearer(token) });

  beforeAll(async () => {
    h = await startHarness(await kind.open());
    await h.caveat.campaigns.putPartner(moPolice, 'test');
    const created = await h.app.inject({
      method: 'POST',
      url: '/v1/admin/api-keys',
      headers: bearer(h.keys.admin),
      payload: { name: 'Macau police reports', scopes: ['reports'], partnerId: moPolice.id },
    });
    expect(created.statusCode).toBe(201);
    moReports = created.json().token;
    // The API refuses an admin key bound to a partner (below); one made before that rule still exists.
    moAdmin = (
      await h.caveat.apiKeys.create(
        { name: 'old MO admin', scopes: ['admin'], partnerId: moPolice.id },
        'test',
      )
    ).token;
    const screened = await h.app.inject({
      method: 'POST',
      url: '/v1/screenings',
      headers: bearer(h.keys.exchange),
      payload: withdrawal(),
    });
    expect(screened.statusCode).toBe(201);
  });
  afterAll(async () => h?.close());

  it('reads reports of its partner’s jurisdiction only, like a reviewer of it', async () => {
    for (const url of [
      '/v1/reports/pilot?jurisdiction=HK',
      '/v1/reports/pilot?campaign=hk-pilot',
      '/v1/reports/pilot.csv?campaign=hk-pilot',
      '/v1/reports/pilot.html?jurisdiction=HK',
      '/v1/reports/power?baselineRate=0.5&effect=-0.05&campaign=hk-pilot',
    ]) {
      const response = await get(moReports, url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('Hong Kong');
    }
    expect((await get(moReports, '/v1/reports/pilot?campaign=mo-pilot')).statusCode).toBe(200);

    // Unfiltered, it covers Macau alone: the Hong Kong decision is not in its totals.
    const everything = await get(h.keys.reports, '/v1/reports/pilot');
    expect(everything.json().totals.decisions).toBeGreaterThan(0);
    const own = await get(moReports, '/v1/reports/pilot');
    expect(own.statusCode).toBe(200);
    expect(own.json().filter.jurisdiction).toBe('MO');
    expect(own.json().totals.decisions).toBe(0);
    // An unbound reports key still sees Hong Kong.
    expect((await get(h.keys.reports, '/v1/reports/pilot?campaign=hk-pilot')).statusCode).toBe(200);
  });

  it('cannot reach Hong Kong campaigns', async () => {
    // A reports key has no campaign permission at all.
    expect((await get(moReports, '/v1/admin/campaigns/hk-pilot')).statusCode).toBe(403);
    expect((await get(moReports, '/v1/admin/campaigns')).statusCode).toBe(403);
    // An admin-scoped one keeps the campaign permissions, limited to Macau, and administers nothing.
    expect((await get(moAdmin, '/v1/admin/campaigns/hk-pilot')).statusCode).toBe(404);
    const list = (await get(moAdmin, '/v1/admin/campaigns')).json();
    expect(list.campaigns.map((c: { id: string }) => c.id)).toEqual(['mo-pilot']);
    expect((await get(moAdmin, '/v1/admin/campaigns?jurisdiction=HK')).json().campaigns).toEqual([]);
    const partners = (await get(moAdmin, '/v1/admin/partners')).json().partners;
    expect(partners.map((p: { id: string }) => p.id)).toEqual([moPolice.id]);
    const jurisdictions = (await get(moAdmin, '/v1/admin/jurisdictions')).json().jurisdictions;
    expect(jurisdictions.map((j: { code: string }) => j.code)).toEqual(['MO']);
    expect((await get(moAdmin, '/v1/admin/api-keys')).statusCode).toBe(403);
    expect((await get(moAdmin, '/v1/admin/audit')).statusCode).toBe(403);
    const publish = await h.app.inject({
      method: 'POST',
      url: '/v1/admin/campaigns/hk-pilot/retire',
      headers: bearer(moAdmin),
    });
    expect(publish.statusCode).toBe(403);
  });

  it('refuses to bind an admin key to a partner', async () => {
    const refused = await h.app.inject({
      method: 'POST',
      url: '/v1/admin/api-keys',
      headers: bearer(h.keys.admin),
      payload: { name: 'MO admin', scopes: ['admin', 'reports'], partnerId: moPolice.id },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'body/partnerId' })]);
  });

  it('follows its partner to another jurisdiction at once, though the key was cached', async () => {
    expect((await get(moReports, '/v1/reports/pilot?jurisdiction=HK')).statusCode).toBe(404);
    await h.caveat.campaigns.putPartner({ ...moPolice, jurisdiction: 'HK' }, 'test');
    await expect
      .poll(async () => (await get(moReports, '/v1/reports/pilot?jurisdiction=HK')).statusCode)
      .toBe(200);
    expect((await get(moReports, '/v1/reports/pilot?jurisdiction=MO')).statusCode).toBe(404);
    await h.caveat.campaigns.putPartner(moPolice, 'test');
  });
});
