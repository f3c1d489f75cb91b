import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/store/audit-repository.js';
import { hkPolice } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const PASSWORD = 'a long enough password';
// Valid TRON addresses no seed knows (base58check of made-up bytes), one per jurisdiction.
const HK_WALLET = 'TQrsv866NZPUP3J4uEv5vC7DYfgLQueAKS';
const MO_WALLET = 'TPAywrNRtthFZoNRdqPJ1FTpRgAWDiTVKK';

interface Session {
  cookie: string;
  csrf: string;
}

// Issue 11, item 2: a partner's reviewers see their jurisdiction's reports only if the exchange shares them.
describe.each(storeKinds)('scam reports shared with partner reviewers on $name', (kind) => {
  let h: Harness;
  let hk: Session;
  let mo: Session;
  const ids: Record<'hk' | 'mo', string> = { hk: '', mo: '' };

  const sessionOf = (response: LightMyRequestResponse): Session => {
    const cookie = response.cookies.find((c) => c.name === 'caveat_session');
    if (!cookie) throw new Error(`no session cookie: ${response.body}`);
    return { cookie: `caveat_session=${cookie.value}`, csrf: response.json().csrfToken };
  };
  const as = (who: Session, method: 'GET' | 'PATCH', url: string, payload?: object) =>
    h.app.inject({
      method,
      url,
      headers: { cookie: who.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': who.csrf }) },
      ...(payload ? { payload } : {}),
    });
  const share = (code: string, shared: boolean) =>
    h.app.inject({
      method: 'PUT',
      url: `/v1/admin/scam-report-sharing/${code}`,
      headers: bearer(h.keys.admin),
      payload: { shared },
    });

  beforeAll(async () => {
    h = await startHarness(await kind.open(), { env: { SIGN_IN_PER_MINUTE: '1000' } });
    for (const [email, jurisdiction] of [
      ['hk-reviewer@x.test', 'HK'],
      ['mo-reviewer@x.test', 'MO'],
    ] as const)
      await h.caveat.users.create(
        {
          email,
          name: email,
          role: 'partner_reviewer',
          jurisdiction,
          partnerId: jurisdiction === 'HK' ? hkPolice.id : null,
          password: PASSWORD,
        },
        'test',
      );
    const signIn = async (email: string) =>
      sessionOf(
        await h.app.inject({
          method: 'POST',
          url: '/v1/console/session',
          payload: { email, password: PASSWORD },
        }),
      );
    hk = await signIn('hk-reviewer@x.test');
    mo = await signIn('mo-reviewer@x.test');
    for (const [key, jurisdiction, wallet] of [
      ['hk', 'HK', HK_WALLET],
      ['mo', 'MO', MO_WALLET],
    ] as const) {
      const filed = await h.app.inject({
        method: 'POST',
        url: '/public/scam-reports',
        remoteAddress: `203.0.113.${key === 'hk' ? 70 : 71}`,
        payload: {
          jurisdiction,
          category: 'investment',
          identifiers: [{ value: wallet, network: 'TRC20' }],
          description: 'A trading "mentor" asked me to deposit USDT here.',
          consentToPoliceContact: true,
          reporterContact: { email: `victim-${key}@example.com` },
        },
      });
      expect(filed.statusCode, filed.body).toBe(201);
      ids[key] = filed.json().id as string;
    }
  }, 60_000);
  afterAll(async () => h?.close());

  it('shares nothing by default: the reviewer is refused, naming why', async () => {
    const list = await as(hk, 'GET', '/v1/admin/scam-reports');
    expect(list.statusCode).toBe(403);
    expect(list.headers['content-type']).toMatch(/problem\+json/);
    expect(list.json().errors[0]).toEqual({
      field: 'headers/cookie',
      message: 'scam reports are not shared with this jurisdiction',
    });
    expect((await as(hk, 'GET', `/v1/admin/scam-reports/${ids.hk}`)).statusCode).toBe(403);
    expect((await as(hk, 'GET', '/v1/admin/scam-clusters')).statusCode).toBe(403);
  });

  it("once shared, the HK reviewer reads HK's reports only, without the reporter's data, and cannot triage", async () => {
    const shared = await share('HK', true);
    expect(shared.statusCode).toBe(200);
    expect(shared.json()).toMatchObject({ jurisdiction: 'HK', shared: true });

    const list = await as(hk, 'GET', '/v1/admin/scam-reports');
    expect(list.statusCode).toBe(200);
    const listed = (list.json().items as { id: string; jurisdiction: string }[]).map((r) => r.jurisdiction);
    expect(listed).toContain('HK');
    expect(new Set(listed)).toEqual(new Set(['HK']));

    const detail = await as(hk, 'GET', `/v1/admin/scam-reports/${ids.hk}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      reporterContact: null,
      userPseudonym: null,
      notes: [],
      evidence: [],
    });
    expect(detail.body).not.toContain('victim-hk@example.com');
    // Staff still see the contact the reporter consented to give.
    const staff = await h.app.inject({
      method: 'GET',
      url: `/v1/admin/scam-reports/${ids.hk}`,
      headers: bearer(h.keys.admin),
    });
    expect(staff.json().reporterContact).toEqual({ email: 'victim-hk@example.com' });

    // Macau's report is not Hong Kong's to read, and Macau's reviewer still gets nothing.
    expect((await as(hk, 'GET', `/v1/admin/scam-reports/${ids.mo}`)).statusCode).toBe(404);
    expect((await as(mo, 'GET', '/v1/admin/scam-reports')).statusCode).toBe(403);

    const clusters = await as(hk, 'GET', '/v1/admin/scam-clusters');
    expect(clusters.statusCode).toBe(200);

    const triage = await as(hk, 'PATCH', `/v1/admin/scam-reports/${ids.hk}`, { status: 'in_review' });
    expect(triage.statusCode).toBe(403);
    const after = await h.app.inject({
      method: 'GET',
      url: `/v1/admin/scam-reports/${ids.hk}`,
      headers: bearer(h.keys.admin),
    });
    expect(after.json().status).toBe('new');
  });

  it('stops at once when sharing ends, and every change is audited before → after', async () => {
    expect((await share('HK', false)).json()).toMatchObject({ shared: false, sharedBy: null });
    expect((await as(hk, 'GET', '/v1/admin/scam-reports')).statusCode).toBe(403);
    const audit = await listAudit(h.caveat.db, { entity: 'scam_report_sharing', entityId: 'HK', limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(['unshare', 'share']);
    expect(audit[0]?.detail).toEqual({ before: { shared: true }, after: { shared: false } });

    const listing = await h.app.inject({
      method: 'GET',
      url: '/v1/admin/scam-report-sharing',
      headers: bearer(h.keys.admin),
    });
    expect(listing.json().jurisdictions).toContainEqual(
      expect.objectContaining({ jurisdiction: 'HK', shared: false }),
    );
  });

  it('refuses an unknown or misspelt jurisdiction, naming it, and writes nothing', async () => {
    const before = await listAudit(h.caveat.db, { entity: 'scam_report_sharing', limit: 50 });
    const unknown = await share('ZZ', true);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0].field).toBe('params/code');
    const misspelt = await share('hk', true);
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json().errors[0].field).toMatch(/code/);
    const wrongType = await h.app.inject({
      method: 'PUT',
      url: '/v1/admin/scam-report-sharing/MO',
      headers: bearer(h.keys.admin),
      payload: { shared: 'yes' },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0].field).toMatch(/shared/);
    // A reviewer cannot share its own jurisdiction's reports.
    const byReviewer = await h.app.inject({
      method: 'PUT',
      url: '/v1/admin/scam-report-sharing/MO',
      headers: { cookie: mo.cookie, 'x-csrf-token': mo.csrf },
      payload: { shared: true },
    });
    expect(byReviewer.statusCode).toBe(403);
    expect(await listAudit(h.caveat.db, { entity: 'scam_report_sharing', limit: 50 })).toEqual(before);
  });
});
