import { describe, expect, it } from 'vitest';
import { ReportOutbox, type QueuedReport, type ReportResult } from '../../src/web/warning/report-outbox.js';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

/** A fake API answering with the given statuses in turn (0 = the network is down), then 201. */
function fakeApi(statuses: number[]) {
  const sent: { url: string; authorization: string; key: string }[] = [];
  const fetchFake: typeof fetch = async (input, init) => {
    const headers = init?.headers as Record<string, string>;
    sent.push({
      url: String(input),
      authorization: headers.authorization ?? '',
      key: (JSON.parse(String(init?.body)) as { idempotencyKey: string }).idempotencyKey,
    });
    const status = statuses.shift() ?? 201;
    if (status === 0) throw new TypeError('network down');
    const body = status === 201 ? { id: 'rep_1', reference: 'CVR-7K3Q-9M2D' } : { status };
    return new Response(JSON.stringify(body), { status });
  };
  return { sent, fetchFake };
}

const report = (key: string): QueuedReport => ({
  endpoint: 'https://caveat.example',
  token: 'evt_token',
  decisionId: 'dec_1',
  body: { idempotencyKey: key, category: 'investment', description: 'x' },
});

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('report outbox', () => {
  it('keeps a report across a reload while the network is down, then sends it once with the token', async () => {
    const storage = new MemoryStorage();
    const down = fakeApi([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const first = new ReportOutbox({ storage, fetch: down.fetchFake, baseDelayMs: 60_000 });
    const results: ReportResult[] = [];
    first.submit(report('warning:a'), (result) => results.push(result));
    await until(() => results.length === 1);
    expect(results[0]).toEqual({ kind: 'waiting' });
    expect(first.pending()).toHaveLength(1);

    // The page reloads: a new outbox on the same storage sends what the first could not.
    const up = fakeApi([]);
    const second = new ReportOutbox({ storage, fetch: up.fetchFake });
    await second.flush();
    expect(up.sent).toEqual([
      { url: 'https://caveat.example/v1/scam-reports', authorization: 'Bearer evt_token', key: 'warning:a' },
    ]);
    expect(second.pending()).toEqual([]);
  });

  it('retries 5xx and 429 with the same idempotency key, and reports the reference', async () => {
    const api = fakeApi([503, 429]);
    const outbox = new ReportOutbox({ storage: new MemoryStorage(), fetch: api.fetchFake, baseDelayMs: 1 });
    const results: ReportResult[] = [];
    outbox.submit(report('warning:b'), (result) => results.push(result));
    await until(() => results.some((r) => r.kind === 'sent'));
    expect(api.sent.map((s) => s.key)).toEqual(['warning:b', 'warning:b', 'warning:b']);
    expect(results.at(-1)).toEqual({ kind: 'sent', reference: 'CVR-7K3Q-9M2D' });
    expect(outbox.pending()).toEqual([]);
  });

  it('drops a report the API refuses for good and says so', async () => {
    const api = fakeApi([422]);
    const outbox = new ReportOutbox({ storage: new MemoryStorage(), fetch: api.fetchFake, baseDelayMs: 1 });
    const results: ReportResult[] = [];
    outbox.submit(report('warning:c'), (result) => results.push(result));
    await until(() => results.length === 1);
    expect(results).toEqual([{ kind: 'rejected', status: 422 }]);
    expect(outbox.pending()).toEqual([]);
    expect(api.sent).toHaveLength(1);
  });
});
