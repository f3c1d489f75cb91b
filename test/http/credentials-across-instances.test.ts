import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIALS_CHANGED } from '../../src/store/credential-changes.js';
import type { Database } from '../../src/store/database.js';
import { openPgliteDatabase } from '../../src/store/pglite-database.js';
import { openPostgresDatabase } from '../../src/store/postgres-database.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { createServerDatabase, serverUrl } from '../support/stores.js';

const PASSWORD = 'a long enough password';
// A cheap route behind the reports permission: pure arithmetic, no store read.
const POWER = '/v1/reports/power?baselineRate=0.5&effect=-0.05';

/** Polls until check passes; returns how long that took. Fails after timeoutMs. */
async function msUntil(check: () => Promise<boolean>, timeoutMs = 5000): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return performance.now() - started;
}

/** Everything sent on the credentials channel, as another instance would hear it. */
async function overhear(db: Database): Promise<string[]> {
  const heard: string[] = [];
  await db.listen(CREDENTIALS_CHANGED, (payload) => heard.push(payload));
  return heard;
}

async function signIn(h: Harness, email: string): Promise<string> {
  const response: LightMyRequestResponse = await h.app.inject({
    method: 'POST',
    url: '/v1/console/session',
    payload: { email, password: PASSWORD },
  });
  const cookie = response.cookies.find((c) => c.name === 'caveat_session');
  if (!cookie) throw new Error(`no session for ${email}: ${response.statusCode}`);
  return `caveat_session=${cookie.value}`;
}

const createAnalyst = (h: Harness, email: string) =>
  h.caveat.users.create(
    { email, name: email, role: 'analyst', jurisdiction: null, partnerId: null, password: PASSWORD },
    'test',
  );

describe.skipIf(!serverUrl)('credentials across two instances on one PostgreSQL', () => {
  let a: Harness;
  let b: Harness;
  let drop: () => Promise<void>;
  let heardOnB: string[];

  beforeAll(async () => {
    const created = await createServerDatabase(serverUrl ?? '');
    drop = created.drop;
    // Two pools and two LISTEN connections, as two processes would have.
    a = await startHarness(await openPostgresDatabase(created.url, 5), {
      env: { SIGN_IN_PER_MINUTE: '1000' },
    });
    b = await startHarness(await openPostgresDatabase(created.url, 5), {
      seed: false,
      env: { SIGN_IN_PER_MINUTE: '1000' },
    });
    heardOnB = await overhear(b.caveat.db);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await drop?.();
  });

  it('refuses on B, within a second, a key revoked on A that B had cached', async () => {
    const { key, token } = await a.caveat.apiKeys.create(
      { name: 'soon revoked', scopes: ['reports'] },
      'test',
    );
    expect((await b.app.inject({ url: POWER, headers: bearer(token) })).statusCode).toBe(200);

    const revoked = await a.app.inject({
      method: 'POST',
      url: `/v1/admin/api-keys/${key.id}/revoke`,
      headers: bearer(a.keys.admin),
    });
    expect(revoked.statusCode).toBe(200);
    let acceptedAfterRevocation = 0;
    const ms = await msUntil(async () => {
      const status = (await b.app.inject({ url: POWER, headers: bearer(token) })).statusCode;
      if (status === 200) acceptedAfterRevocation += 1;
      return status === 401;
    });
    console.info(
      `revocation reached B in ${ms.toFixed(1)} ms (${acceptedAfterRevocation} accepted meanwhile)`,
    );
    expect(ms).toBeLessThan(1000);
    // The payload names the key, never its secret.
    expect(heardOnB).toContain(`key:${key.id}`);
    expect(heardOnB.join(' ')).not.toContain(token.slice(-20));
  });

  it('ends on B at once the session of a user disabled on A', async () => {
    const user = await createAnalyst(a, 'leaver@x.test');
    const cookie = await signIn(b, 'leaver@x.test');
    expect((await b.app.inject({ url: '/v1/admin/campaigns', headers: { cookie } })).statusCode).toBe(200);

    const disabled = await a.app.inject({
      method: 'POST',
      url: `/v1/admin/users/${user.id}/disable`,
      headers: bearer(a.keys.admin),
    });
    expect(disabled.statusCode).toBe(200);
    // Sessions are read from the store per request: no wait at all.
    expect((await b.app.inject({ url: '/v1/admin/campaigns', headers: { cookie } })).statusCode).toBe(401);
    await msUntil(async () => heardOnB.includes(`user:${user.id}`), 1000);
    expect(heardOnB.join(' ')).not.toContain('leaver');
  });
});

describe('credentials on one PGlite instance', () => {
  let h: Harness;
  let heard: string[];

  beforeAll(async () => {
    h = await startHarness(await openPgliteDatabase(undefined), { env: { SIGN_IN_PER_MINUTE: '1000' } });
    heard = await overhear(h.caveat.db);
  });
  afterAll(async () => h?.close());

  it('drops a cached key revoked outside the HTTP API (CLI, another process) on NOTIFY', async () => {
    const { key, token } = await h.caveat.apiKeys.create(
      { name: 'revoked by store', scopes: ['reports'] },
      'test',
    );
    expect((await h.app.inject({ url: POWER, headers: bearer(token) })).statusCode).toBe(200);
    await h.caveat.apiKeys.revoke(key.id, 'test');
    const ms = await msUntil(
      async () => (await h.app.inject({ url: POWER, headers: bearer(token) })).statusCode === 401,
    );
    expect(ms).toBeLessThan(1000);
    expect(heard).toContain(`key:${key.id}`);
  });

  it('announces ended sessions by user id: sign-out, password change, disable', async () => {
    const user = await createAnalyst(h, 'rotating@x.test');
    const first = await signIn(h, 'rotating@x.test');
    const csrf = (await h.app.inject({ url: '/v1/console/session', headers: { cookie: first } })).json()
      .csrfToken as string;
    const signOut = await h.app.inject({
      method: 'DELETE',
      url: '/v1/console/session',
      headers: { cookie: first, 'x-csrf-token': csrf },
    });
    expect(signOut.statusCode).toBe(204);
    await msUntil(async () => heard.filter((p) => p === `user:${user.id}`).length === 1, 1000);

    const second = await signIn(h, 'rotating@x.test');
    await h.caveat.users.setPassword(user.id, `${PASSWORD} too`, 'test');
    expect((await h.app.inject({ url: '/v1/admin/campaigns', headers: { cookie: second } })).statusCode).toBe(
      401,
    );
    await msUntil(async () => heard.filter((p) => p === `user:${user.id}`).length === 2, 1000);

    await h.caveat.users.disable(user.id, 'test');
    await msUntil(async () => heard.filter((p) => p === `user:${user.id}`).length === 3, 1000);
    expect(heard.join(' ')).not.toContain('rotating');
  });

  it('forgets every cached key on a payload it does not know (an operator NOTIFY, a newer version)', async () => {
    const { key, token } = await h.caveat.apiKeys.create(
      { name: 'quietly revoked', scopes: ['reports'] },
      'test',
    );
    expect((await h.app.inject({ url: POWER, headers: bearer(token) })).statusCode).toBe(200);
    // Revoked without a NOTIFY, as if it had been missed while the listener was down.
    await h.caveat.db.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [key.id]);
    expect((await h.app.inject({ url: POWER, headers: bearer(token) })).statusCode).toBe(200);
    await h.caveat.db.notify(CREDENTIALS_CHANGED, '*');
    await msUntil(
      async () => (await h.app.inject({ url: POWER, headers: bearer(token) })).statusCode === 401,
    );
  });
});
