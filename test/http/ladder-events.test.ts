import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo-seed.js';
import { assign } from '../../src/campaigns/assignment.js';
import { demoCampaigns } from '../../src/demo/campaigns.js';
import type { DecisionResponse } from '../../src/screening/decision.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

let serial = 0;
const eventId = () => `ladder-${process.pid}-${(serial += 1)}`;
const hkDemo = demoCampaigns.find((c) => c.id === 'hk-joint-anti-scam');
if (!hkDemo) throw new Error('the HK demo campaign is missing');

interface Status {
  decision: string;
  step: string | null;
  releaseAt: string | null;
  released: { by: string } | null;
}

describe.each(storeKinds)('answers, completions and the friction ladder on $name', (kind) => {
  let h: Harness;
  const count = async (table: string) =>
    (await h.caveat.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? 0;
  const screen = async (userRef: string, locale = 'en') => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/v1/screenings',
      headers: bearer(h.keys.exchange),
      payload: {
        idempotencyKey: eventId(),
        userRef,
        jurisdiction: 'HK',
        locale,
        asset: 'USDT',
        network: 'TRON',
        amount: '500',
        amountUsd: 500,
        destination: { address: 'TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW', isNew: true, isWhitelisted: false },
        account: { ageDays: 90 },
      },
    });
    expect(response.statusCode).toBe(201);
    return response.json() as DecisionResponse;
  };
  const warnedUser = () => {
    for (let i = 0; ; i += 1) {
      const user = `ladder-user-${process.pid}-${(serial += 1)}-${i}`;
      if (assign(hkDemo.spec.experiment, user).arm === 'treatment') return user;
    }
  };
  const holdoutUser = () => {
    for (let i = 0; ; i += 1) {
      const user = `ladder-holdout-${(serial += 1)}-${i}`;
      if (assign(hkDemo.spec.experiment, user).arm === 'holdout') return user;
    }
  };
  const send = (events: object[], token = h.keys.exchange) =>
    h.app.inject({ method: 'POST', url: '/v1/events', headers: bearer(token), payload: { events } });
  const answer = (decisionId: string, questionId: string, answerId: string, extra: object = {}) => ({
    id: eventId(),
    decisionId,
    type: 'answered',
    questionId,
    answerId,
    occurredAt: new Date().toISOString(),
    ...extra,
  });
  const completion = (decisionId: string, completed: boolean) => ({
    id: eventId(),
    decisionId,
    type: completed ? 'withdrawal_completed' : 'withdrawal_not_completed',
    occurredAt: new Date().toISOString(),
  });

  beforeAll(async () => {
    h = await startHarness(await kind.open(), { seed: false });
    await seedDemo(h.caveat, pino({ level: 'silent' }));
  }, 60_000);
  afterAll(async () => h.close());

  it('asks the questions, and "someone I met online" climbs to an hour of cooling-off', async () => {
    const decision = await screen(warnedUser());
    expect(decision).toMatchObject({ decision: 'warn', step: 'questions', arm: 'treatment' });
    expect(decision.presentation?.key).toBe('first');
    expect(decision.content?.questions?.map((q) => q.id)).toEqual(['who-asked', 'coached']);
    const event = answer(decision.id, 'who-asked', 'met-online');
    const before = Date.now();
    const response = await send([event], decision.eventToken ?? '');
    expect(response.statusCode).toBe(200);
    const [result] = (response.json() as { results: { status: string; ladder: Status }[] }).results;
    expect(result?.status).toBe('accepted');
    expect(result?.ladder).toMatchObject({ decision: 'hold', step: 'cooling_off' });
    const releaseAt = Date.parse(result?.ladder.releaseAt ?? '');
    expect(releaseAt - before).toBeGreaterThanOrEqual(3600_000 - 1000);
    expect(releaseAt - before).toBeLessThanOrEqual(3600_000 + 5000);

    const status = await h.app.inject({
      method: 'GET',
      url: `/v1/decisions/${decision.id}`,
      headers: bearer(h.keys.exchange),
    });
    expect(status.json()).toMatchObject({
      decision: 'hold',
      step: 'cooling_off',
      answers: [{ questionId: 'who-asked', answerId: 'met-online' }],
      completion: null,
    });
    // A retry is a duplicate: no second answer, no second climb.
    const holds = await count('decision_holds');
    const retry = await send([event], decision.eventToken ?? '');
    expect((retry.json() as { results: { status: string }[] }).results[0]?.status).toBe('duplicate');
    expect(await count('decision_holds')).toBe(holds);
    // The decision row itself is what was answered at screening time.
    const rows = await h.caveat.db.query<{ decision: string }>(
      'SELECT decision FROM decisions WHERE id = $1',
      [decision.id],
    );
    expect(rows[0]?.decision).toBe('warn');
  });

  it('refuses an answer to a question the version does not have, naming the field, writing nothing', async () => {
    const decision = await screen(warnedUser());
    const [answers, events] = [await count('decision_answers'), await count('events')];
    const displayed = {
      id: eventId(),
      decisionId: decision.id,
      type: 'displayed',
      occurredAt: new Date().toISOString(),
    };
    const bad = await send([displayed, answer(decision.id, 'favourite-colour', 'blue')]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ errors: [{ field: 'body/events/1/questionId' }] });
    const badAnswer = await send([answer(decision.id, 'who-asked', 'aliens')]);
    expect(badAnswer.statusCode).toBe(422);
    expect(badAnswer.json()).toMatchObject({ errors: [{ field: 'body/events/0/answerId' }] });
    const missing = await send([{ ...answer(decision.id, 'who-asked', 'myself'), answerId: undefined }]);
    expect(missing.statusCode).toBe(422);
    expect(JSON.stringify(missing.json())).toMatch(/answerId/);
    const holdout = await screen(holdoutUser());
    const impossible = await send([answer(holdout.id, 'who-asked', 'myself')]);
    expect(impossible.statusCode).toBe(422);
    expect(impossible.json()).toMatchObject({ errors: [{ field: 'body/events/0/type' }] });
    // A bad reaction after an answer is named at its own place in the batch, and the answer is not kept.
    const mixed = await send([
      answer(decision.id, 'who-asked', 'myself'),
      { ...displayed, id: eventId(), type: 'resource_opened', resourceId: 'no-such-resource' },
    ]);
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json()).toMatchObject({ errors: [{ field: 'body/events/1/resourceId' }] });
    expect([await count('decision_answers'), await count('events')]).toEqual([answers, events]);
    // One answer per question: changing it afterwards is a conflict naming the answer.
    expect((await send([answer(decision.id, 'who-asked', 'myself')])).statusCode).toBe(200);
    const changed = await send([answer(decision.id, 'who-asked', 'met-online')]);
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ errors: [{ field: 'body/events/0/answerId' }] });
  });

  it('takes one completion per decision from the exchange, refusing unknown, foreign and changed ones', async () => {
    const decision = await screen(warnedUser());
    const first = await send([completion(decision.id, false)]);
    expect(first.statusCode).toBe(200);
    const completions = await count('decision_completions');
    const again = await send([completion(decision.id, false)]);
    expect((again.json() as { results: { status: string }[] }).results[0]?.status).toBe('duplicate');
    const changed = await send([completion(decision.id, true)]);
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ errors: [{ field: 'body/events/0/type' }] });
    const unknown = await send([completion('dec_nope', true)]);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ errors: [{ field: 'body/events/0/decisionId' }] });
    const macau = (
      await h.caveat.apiKeys.create(
        { name: 'mo-exchange', scopes: ['events'], partnerId: 'mo-judiciary-police' },
        'test',
      )
    ).token;
    const other = await screen(warnedUser());
    const foreign = await send([completion(other.id, true)], macau);
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json()).toMatchObject({ errors: [{ field: 'body/events/0/decisionId' }] });
    const fromScreen = await send([completion(other.id, true)], other.eventToken ?? '');
    expect(fromScreen.statusCode).toBe(422);
    expect(fromScreen.json()).toMatchObject({ errors: [{ field: 'body/events/0/type' }] });
    expect(await count('decision_completions')).toBe(completions);
    const status = await h.app.inject({
      method: 'GET',
      url: `/v1/decisions/${decision.id}`,
      headers: bearer(h.keys.exchange),
    });
    expect(status.json()).toMatchObject({ completion: { completed: false } });
  });

  it('holds for review until staff release it, audited; a second release is a conflict', async () => {
    const decision = await screen(warnedUser(), 'zh-Hant');
    const response = await send([answer(decision.id, 'coached', 'yes')], decision.eventToken ?? '');
    const [result] = (response.json() as { results: { ladder: Status }[] }).results;
    expect(result?.ladder).toMatchObject({ decision: 'hold', step: 'review', releaseAt: null });
    const exchangeRelease = await h.app.inject({
      method: 'POST',
      url: `/v1/decisions/${decision.id}/release`,
      headers: bearer(h.keys.exchange),
      payload: {},
    });
    expect(exchangeRelease.statusCode).toBe(403);
    const release = await h.app.inject({
      method: 'POST',
      url: `/v1/decisions/${decision.id}/release`,
      headers: bearer(h.keys.admin),
      payload: { note: 'Called the user back; they know the recipient.' },
    });
    expect(release.statusCode).toBe(200);
    expect(release.json()).toMatchObject({
      decision: 'warn',
      step: 'review',
      released: { by: expect.any(String) },
    });
    const audit = await h.caveat.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'decision' AND entity_id = $1",
      [decision.id],
    );
    expect(audit.map((row) => row.action)).toEqual(['decision.released']);
    const twice = await h.app.inject({
      method: 'POST',
      url: `/v1/decisions/${decision.id}/release`,
      headers: bearer(h.keys.admin),
      payload: {},
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ errors: [{ field: 'params/id' }] });
  });

  it('lets the answers leave in an outcome alert only where the relay policy allows them', async () => {
    const policy = (fields: ('decisionId' | 'outcome' | 'answers')[]) => ({
      jurisdictions: ['HK'],
      triggers: { decisions: [], outcomes: ['cancelled' as const], onlyReportedDestinations: false },
      fields,
      retentionDays: 7,
      delivery: { mode: 'pull' as const, allowedHosts: [], maxConcurrency: 1 },
    });
    await h.caveat.relayStore.publishPolicy('hk-police-cstcb', policy(['decisionId', 'answers']), 'test');
    await h.caveat.relay.reload();
    const decision = await screen(warnedUser());
    const cancelled = {
      id: eventId(),
      decisionId: decision.id,
      type: 'cancelled',
      occurredAt: new Date().toISOString(),
    };
    expect((await send([answer(decision.id, 'who-asked', 'met-online'), cancelled])).statusCode).toBe(200);
    const payload = async (id: string) =>
      (
        await h.caveat.db.query<{ payload: Record<string, unknown> }>(
          "SELECT payload FROM relay_alerts WHERE decision_id = $1 AND trigger = 'outcome'",
          [id],
        )
      )[0]?.payload.data;
    expect(await payload(decision.id)).toMatchObject({
      decisionId: decision.id,
      answers: [{ questionId: 'who-asked', answerId: 'met-online' }],
    });
    await h.caveat.relayStore.publishPolicy('hk-police-cstcb', policy(['decisionId', 'outcome']), 'test');
    await h.caveat.relay.reload();
    const other = await screen(warnedUser());
    const cancel2 = { ...cancelled, id: eventId(), decisionId: other.id };
    expect((await send([answer(other.id, 'who-asked', 'met-online'), cancel2])).statusCode).toBe(200);
    const second = await payload(other.id);
    expect(second).toMatchObject({ decisionId: other.id, outcome: 'cancelled' });
    expect(second).not.toHaveProperty('answers');
  });

  it('shows a user warned again within the window the next presentation', async () => {
    const user = warnedUser();
    const keys = [];
    for (let i = 0; i < 3; i += 1) keys.push((await screen(user)).presentation?.key);
    expect(keys).toEqual(['first', 'repeat-scams', 'repeat-tips']);
  });
});
