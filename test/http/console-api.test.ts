import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hkPolice, hkSpec, withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const PASSWORD = 'a long enough password';

/** A signed-in console user: the session cookie and CSRF token, as a browser would hold them. */
interface Session {
  cookie: string;
  csrf: string;
}

describe.each(storeKinds)('console API on $name', (kind) => {
  let h: Harness;
  const people: Record<'admin' | 'analyst' | 'hk' | 'mo', Session> = {} as Record<
    'admin' | 'analyst' | 'hk' | 'mo',
    Session
  >;

  const signIn = async (email: string, password = PASSWORD) =>
    h.app.inject({ method: 'POST', url: '/v1/console/session', payload: { email, password } });
  const sessionOf = (response: LightMyRequestResponse): Session => {
    const cookie = response.cookies.find((c) => c.name === 'caveat_session');
    if (!cookie) throw new Error('no session cookie');
    return { cookie: `caveat_session=${cookie.value}`, csrf: response.json().csrfToken };
  };
  const as = (who: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    h.app.inject({
      method,
      url,
      headers: { cookie: who.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': who.csrf }) },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    h = await startHarness(await kind.open(), {
      env: { SIGN_IN_PER_MINUTE: '1000', TRUST_PROXY: '127.0.0.1' },
    });
    const create = (
      email: string,
      role: 'admin' | 'analyst' | 'partner_reviewer',
      jurisdiction: string | null,
    ) =>
      h.caveat.users.create(
        {
          email,
          name: email,
          role,
          jurisdiction,
          partnerId: jurisdiction === 'HK' ? hkPolice.id : null,
          password: PASSWORD,
        },
        'test',
      );
    await Promise.all([
      create('admin@x.test', 'admin', null),
      create('analyst@x.test', 'analyst', null),
      create('hk@x.test', 'partner_reviewer', 'HK'),
      create('mo@x.test', 'partner_reviewer', 'MO'),
    ]);
    for (const [key, email] of [
      ['admin', 'admin@x.test'],
      ['analyst', 'analyst@x.test'],
      ['hk', 'hk@x.test'],
      ['mo', 'mo@x.test'],
    ] as const) {
      people[key] = sessionOf(await signIn(email));
    }
  });
  afterAll(async () => h.close());

  it('signs in with an HttpOnly, SameSite=Strict cookie and refuses a wrong password without a cookie', async () => {
    const ok = await signIn('ADMIN@x.test');
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === 'caveat_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(ok.json().user).toMatchObject({ email: 'admin@x.test', role: 'admin' });
    expect(JSON.stringify(ok.json())).not.toMatch(/password/i);

    expect(cookie?.secure).toBeFalsy();
    // Over HTTPS (here: a trusted proxy says so) the cookie is Secure too.
    const overHttps = await h.app.inject({
      method: 'POST',
      url: '/v1/console/session',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: 'admin@x.test', password: PASSWORD },
    });
    expect(overHttps.cookies.find((c) => c.name === 'caveat_session')?.secure).toBe(true);

    const wrong = await signIn('admin@x.test', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.cookies).toHaveLength(0);
    expect(wrong.json().errors[0].field).toBe('body/password');
    const metrics = (await h.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/caveat_console_sign_ins_total\{result="refused"\} [1-9]/);
    expect(metrics).not.toContain('admin@x.test');
    const missing = await h.app.inject({
      method: 'POST',
      url: '/v1/console/session',
      payload: { email: 'a@b.c' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('body/password');
  });

  it('refuses a change without the session’s CSRF token, and changes nothing', async () => {
    const before = await h.caveat.campaigns.getCampaign('hk-pilot');
    const withoutToken = await h.app.inject({
      method: 'PUT',
      url: '/v1/admin/campaigns/hk-pilot/draft',
      headers: { cookie: people.admin.cookie },
      payload: { spec: hkSpec({ minDisplaySeconds: 42 }) },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().errors[0].field).toBe('headers/x-csrf-token');
    // Another session's token does not fit this session.
    const foreignToken = await h.app.inject({
      method: 'PUT',
      url: '/v1/admin/campaigns/hk-pilot/draft',
      headers: { cookie: people.admin.cookie, 'x-csrf-token': people.hk.csrf },
      payload: { spec: hkSpec({ minDisplaySeconds: 42 }) },
    });
    expect(foreignToken.statusCode).toBe(403);
    expect(await h.caveat.campaigns.getCampaign('hk-pilot')).toEqual(before);
  });

  it('shows a partner reviewer only its own jurisdiction: campaigns, single campaign, reports', async () => {
    const hkList = (await as(people.hk, 'GET', '/v1/admin/campaigns')).json();
    expect(hkList.campaigns.map((c: { id: string }) => c.id)).toEqual(['hk-pilot']);
    const moList = (await as(people.mo, 'GET', '/v1/admin/campaigns')).json();
    expect(moList.campaigns.map((c: { id: string }) => c.id)).toEqual(['mo-pilot']);
    expect((await as(people.mo, 'GET', '/v1/admin/campaigns/hk-pilot')).statusCode).toBe(404);
    expect((await as(people.mo, 'GET', '/v1/admin/campaigns?jurisdiction=HK')).json().campaigns).toEqual([]);
    expect((await as(people.mo, 'GET', '/v1/reports/pilot?campaign=hk-pilot')).statusCode).toBe(404);
    expect((await as(people.mo, 'GET', '/v1/reports/pilot?jurisdiction=HK')).statusCode).toBe(404);
    expect((await as(people.mo, 'GET', '/v1/reports/pilot.csv?campaign=hk-pilot')).statusCode).toBe(404);
    expect(
      (await as(people.mo, 'GET', '/v1/admin/jurisdictions'))
        .json()
        .jurisdictions.map((j: { code: string }) => j.code),
    ).toEqual(['MO']);
    expect((await as(people.hk, 'GET', '/v1/reports/pilot?campaign=hk-pilot')).statusCode).toBe(200);
    expect((await as(people.mo, 'GET', '/v1/admin/audit')).statusCode).toBe(403);
    expect((await as(people.mo, 'GET', '/v1/admin/api-keys')).statusCode).toBe(403);
  });

  it('lets an analyst read but not change, and only an admin manage users', async () => {
    expect((await as(people.analyst, 'GET', '/v1/admin/campaigns')).json().campaigns).toHaveLength(2);
    expect((await as(people.analyst, 'GET', '/v1/admin/audit')).statusCode).toBe(200);
    const edit = await as(people.analyst, 'PUT', '/v1/admin/campaigns/hk-pilot/draft', { spec: hkSpec() });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().detail).toMatch(/analyst role lacks the campaigns.edit permission/);
    expect((await as(people.analyst, 'GET', '/v1/admin/users')).statusCode).toBe(403);
    const created = await as(people.admin, 'POST', '/v1/admin/users', {
      email: 'new@x.test',
      name: 'New',
      role: 'analyst',
      jurisdiction: null,
      partnerId: null,
      password: 'short',
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().errors[0].field).toBe('body/password');
    expect((await as(people.admin, 'GET', '/v1/admin/users')).json().users).toHaveLength(4);
    const me = (await as(people.admin, 'GET', '/v1/console/session')).json().user.id;
    const self = await as(people.admin, 'POST', `/v1/admin/users/${me}/disable`);
    expect(self.statusCode).toBe(409);
    expect((await as(people.admin, 'GET', '/v1/console/session')).statusCode).toBe(200);
  });

  it('runs draft → review → approval → publish, and the approved text is live for the next screening', async () => {
    const spec = hkSpec({ minDisplaySeconds: 25 });
    const draft = await as(people.hk, 'PUT', '/v1/admin/campaigns/hk-pilot/draft', { spec });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ version: 2, state: 'draft', createdBy: 'user:hk@x.test' });

    const preview = await as(people.hk, 'POST', '/v1/admin/campaigns/hk-pilot/preview', {
      spec,
      locale: 'en-HK',
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().decision).toMatchObject({
      decision: 'warn',
      minDisplaySeconds: 25,
      eventToken: null,
    });
    expect(preview.json().decision.content.locale).toBe('en');

    expect(
      (await as(people.admin, 'POST', '/v1/admin/campaigns/hk-pilot/publish', { version: 2 })).statusCode,
    ).toBe(409);
    expect((await as(people.admin, 'POST', '/v1/admin/campaigns/hk-pilot/submit', {})).statusCode).toBe(200);
    // An admin cannot approve in the partner's name, and a reviewer of Macau cannot either.
    expect((await as(people.admin, 'POST', '/v1/admin/campaigns/hk-pilot/approve', {})).statusCode).toBe(403);
    expect((await as(people.mo, 'POST', '/v1/admin/campaigns/hk-pilot/approve', {})).statusCode).toBe(404);
    const approved = await as(people.hk, 'POST', '/v1/admin/campaigns/hk-pilot/approve', { note: 'checked' });
    expect(approved.json().review).toMatchObject({ state: 'approved', reviewedBy: 'user:hk@x.test' });
    expect(
      (await as(people.hk, 'POST', '/v1/admin/campaigns/hk-pilot/publish', { version: 2 })).statusCode,
    ).toBe(403);
    const published = await as(people.admin, 'POST', '/v1/admin/campaigns/hk-pilot/publish', { version: 2 });
    expect(published.json()).toMatchObject({
      version: 2,
      state: 'published',
      publishedBy: 'user:admin@x.test',
    });

    const screened = await h.app.inject({
      method: 'POST',
      url: '/v1/screenings',
      headers: bearer(h.keys.exchange),
      payload: withdrawal({ userRef: 'someone-new', locale: 'en' }),
    });
    expect(screened.json().campaign).toMatchObject({ id: 'hk-pilot', version: 2 });

    const detail = (await as(people.analyst, 'GET', '/v1/admin/campaigns/hk-pilot')).json();
    expect(detail.reviews.map((r: { action: string; actor: string }) => [r.action, r.actor])).toEqual([
      ['submitted', 'test'],
      ['approved', 'test-reviewer'],
      ['submitted', 'user:admin@x.test'],
      ['approved', 'user:hk@x.test'],
    ]);
    const audit = (await as(people.admin, 'GET', '/v1/admin/audit?entity=campaign&entityId=hk-pilot')).json();
    expect(audit.entries[0]).toMatchObject({ action: 'campaign.publish', actor: 'user:admin@x.test' });
  });

  it('ends the session on sign-out: the cookie no longer opens anything', async () => {
    const session = sessionOf(await signIn('analyst@x.test'));
    expect((await as(session, 'GET', '/v1/console/session')).statusCode).toBe(200);
    const out = await as(session, 'DELETE', '/v1/console/session');
    expect(out.statusCode).toBe(204);
    expect((await as(session, 'GET', '/v1/console/session')).statusCode).toBe(401);
    expect((await as(session, 'GET', '/v1/admin/campaigns')).statusCode).toBe(401);
  });

  it('lets every role sign out, a police responder too', async () => {
    await h.caveat.users.create(
      {
        email: 'responder@x.test',
        name: 'Responder',
        role: 'le_responder',
        jurisdiction: null,
        partnerId: null,
        password: PASSWORD,
      },
      'test',
    );
    const session = sessionOf(await signIn('responder@x.test'));
    expect((await as(session, 'DELETE', '/v1/console/session')).statusCode).toBe(204);
    expect((await as(session, 'GET', '/v1/console/session')).statusCode).toBe(401);
  });
});
