import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign } from '../../src/campaigns/assignment.js';
import { hkSpec, moSpec, withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

function userIn(experiment: Parameters<typeof assign>[0], arm: 'holdout' | 'treatment', salt = ''): string {
  for (let i = 0; ; i += 1) if (assign(experiment, `${salt}u${i}`).arm === arm) return `${salt}u${i}`;
}

describe.each(storeKinds)('POST /v1/screenings on $name', (kind) => {
  let h: Harness;
  const screen = (body: unknown, token = h.keys.exchange) =>
    h.app.inject({ method: 'POST', url: '/v1/screenings', headers: bearer(token), payload: body as object });
  const count = async () =>
    (await h.caveat.db.query<{ n: number }>('SELECT count(*)::int AS n FROM decisions'))[0]?.n;

  beforeAll(async () => {
    h = await startHarness(await kind.open());
  });
  afterAll(async () => h.close());

  it('warns a Hong Kong user in Traditional Chinese and records the decision before answering', async () => {
    const user = userIn(hkSpec().experiment, 'treatment');
    const response = await screen(withdrawal({ userRef: user }));
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      decision: 'warn',
      arm: 'treatment',
      minDisplaySeconds: 10,
      degraded: false,
    });
    expect(body.content.locale).toBe('zh-Hant');
    expect(body.content.title).toBe('小心騙案');
    expect(body.content.resources.find((r: { id: string }) => r.id === 'scameter').checkBeforeSend).toBe(
      true,
    );
    expect(body.campaign).toEqual({
      id: 'hk-pilot',
      version: 1,
      variant: assign(hkSpec().experiment, user).variant,
    });
    const stored = await h.caveat.db.query<{ decision: string; arm: string }>(
      'SELECT decision, arm FROM decisions WHERE id = $1',
      [body.id],
    );
    expect(stored[0]).toEqual({ decision: 'warn', arm: 'treatment' });
  });

  it('allows a holdout user, with arm holdout', async () => {
    const response = await screen(withdrawal({ userRef: userIn(hkSpec().experiment, 'holdout') }));
    expect(response.json()).toMatchObject({ decision: 'allow', arm: 'holdout', content: null });
  });

  it('gives Macau users zh-Hant or Portuguese content', async () => {
    const user = userIn(moSpec().experiment, 'treatment');
    const zh = await screen(withdrawal({ jurisdiction: 'MO', locale: 'zh-Hant-MO', userRef: user }));
    const pt = await screen(withdrawal({ jurisdiction: 'MO', locale: 'pt-MO', userRef: user }));
    expect(zh.json().content).toMatchObject({ locale: 'zh-Hant', title: '澳門：小心騙案' });
    expect(pt.json().content).toMatchObject({
      locale: 'pt',
      title: 'Macau: cuidado com burlas',
      neverCallNotice: 'Nunca lhe telefonaremos',
    });
  });

  it('returns the same decision for the same idempotency key, and 409 when the key is reused', async () => {
    const request = withdrawal({ userRef: userIn(hkSpec().experiment, 'treatment', 'idem') });
    const first = await screen(request);
    const again = await screen({ ...request });
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const before = await count();
    const reused = await screen({ ...request, amountUsd: 9999 });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().errors[0].field).toBe('body/idempotencyKey');
    expect(await count()).toBe(before);
  });

  it.each([
    ['a missing field', (w: Record<string, unknown>) => ({ ...w, userRef: undefined }), 400, 'body/userRef'],
    ['a wrong type', (w: Record<string, unknown>) => ({ ...w, amountUsd: '500' }), 400, 'body/amountUsd'],
    ['an unknown field', (w: Record<string, unknown>) => ({ ...w, vip: true }), 400, 'body/vip'],
    [
      'a nested missing field',
      (w: Record<string, unknown>) => ({ ...w, destination: { isNew: true, isWhitelisted: false } }),
      400,
      'body/destination/address',
    ],
    [
      'an unknown jurisdiction',
      (w: Record<string, unknown>) => ({ ...w, jurisdiction: 'ZZ' }),
      422,
      'body/jurisdiction',
    ],
    ['a malformed amount', (w: Record<string, unknown>) => ({ ...w, amount: '1e5' }), 400, 'body/amount'],
  ])(
    'rejects %s with problem+json naming the field and writes nothing',
    async (_name, mutate, status, field) => {
      const before = await count();
      const response = await screen(mutate(withdrawal() as unknown as Record<string, unknown>));
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await count()).toBe(before);
    },
  );

  it('rejects an oversized body with 413 and a missing or wrong key with 401/403', async () => {
    const huge = await screen({ ...withdrawal(), userRef: 'x'.repeat(20_000) });
    expect(huge.statusCode).toBe(413);
    const anonymous = await h.app.inject({ method: 'POST', url: '/v1/screenings', payload: withdrawal() });
    expect(anonymous.statusCode).toBe(401);
    const wrongScope = await screen(withdrawal(), h.keys.admin);
    expect(wrongScope.statusCode).toBe(403);
  });

  it('takes a newly published campaign into the very next screening', async () => {
    const admin = bearer(h.keys.admin);
    const spec = {
      ...hkSpec({
        priority: 999,
        experiment: { key: 'hk-new', holdoutShare: 0, variants: [{ key: 'A', weight: 1 }] },
      }),
    };
    const created = await h.app.inject({
      method: 'POST',
      url: '/v1/admin/campaigns',
      headers: admin,
      payload: { id: 'hk-urgent', jurisdiction: 'HK', name: 'Urgent', spec },
    });
    expect(created.statusCode).toBe(201);
    expect((await screen(withdrawal())).json().campaign?.id).not.toBe('hk-urgent');
    const published = await h.app.inject({
      method: 'POST',
      url: '/v1/admin/campaigns/hk-urgent/publish',
      headers: admin,
      payload: { version: 1 },
    });
    expect(published.statusCode).toBe(200);
    expect((await screen(withdrawal())).json().campaign?.id).toBe('hk-urgent');
    await h.app.inject({ method: 'POST', url: '/v1/admin/campaigns/hk-urgent/retire', headers: admin });
    expect((await screen(withdrawal())).json().campaign?.id).not.toBe('hk-urgent');
  });
});
