import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { withdrawal } from '../support/fixtures.js';
import { startHarness } from '../support/harness.js';
import { until } from '../relay/partner-server.js';
import { exited, startServer, storeCases } from '../support/server-process.js';

/** Seeds a store with the test campaigns and a key, then closes it so a server process can own it. */
async function seed(db: Database): Promise<string> {
  const harness = await startHarness(db);
  const token = harness.keys.exchange;
  await harness.close();
  return token;
}

describe.each(storeCases)('kill -9 while taking events ($name)', (store) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('keeps every acknowledged event', { timeout: 120_000 }, async () => {
    const prepared = await store.prepare();
    cleanups.push(prepared.cleanup);
    const token = await seed(await prepared.db());
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const first = await startServer(prepared.env);
    const decisions: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const response = await fetch(`${first.url}/v1/screenings`, {
        method: 'POST',
        headers,
        body: JSON.stringify(withdrawal()),
      });
      decisions.push(((await response.json()) as { id: string }).id);
    }

    const acknowledged: { id: string; decisionId: string; type: string; occurredAt: string }[] = [];
    let stop = false;
    let serial = 0;
    const worker = async (w: number) => {
      while (!stop) {
        const events = Array.from({ length: 5 }, () => {
          serial += 1;
          return {
            id: `k9-${w}-${serial}`,
            decisionId: decisions[serial % decisions.length]!,
            type: serial % 2 ? 'cancelled' : 'proceeded',
            occurredAt: new Date().toISOString(),
          };
        });
        try {
          const response = await fetch(`${first.url}/v1/events`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ events }),
          });
          if (response.status === 200) acknowledged.push(...events);
        } catch {
          return; // the server died mid-request: that batch was never acknowledged
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));
    // Killed while batches are being taken, after enough were acknowledged to mean something
    // (waiting on a count, not a clock, so a slow machine changes nothing).
    await until(() => acknowledged.length > 50, 30_000);
    const died = exited(first.child);
    first.child.kill('SIGKILL');
    await died;
    stop = true;
    await Promise.all(workers);
    expect(acknowledged.length).toBeGreaterThan(50);

    // After a restart, every acknowledged event is already there: resending them is all duplicates.
    const second = await startServer(prepared.env);
    try {
      for (let i = 0; i < acknowledged.length; i += 100) {
        const batch = acknowledged.slice(i, i + 100);
        const response = await fetch(`${second.url}/v1/events`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ events: batch }),
        });
        expect(response.status).toBe(200);
        const results = ((await response.json()) as { results: { status: string }[] }).results;
        expect(results.filter((r) => r.status !== 'duplicate')).toEqual([]);
      }
    } finally {
      const gone = exited(second.child);
      second.child.kill('SIGTERM');
      await gone;
    }
  });
});
