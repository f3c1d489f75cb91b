import type { LightMyRequestResponse } from 'fastify';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleSignIn } from '../../src/app/console-sign-in.js';
import { RequestProblem } from '../../src/errors.js';
import { listAudit } from '../../src/store/audit-repository.js';
import { lockSeconds } from '../../src/store/sign-in-lockout.js';
import { startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const PASSWORD = 'a long enough password';
const WRONG = 'not the password at all';

interface Session {
  cookie: string;
  csrf: string;
}

// Each request its own client address: the per-address rate limit never hides the per-account lock.
let address = 0;
const nextAddress = () => `10.9.${Math.floor(++address / 250)}.${address % 250}`;

describe.each(storeKinds)('console sign-in hygiene on $name', (kind) => {
  let h: Harness;

  const signIn = (body: { email: string; password: string; totp?: string }, from = nextAddress()) =>
    h.app.inject({
      method: 'POST',
      url: '/v1/console/session',
      headers: { 'x-forwarded-for': from },
      payload: body,
    });
  const sessionOf = (response: LightMyRequestResponse): Session => {
    const cookie = response.cookies.find((c) => c.name === 'caveat_session');
    if (!cookie) throw new Error(`no session cookie: ${response.body}`);
    return { cookie: `caveat_session=${cookie.value}`, csrf: response.json().csrfToken };
  };
  const as = (who: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
    h.app.inject({
      method,
      url,
      headers: { cookie: who.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': who.csrf }) },
      ...(payload ? { payload } : {}),
    });
  const create = (email: string, role: 'admin' | 'analyst') =>
    h.caveat.users.create(
      { email, name: email, role, jurisdiction: null, partnerId: null, password: PASSWORD },
      'test',
    );
  const codeFor = (secret: string, at = Date.now()) =>
    new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: at });

  beforeAll(async () => {
    h = await startHarness(await kind.open(), {
      seed: false,
      env: {
        SIGN_IN_PER_MINUTE: '3',
        PUBLIC_LOOKUP_PER_MINUTE: '2',
        TRUST_PROXY: '127.0.0.1',
        CONSOLE_REQUIRE_TOTP_FOR_ADMINS: 'true',
      },
    });
  });
  afterAll(async () => h.close());

  it('locks an account after 5 failures, even against the right password, and answers an unknown address the same way', async () => {
    const user = await create('lock@x.test', 'analyst');
    const known: LightMyRequestResponse[] = [];
    const unknown: LightMyRequestResponse[] = [];
    for (let i = 0; i < 5; i += 1) {
      known.push(await signIn({ email: 'lock@x.test', password: WRONG }));
      unknown.push(await signIn({ email: 'nobody-here@x.test', password: WRONG }));
    }
    known.push(await signIn({ email: 'LOCK@x.test', password: PASSWORD }));
    unknown.push(await signIn({ email: 'nobody-here@x.test', password: PASSWORD }));
    expect(known.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 429, 429]);
    // No oracle: the unknown address gets the same statuses, words and wait.
    expect(unknown.map((r) => r.statusCode)).toEqual(known.map((r) => r.statusCode));
    // (The seconds left may differ by the time between the two requests.)
    const words = (r: LightMyRequestResponse) => String(r.json().detail).replace(/\d+/g, 'N');
    expect(unknown.map(words)).toEqual(known.map(words));
    const lockedAnswer = known[5] as LightMyRequestResponse;
    expect(lockedAnswer.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(lockedAnswer.headers['retry-after'])).toBeGreaterThan(50);
    expect(Number(lockedAnswer.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(lockedAnswer.json().detail).toMatch(
      /^Too many failed sign-ins for this account\. Try again in \d+ seconds/,
    );
    expect(lockedAnswer.cookies.find((c) => c.name === 'caveat_session')).toBeUndefined();

    // Every failure is audited under the account id, then the lock; never the address or a password.
    const audit = await listAudit(h.caveat.db, { entity: 'user', entityId: user.id, limit: 50 });
    const actions = audit.map((a) => `${a.action}:${String(a.detail.reason ?? '')}`).reverse();
    expect(actions).toEqual([
      'user.create:',
      ...Array<string>(5).fill('session.refused:password'),
      'session.lockout:',
      'session.refused:locked',
    ]);
    expect(audit.find((a) => a.action === 'session.lockout')?.detail).toMatchObject({ failures: 5 });
    const everything = JSON.stringify(await listAudit(h.caveat.db, { limit: 500 }));
    expect(everything).not.toContain('nobody-here');
    expect(everything).not.toContain(WRONG);
    expect(everything).not.toContain(PASSWORD);
    const unknownRefusals = (await listAudit(h.caveat.db, { limit: 500 })).filter(
      (a) => a.action === 'session.refused' && a.entityId.startsWith('email:'),
    );
    expect(unknownRefusals).toHaveLength(6);
    expect(new Set(unknownRefusals.map((a) => a.actor)).size).toBe(1);
  });

  it('doubles the lock with each further failure up to an hour, and a success resets the count', async () => {
    const service = new ConsoleSignIn(h.caveat.db, h.caveat.users);
    await create('backoff@x.test', 'analyst');
    const t0 = Date.parse('2030-01-01T00:00:00Z');
    const at = (seconds: number) => new Date(t0 + seconds * 1000);
    const attempt = async (password: string, when: Date) => {
      try {
        await service.signIn({ email: 'backoff@x.test', password }, when);
        return { status: 200, retry: 0 };
      } catch (error) {
        if (!(error instanceof RequestProblem)) throw error;
        return { status: error.kind === 'too_many' ? 429 : 401, retry: error.retryAfterSeconds ?? 0 };
      }
    };
    for (let i = 0; i < 4; i += 1) expect((await attempt(WRONG, at(i))).status).toBe(401);
    expect(await attempt(WRONG, at(4))).toEqual({ status: 429, retry: 60 });
    // Still locked at +30 s even with the right password.
    expect(await attempt(PASSWORD, at(34))).toEqual({ status: 429, retry: 30 });
    // After the lock, each further failure locks for twice as long.
    expect(await attempt(WRONG, at(65))).toEqual({ status: 429, retry: 120 });
    expect(await attempt(WRONG, at(65 + 121))).toEqual({ status: 429, retry: 240 });
    expect([5, 6, 7, 8, 9, 10, 11, 30].map(lockSeconds)).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
    // The right password once the lock has run out signs in and forgets the failures.
    expect((await attempt(PASSWORD, at(65 + 121 + 241))).status).toBe(200);
    expect((await attempt(WRONG, at(65 + 121 + 242))).status).toBe(401);
  });

  it('answers the per-address rate limit in plain words, without "body:"', async () => {
    const from = nextAddress();
    const answers = [];
    for (let i = 0; i < 4; i += 1)
      answers.push(await signIn({ email: 'rate@x.test', password: WRONG }, from));
    const limited = answers[3] as LightMyRequestResponse;
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json().detail).not.toContain('body:');
    expect(limited.json().detail).toMatch(
      /^Too many requests from your address\. Please wait \d+ seconds and try again\.$/,
    );
    const lookups = [];
    for (let i = 0; i < 3; i += 1)
      lookups.push(
        await h.app.inject({
          method: 'GET',
          url: '/public/lookup?q=example.org',
          headers: { 'x-forwarded-for': from },
        }),
      );
    expect(lookups[2]?.statusCode).toBe(429);
    expect(lookups[2]?.json().detail).not.toMatch(/body:|Rate limit exceeded/);
  });

  it('keeps an admin without a second factor to enrolment, then asks for the code at every sign-in', async () => {
    const admin = await create('admin@x.test', 'admin');
    const first = await signIn({ email: 'admin@x.test', password: PASSWORD });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ mustEnrolTotp: true, user: { totpEnabled: false } });
    const restricted = sessionOf(first);
    const refused = await as(restricted, 'GET', '/v1/admin/users');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/Set up two-factor sign-in first/);
    expect((await as(restricted, 'GET', '/v1/console/session')).json()).toMatchObject({
      mustEnrolTotp: true,
    });

    const started = await as(restricted, 'POST', '/v1/console/account/totp');
    expect(started.statusCode).toBe(200);
    expect(started.headers['cache-control']).toBe('no-store');
    const { uri, secret } = started.json() as { uri: string; secret: string };
    expect(uri).toMatch(/^otpauth:\/\/totp\/caveat%20console:admin%40x\.test\?.*secret=/);
    const wrong = await as(restricted, 'POST', '/v1/console/account/totp/verify', { code: '000000' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('body/code');
    const confirmed = await as(restricted, 'POST', '/v1/console/account/totp/verify', {
      code: codeFor(secret),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().user.totpEnabled).toBe(true);
    // The same session now has the admin's powers; a second enrolment is refused (an admin resets).
    expect((await as(restricted, 'GET', '/v1/admin/users')).statusCode).toBe(200);
    expect((await as(restricted, 'POST', '/v1/console/account/totp')).statusCode).toBe(409);

    const noCode = await signIn({ email: 'admin@x.test', password: PASSWORD });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().errors[0].field).toBe('body/totp');
    expect(noCode.cookies.find((c) => c.name === 'caveat_session')).toBeUndefined();
    const badCode = await signIn({
      email: 'admin@x.test',
      password: PASSWORD,
      totp: '123456' === codeFor(secret) ? '654321' : '123456',
    });
    expect(badCode.statusCode).toBe(401);
    expect(badCode.json().errors[0]).toMatchObject({ field: 'body/totp', message: 'wrong code' });
    const withCode = await signIn({ email: 'admin@x.test', password: PASSWORD, totp: codeFor(secret) });
    expect(withCode.statusCode).toBe(200);
    expect(withCode.json()).toMatchObject({ mustEnrolTotp: false, user: { totpEnabled: true } });

    const audit = await listAudit(h.caveat.db, { entity: 'user', entityId: admin.id, limit: 50 });
    expect(audit.map((a) => a.action)).toContain('user.totp.enable');
    expect(audit.find((a) => a.action === 'session.refused')?.detail).toMatchObject({ reason: 'totp' });
    expect(JSON.stringify(await listAudit(h.caveat.db, { limit: 500 }))).not.toContain(secret);
  });

  it('lets an admin reset a lost second factor: audited, their sessions end, the code is no longer asked', async () => {
    const admin = await create('admin2@x.test', 'admin');
    const analyst = await create('analyst2@x.test', 'analyst');
    // An analyst is not held to enrolment, but may enrol.
    const analystSession = sessionOf(await signIn({ email: 'analyst2@x.test', password: PASSWORD }));
    expect((await as(analystSession, 'GET', '/v1/console/session')).json().mustEnrolTotp).toBe(false);
    const { secret } = (await as(analystSession, 'POST', '/v1/console/account/totp')).json() as {
      secret: string;
    };
    await as(analystSession, 'POST', '/v1/console/account/totp/verify', { code: codeFor(secret) });

    const adminRestricted = sessionOf(await signIn({ email: 'admin2@x.test', password: PASSWORD }));
    // A restricted admin cannot reset anyone, not even to get round their own enrolment.
    expect((await as(adminRestricted, 'POST', `/v1/admin/users/${analyst.id}/totp/reset`)).statusCode).toBe(
      403,
    );
    const adminSecret = (await as(adminRestricted, 'POST', '/v1/console/account/totp')).json()
      .secret as string;
    await as(adminRestricted, 'POST', '/v1/console/account/totp/verify', { code: codeFor(adminSecret) });

    const reset = await as(adminRestricted, 'POST', `/v1/admin/users/${analyst.id}/totp/reset`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().totpEnabled).toBe(false);
    expect((await as(analystSession, 'GET', '/v1/console/session')).statusCode).toBe(401);
    expect((await signIn({ email: 'analyst2@x.test', password: PASSWORD })).statusCode).toBe(200);
    const audit = await listAudit(h.caveat.db, { entity: 'user', entityId: analyst.id, limit: 50 });
    expect(audit.find((a) => a.action === 'user.totp.reset')).toMatchObject({
      actor: 'user:admin2@x.test',
      detail: { wasEnabled: true },
    });
    expect(admin.totpEnabled).toBe(false);
  });
});
