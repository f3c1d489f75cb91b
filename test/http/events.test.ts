import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign } from '../../src/campaigns/assignment.js';
import { hkSpec, withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

let serial = 0;
const eventId = () => `evt-${process.pid}-${(serial += 1)}`;

describe.each(storeKinds)('POST /v1/events on $name', (kind) => {
  let h: Harness;
  const warned = async () => {
    for (let i = 0; ; i += 1) {
      const user = `ev-user-${serial}-${i}`;
      if (assign(hkSpec().experiment, user).arm !== 'treatment') continue;
      const response = await h.app.inject({
        method: 'POST',
        url: '/v1/screenings',
        headers: bearer(h.keys.exchange),
        payload: withdrawal({ userRef: user }),
      });
      return response.json() as { id: string; eventToken: string };
    }
  };
  const send = (events: object[], token = h.keys.exchange) =>
    h.app.inject({ method: 'POST', url: '/v1/events', headers: bearer(token), payload: { events } });
  const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
  const eventCount = async () =>
    (await h.caveat.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events'))[0]?.n;

  beforeAll(async () => {
    h = await startHarness(await kind.open());
  });
  afterAll(async () => h.close());

  it.each([
    ['displayed then cancelled', [['displayed'], ['cancelled']], 'cancelled'],
    ['displayed then proceeded', [['displayed'], ['acknowledged'], ['proceeded']], 'proceeded'],
    [
      'opened Scameter, then proceeded',
      [['displayed'], ['resource_opened', 'scameter'], ['proceeded']],
      'verified',
    ],
    [
      'opened the helpline page only, then cancelled',
      [['displayed'], ['resource_opened', 'adcc-18222'], ['cancelled']],
      'cancelled',
    ],
    [
      'cancelled, then Scameter afterwards',
      [['displayed'], ['cancelled'], ['resource_opened', 'scameter']],
      'cancelled',
    ],
  ])('turns %s into the right outcome', async (_name, steps, outcome) => {
    const decision = await warned();
    const events = steps.map(([type, resourceId], index) => ({
      id: eventId(),
      decisionId: decision.id,
      type,
      occurredAt: at(index * 1000),
      ...(resourceId ? { resourceId } : {}),
    }));
    const response = await send(events, decision.eventToken);
    expect(response.statusCode).toBe(200);
    expect(response.json().results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);
    expect((await h.caveat.events.outcomeOf(decision.id))?.outcome).toBe(outcome);
  });

  it('marks a decision nobody decided on as abandoned', async () => {
    const decision = await warned();
    await send([{ id: eventId(), decisionId: decision.id, type: 'displayed', occurredAt: at(0) }]);
    expect((await h.caveat.events.outcomeOf(decision.id))?.outcome).toBeNull();
    await h.caveat.events.sweepAbandoned(30 * 60_000, new Date(Date.now() + 31 * 60_000));
    expect((await h.caveat.events.outcomeOf(decision.id))?.outcome).toBe('abandoned');
  });

  it('treats a replayed event as a duplicate and counts it once', async () => {
    const decision = await warned();
    const event = { id: eventId(), decisionId: decision.id, type: 'cancelled', occurredAt: at(0) };
    expect((await send([event])).json().results[0].status).toBe('accepted');
    const before = await eventCount();
    const replay = await send([event, event]);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().results.map((r: { status: string }) => r.status)).toEqual([
      'duplicate',
      'duplicate',
    ]);
    expect(await eventCount()).toBe(before);
  });

  it.each([
    ['an unknown decision', (d: string) => ({ decisionId: `${d}x` }), 422, 'body/events/0/decisionId'],
    ['an unknown event type', () => ({ type: 'clicked' }), 400, 'body/events/0/type'],
    [
      'a resource the decision did not show',
      () => ({ type: 'resource_opened', resourceId: 'nope' }),
      422,
      'body/events/0/resourceId',
    ],
    ['an event in the future', () => ({ occurredAt: at(3600_000) }), 422, 'body/events/0/occurredAt'],
    ['a bad timestamp', () => ({ occurredAt: 'yesterday' }), 400, 'body/events/0/occurredAt'],
  ])(
    'rejects %s, naming the field, and writes nothing of the batch',
    async (_name, mutate, status, field) => {
      const decision = await warned();
      const good = { id: eventId(), decisionId: decision.id, type: 'displayed', occurredAt: at(0) };
      const bad = { ...good, id: eventId(), ...mutate(decision.id) };
      const before = await eventCount();
      const response = await send([bad, good]);
      expect(response.statusCode).toBe(status);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await eventCount()).toBe(before);
    },
  );

  it('rejects a replayed event id carrying a different event with 409', async () => {
    const decision = await warned();
    const event = { id: eventId(), decisionId: decision.id, type: 'displayed', occurredAt: at(0) };
    await send([event]);
    const response = await send([{ ...event, type: 'cancelled' }]);
    expect(response.statusCode).toBe(409);
    expect(response.json().errors[0].field).toBe('body/events/0/id');
  });

  it('limits an event token to its own decision', async () => {
    const mine = await warned();
    const other = await warned();
    const response = await send(
      [{ id: eventId(), decisionId: other.id, type: 'displayed', occurredAt: at(0) }],
      mine.eventToken,
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].field).toBe('body/events/0/decisionId');
    const forged = await send(
      [{ id: eventId(), decisionId: mine.id, type: 'displayed', occurredAt: at(0) }],
      `${mine.eventToken}x`,
    );
    expect(forged.statusCode).toBe(401);
  });
});
