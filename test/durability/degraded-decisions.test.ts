import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign } from '../../src/campaigns/assignment.js';
import type { DecisionResponse } from '../../src/screening/decision.js';
import { hkSpec, withdrawal } from '../support/fixtures.js';
import { faulty, type FaultyDatabase } from '../support/faulty-database.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const REPORTED = 'TB71wT152mrwnUrZFSa1cVP7a5tRuYkrCN';
const BUDGET_MS = 2000;

function userIn(arm: 'holdout' | 'treatment'): string {
  for (let i = 0; ; i += 1) if (assign(hkSpec().experiment, `d${i}`).arm === arm) return `d${i}`;
}

interface StoredDecision {
  id: string;
  idempotency_key: string;
  decision: string;
  arm: string | null;
  degraded: boolean;
  superseded_by: string | null;
}

describe.each(storeKinds)('what the user saw is what is recorded, on $name', (kind) => {
  let h: Harness;
  let db: FaultyDatabase;
  const screen = async (body: object) => {
    const started = performance.now();
    const response = await h.app.inject({
      method: 'POST',
      url: '/v1/screenings',
      headers: { ...bearer(h.keys.exchange), 'content-type': 'application/json' },
      payload: body,
    });
    return { response, body: response.json<DecisionResponse>(), ms: performance.now() - started };
  };
  const stored = (key: string) =>
    db.query<StoredDecision>(
      `SELECT id, idempotency_key, decision, arm, degraded, superseded_by FROM decisions
       WHERE idempotency_key LIKE $1 ORDER BY idempotency_key`,
      [`${key}%`],
    );
  const holdoutCount = async () =>
    (
      await db.query<{ n: number }>(
        `SELECT coalesce(sum(decisions), 0)::int AS n FROM measurement_daily WHERE arm = 'holdout'`,
      )
    )[0]?.n ?? 0;

  beforeAll(async () => {
    db = faulty(await kind.open());
    // The background check stays out of the way: these tests drive the store's state themselves.
    h = await startHarness(db, { storeHealth: { intervalMs: 3_600_000, timeoutMs: 1000, slowMs: 250 } });
    const csv = `value,network,scamType,riskLevel,reportCount,jurisdictions,id\n${REPORTED},TRON,investment,high,14,HK,r1`;
    const imported = await h.app.inject({
      method: 'POST',
      url: '/v1/admin/indicators/import',
      headers: bearer(h.keys.admin),
      payload: { format: 'csv', feed: 'test', content: csv },
    });
    expect(imported.statusCode).toBe(200);
    await h.caveat.intelligence.refresh();
  });
  afterAll(async () => {
    db.release();
    db.heal();
    await h.close();
  });

  it('a late commit of the original never wins over the fail-safe answer the holdout user got', async () => {
    const before = await holdoutCount();
    const request = withdrawal({ userRef: userIn('holdout') });
    db.holdCommits();
    const first = await screen(request).finally(() => setTimeout(() => db.release(), 100));
    expect(first.response.statusCode).toBe(201);
    expect(first.body).toMatchObject({ decision: 'warn', degraded: true, arm: null, eventToken: null });
    expect(first.ms).toBeLessThanOrEqual(BUDGET_MS + 100);
    expect(h.caveat.spool?.get(request.idempotencyKey)?.decision.id).toBe(first.body.id);

    // A retry before the spool has drained gets exactly the same answer.
    const retry = await screen(request);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.response.headers['idempotent-replayed']).toBe('true');

    // The store comes back (above, just after the answer): the original commits late, the spool drains.
    await expect.poll(async () => (await stored(request.idempotencyKey)).length, { timeout: 5000 }).toBe(1);
    await h.caveat.recovery?.drain();
    const rows = await stored(request.idempotencyKey);
    const onKey = rows.find((row) => row.idempotency_key === request.idempotencyKey);
    expect(onKey).toMatchObject({ id: first.body.id, decision: 'warn', degraded: true, arm: null });
    const original = rows.find((row) => row.id !== first.body.id);
    expect(original).toMatchObject({ arm: 'holdout', superseded_by: first.body.id });
    // The holdout user who was in fact warned is not counted as a holdout exposure.
    expect(await holdoutCount()).toBe(before);
    const report = await h.app.inject({
      url: '/v1/reports/pilot?campaign=hk-pilot',
      headers: bearer(h.keys.reports),
    });
    expect(report.json().totals.outsideExperiment).toBeGreaterThanOrEqual(1);
    expect(report.json().notes.join(' ')).toContain('outside the experiment');
    expect(h.caveat.spool?.size).toBe(0);

    // After recovery the key still answers what the user was first given.
    const after = await screen(request);
    expect(after.body).toMatchObject({ id: first.body.id, degraded: true, decision: 'warn' });
    expect(after.body.content?.title).toBe(first.body.content?.title);
  });

  it('keeps a reported address on hold while the store is down, and records it so', async () => {
    db.fail();
    const request = withdrawal({ destination: { address: REPORTED, isNew: true, isWhitelisted: false } });
    const answer = await screen(request);
    expect(answer.body).toMatchObject({ decision: 'hold', degraded: true });
    expect(answer.body.reasons[0]?.message).toContain('14');
    expect(answer.body.reasons.map((r) => r.code)).toContain('degraded');
    db.heal();
    await h.caveat.recovery?.drain();
    const rows = await stored(request.idempotencyKey);
    expect(rows).toEqual([
      expect.objectContaining({ id: answer.body.id, decision: 'hold', degraded: true, superseded_by: null }),
    ]);
  });

  it('a fail-safe answer to a retry of an already recorded attempt keeps the first answer on the key', async () => {
    const request = withdrawal({ userRef: userIn('treatment') });
    const first = await screen(request);
    expect(first.body.degraded).toBe(false);
    db.fail();
    const during = await screen(request);
    expect(during.body.degraded).toBe(true);
    db.heal();
    await h.caveat.recovery?.drain();
    const after = await screen(request);
    expect(after.body.id).toBe(first.body.id);
    const rows = await stored(request.idempotencyKey);
    expect(rows.find((row) => row.id === during.body.id)).toMatchObject({
      degraded: true,
      superseded_by: first.body.id,
    });
  });

  it('answers events 503 with Retry-After within the budget while the store stalls', async () => {
    const decision = (await screen(withdrawal({ userRef: userIn('treatment') }))).body;
    db.holdCommits();
    const started = performance.now();
    const response = await h.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { ...bearer(h.keys.exchange), 'content-type': 'application/json' },
      payload: {
        events: [
          {
            id: 'stalled-event-1',
            decisionId: decision.id,
            type: 'displayed',
            occurredAt: new Date().toISOString(),
          },
        ],
      },
    });
    const ms = performance.now() - started;
    db.release();
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['retry-after']).toBe('2');
    expect(ms).toBeLessThanOrEqual(BUDGET_MS + 100);
  });

  it('answers 503 problem+json with Retry-After, never a 500, when the store cannot be reached', async () => {
    db.fail();
    const response = await h.app.inject({ url: '/v1/reports/pilot', headers: bearer(h.keys.reports) });
    db.heal();
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['retry-after']).toBe('2');
    expect(response.json().errors).toEqual([{ field: 'store', message: 'is unavailable' }]);
  });
});
