import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

describe.each(storeKinds)('police portal limits on $name', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(await kind.open(), { env: { SIGN_IN_PER_MINUTE: '3' } });
  });
  afterAll(async () => h.close());

  it('rate-limits sign-in attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await h.app.inject({
        method: 'POST',
        url: '/police/api/session',
        payload: { email: 'nobody@hkpf.demo.caveat.example', password: 'whatever it is' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('refuses bad agency domains naming the entry, and domains for a partner that is not police', async () => {
    const put = (id: string, domains: unknown) =>
      h.app.inject({
        method: 'PUT',
        url: `/v1/admin/partners/${id}/email-domains`,
        headers: { authorization: `Bearer ${h.keys.admin}` },
        payload: { domains },
      });
    const bad = await put('hk-police', ['hkpf.demo.caveat.example', 'not a domain']);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('body/domains/1');
    expect((await put('nobody', ['a.example'])).statusCode).toBe(404);
    const rows = await h.caveat.db.query('SELECT 1 FROM partner_email_domains');
    expect(rows).toHaveLength(0);
    const ok = await put('hk-police', ['HKPF.demo.caveat.example']);
    expect(ok.json()).toEqual({ domains: ['hkpf.demo.caveat.example'] });
    const agencies = await h.app.inject({ method: 'GET', url: '/police/api/agencies' });
    expect(agencies.json()).toEqual([
      expect.objectContaining({ id: 'hk-police', officialEmailDomains: ['hkpf.demo.caveat.example'] }),
    ]);
  });

  it('officer approval and the console inbox need the right permission', async () => {
    const reports = { authorization: `Bearer ${h.keys.reports}` };
    expect(
      (await h.app.inject({ method: 'GET', url: '/v1/admin/officers', headers: reports })).statusCode,
    ).toBe(403);
    expect(
      (await h.app.inject({ method: 'GET', url: '/v1/admin/police-requests', headers: reports })).statusCode,
    ).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: '/v1/admin/disclosures' })).statusCode).toBe(401);
  });
});
