import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventOutbox, MAX_BATCH, type DeliveryFailure } from '../../src/web/warning/event-outbox.js';
import type { ReactionEvent } from '../../src/web/warning/decision.js';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

interface Sent {
  url: string;
  authorization: string | undefined;
  ids: string[];
}

/** A fake API: answers with the given statuses in turn, then 200. */
function fakeApi(statuses: number[]) {
  const sent: Sent[] = [];
  const fetchFake: typeof fetch = async (input, init) => {
    const body = JSON.parse(String(init?.body)) as { events: ReactionEvent[] };
    const headers = init?.headers as Record<string, string>;
    sent.push({
      url: String(input),
      authorization: headers.authorization,
      ids: body.events.map((e) => e.id),
    });
    const status = statuses.shift() ?? 200;
    if (status === 0) throw new TypeError('network down');
    const payload =
      status === 200
        ? { results: body.events.map((e) => ({ id: e.id, status: 'accepted' })) }
        : { type: 'about:blank', title: 'x', status, detail: 'rejected' };
    return new Response(JSON.stringify(payload), { status });
  };
  return { sent, fetchFake };
}

const event = (id: string, decisionId = 'dec1'): ReactionEvent => ({
  id,
  decisionId,
  type: 'displayed',
  occurredAt: '2026-01-01T00:00:00.000Z',
});

describe('EventOutbox', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('posts to {endpoint}/v1/events with the decision token and empties the queue', async () => {
    const storage = new MemoryStorage();
    const api = fakeApi([]);
    const outbox = new EventOutbox({ storage, fetch: api.fetchFake });
    outbox.enqueue('https://caveat.example', 'tok1', event('evt-00000001'));
    await outbox.flush();
    expect(api.sent).toEqual([
      { url: 'https://caveat.example/v1/events', authorization: 'Bearer tok1', ids: ['evt-00000001'] },
    ]);
    expect(outbox.pending()).toEqual([]);
  });

  it('retries 5xx and network errors with growing delays, keeping the same event id', async () => {
    const api = fakeApi([503, 0, 502]);
    const outbox = new EventOutbox({ storage: new MemoryStorage(), fetch: api.fetchFake, random: () => 1 });
    outbox.enqueue('', 't', event('evt-retry-1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(api.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(api.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1); // 1 s after the first failure
    expect(api.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000); // then 2 s
    expect(api.sent).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(3999);
    expect(api.sent).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1); // then 4 s, and it goes through
    expect(api.sent.map((s) => s.ids[0])).toEqual(Array(4).fill('evt-retry-1'));
    expect(outbox.pending()).toEqual([]);
  });

  it('keeps undelivered events in storage for the next page to send', async () => {
    const storage = new MemoryStorage();
    const down = fakeApi([503]);
    const first = new EventOutbox({ storage, fetch: down.fetchFake });
    first.enqueue('', 't', event('evt-survives-reload'));
    await vi.advanceTimersByTimeAsync(0);
    expect(down.sent).toHaveLength(1);

    const up = fakeApi([]);
    const afterReload = new EventOutbox({ storage, fetch: up.fetchFake });
    expect(afterReload.pending().map((q) => q.event.id)).toEqual(['evt-survives-reload']);
    await afterReload.flush();
    expect(up.sent[0]?.ids).toEqual(['evt-survives-reload']);
    expect(afterReload.pending()).toEqual([]);
  });

  it('drops an event the API rejects (4xx) and reports it, after isolating it from its batch', async () => {
    // The batch is all or nothing: 422 for the pair, then the good one alone passes, the bad one fails.
    const storage = new MemoryStorage();
    const offline = new EventOutbox({ storage, fetch: fakeApi([0, 0, 0]).fetchFake });
    offline.enqueue('', 't', event('evt-good-0001'));
    offline.enqueue('', 't', event('evt-bad-00001', 'dec2'));
    await vi.advanceTimersByTimeAsync(0);

    const api = fakeApi([422, 200, 422]);
    const failures: DeliveryFailure[] = [];
    const outbox = new EventOutbox({
      storage,
      fetch: api.fetchFake,
      onPermanentFailure: (failure) => failures.push(failure),
    });
    await outbox.flush();
    expect(api.sent.map((s) => s.ids)).toEqual([
      ['evt-good-0001', 'evt-bad-00001'],
      ['evt-good-0001'],
      ['evt-bad-00001'],
    ]);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ status: 422, eventIds: ['evt-bad-00001'], decisionIds: ['dec2'] });
    expect(outbox.pending()).toEqual([]);
  });

  it('sends at most 100 events per request and groups them by token', async () => {
    const api = fakeApi([]);
    const outbox = new EventOutbox({ storage: new MemoryStorage(), fetch: api.fetchFake });
    for (let i = 0; i < 150; i += 1) outbox.enqueue('', 'a', event(`evt-a-${String(i).padStart(4, '0')}`));
    outbox.enqueue('', 'b', event('evt-b-0000'));
    await outbox.flush();
    await vi.advanceTimersByTimeAsync(0);
    await outbox.flush();
    const sizes = api.sent.map((s) => [s.authorization, s.ids.length]);
    expect(Math.max(...api.sent.map((s) => s.ids.length))).toBeLessThanOrEqual(MAX_BATCH);
    expect(sizes).toContainEqual(['Bearer b', 1]);
    expect(new Set(api.sent.flatMap((s) => s.ids)).size).toBe(151);
  });

  it('enqueues a once-only event once per key, even from a new outbox on the same storage', async () => {
    const storage = new MemoryStorage();
    const api = fakeApi([]);
    expect(
      new EventOutbox({ storage, fetch: api.fetchFake }).enqueueOnce(
        'dec1:displayed',
        '',
        't',
        event('evt-once-001'),
      ),
    ).toBe(true);
    expect(
      new EventOutbox({ storage, fetch: api.fetchFake }).enqueueOnce(
        'dec1:displayed',
        '',
        't',
        event('evt-once-002'),
      ),
    ).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(api.sent.flatMap((s) => s.ids)).toEqual(['evt-once-001']);
  });
});
