import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign } from '../../src/campaigns/assignment.js';
import type { PilotReport } from '../../src/measurement/report-model.js';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { hkSpec, withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

let serial = 0;

/*
 * Exchanges do not always report that a warning was displayed (a native app that only reports the
 * decision, a lost request). Those decisions still get outcomes, and undecided ones are swept to
 * abandoned; the report must keep them out of the rates over displayed warnings, say so, and never
 * fail.
 */
describe.each(storeKinds)('report integrity with outcomes never reported as displayed, on $name', (kind) => {
  let h: Harness;
  const screen = async (arm: 'treatment' | 'holdout') => {
    for (;;) {
      const user = `integrity-${kind.name}-${(serial += 1)}`;
      if (assign(hkSpec().experiment, user).arm !== arm) continue;
      const response = await h.app.inject({
        method: 'POST',
        url: '/v1/screenings',
        headers: bearer(h.keys.exchange),
        payload: withdrawal({ userRef: user }),
      });
      expect(response.statusCode).toBe(201);
      return (response.json() as { id: string }).id;
    }
  };
  const send = async (decisionId: string, types: string[]) => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: bearer(h.keys.exchange),
      payload: {
        events: types.map((type, index) => ({
          id: `integrity-${kind.name}-${(serial += 1)}`,
          decisionId,
          type,
          occurredAt: new Date(Date.now() + index * 1000).toISOString(),
        })),
      },
    });
    expect(response.statusCode).toBe(200);
  };
  const report = async (query = 'campaign=hk-pilot'): Promise<PilotReport> => {
    const response = await h.app.inject({
      method: 'GET',
      url: `/v1/reports/pilot?${query}`,
      headers: bearer(h.keys.reports),
    });
    expect(response.statusCode).toBe(200);
    return response.json() as PilotReport;
  };

  beforeAll(async () => {
    h = await startHarness(await kind.open());
    // Two warnings displayed and cancelled; three never reported as displayed: one cancelled, one
    // proceeded, one swept to abandoned. One displayed warning abandoned. Two holdout users.
    for (let i = 0; i < 2; i += 1) await send(await screen('treatment'), ['displayed', 'cancelled']);
    await send(await screen('treatment'), ['cancelled']);
    await send(await screen('treatment'), ['proceeded']);
    await screen('treatment');
    await send(await screen('treatment'), ['displayed']);
    await send(await screen('holdout'), ['proceeded']);
    await send(await screen('holdout'), ['cancelled']);
    await h.caveat.events.sweepAbandoned(30 * 60_000, new Date(Date.now() + 31 * 60_000));
  }, 60_000);
  afterAll(async () => h.close());

  it('counts outcome rates over displayed warnings only and says how many were left out', async () => {
    const r = await report();
    expect(r.totals).toMatchObject({ treatment: 6, holdout: 2, displayed: 3, cancelled: 2, abandoned: 1 });
    expect(r.rates.intervention).toMatchObject({ x: 2, n: 3 });
    expect(r.rates.abandoned).toMatchObject({ x: 1, n: 3 });
    expect(r.totals.undisplayedOutcomes).toBe(3);
    expect(r.notes.join(' ')).toMatch(/3 warned decisions .* never reported as displayed/);
    // Completion is about the withdrawal, displayed or not: 1 of 4 decided warned users went ahead.
    expect(r.uplift.completionWarned).toMatchObject({ x: 1, n: 4 });
    for (const day of r.daily) expect(day.intervention.x).toBeLessThanOrEqual(day.intervention.n);
  });

  it('documents the JSON reports in OpenAPI with their full response shape', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<
        string,
        {
          get: {
            responses: Record<
              string,
              {
                content: Record<
                  string,
                  {
                    schema: {
                      properties: Record<string, { properties?: Record<string, unknown> }>;
                    };
                  }
                >;
              }
            >;
          };
        }
      >;
    };
    const schemaOf = (path: string) =>
      doc.paths[path]?.get.responses['200']?.content['application/json']?.schema.properties ?? {};
    const pilot = schemaOf('/v1/reports/pilot');
    expect(Object.keys(pilot.uplift?.properties ?? {})).toEqual(
      expect.arrayContaining(['completionWarned', 'difference', 'relative', 'test', 'alwaysValid']),
    );
    expect(Object.keys(pilot.rates?.properties ?? {})).toContain('intervention');
    expect(Object.keys(schemaOf('/v1/reports/power'))).toEqual(
      expect.arrayContaining(['treatmentUsers', 'holdoutUsers', 'weeks', 'weeklyEligible']),
    );
    // Serialized through that schema, nothing the report computes is dropped.
    const response = await h.app.inject({
      method: 'GET',
      url: '/v1/reports/pilot?campaign=hk-pilot&sequential=true',
      headers: bearer(h.keys.reports),
    });
    const served = response.json() as PilotReport;
    const direct = await h.caveat.reports.pilot(
      { campaign: 'hk-pilot' },
      { sequential: true, now: new Date(served.generatedAt) },
    );
    expect(served).toEqual(JSON.parse(JSON.stringify(direct)));
  });
});

describe.each(storeKinds)('migration 007 recounts the rollups 003 kept, on $name', (kind) => {
  it('moves outcomes of warnings never displayed out of the outcome counters', async () => {
    const db = await kind.open();
    try {
      await migrate(
        db,
        migrations.filter((m) => m.version <= 3),
      );
      // Warned: displayed+cancelled, cancelled without display, abandoned without display.
      // Holdout: proceeded.
      const decision = (id: string, arm: string, variant: string | null) =>
        db.query(
          `INSERT INTO decisions (id, idempotency_key, request_hash, user_ref, jurisdiction, locale, asset,
             amount_usd, decision, campaign_id, campaign_version, variant, arm, response, created_at)
           VALUES ($1, $1, 'h', $1, 'HK', 'en', 'USDT', 500, $2, 'c', 1, $3, $4, '{}', '2026-11-02T10:00:00Z')`,
          [id, arm === 'holdout' ? 'allow' : 'warn', variant, arm],
        );
      const outcome = (id: string, displayed: boolean, outcome: string, withdrew: boolean | null) =>
        db.query(
          `INSERT INTO outcomes (decision_id, displayed_at, decided_at, outcome, withdrew, updated_at)
           VALUES ($1, $2, $3, $4, $5, now())`,
          [
            id,
            displayed ? '2026-11-02T10:00:01Z' : null,
            withdrew === null ? null : '2026-11-02T10:00:07Z',
            outcome,
            withdrew,
          ],
        );
      for (const [id, arm] of [
        ['d1', 'treatment'],
        ['d2', 'treatment'],
        ['d3', 'treatment'],
        ['d4', 'holdout'],
      ] as const)
        await decision(id, arm, arm === 'holdout' ? null : 'A');
      await outcome('d1', true, 'cancelled', false);
      await outcome('d2', false, 'cancelled', false);
      await outcome('d3', false, 'abandoned', null);
      await outcome('d4', false, 'proceeded', true);
      const counters = async () =>
        db.query<Record<string, number | string>>(
          `SELECT arm, sum(displayed)::int AS displayed, sum(cancelled)::int AS cancelled,
             sum(abandoned)::int AS abandoned, sum(withdrew)::int AS withdrew, sum(stayed)::int AS stayed
           FROM measurement_daily GROUP BY arm ORDER BY arm`,
        );
      expect((await counters())[1]).toMatchObject({
        arm: 'treatment',
        displayed: 1,
        cancelled: 2,
        abandoned: 1,
      });
      await migrate(db);
      const after = await db.query<Record<string, number | string>>(
        `SELECT arm, sum(displayed)::int AS displayed, sum(cancelled)::int AS cancelled,
           sum(abandoned)::int AS abandoned, sum(withdrew)::int AS withdrew, sum(stayed)::int AS stayed,
           sum(undisplayed_outcomes)::int AS undisplayed
         FROM measurement_daily GROUP BY arm ORDER BY arm`,
      );
      expect(after).toEqual([
        { arm: 'holdout', displayed: 0, cancelled: 0, abandoned: 0, withdrew: 1, stayed: 0, undisplayed: 1 },
        {
          arm: 'treatment',
          displayed: 1,
          cancelled: 1,
          abandoned: 0,
          withdrew: 0,
          stayed: 2,
          undisplayed: 2,
        },
      ]);
      // The replaced triggers keep counting: the abandoned warning is now reported as displayed.
      await db.query(`UPDATE outcomes SET displayed_at = '2026-11-02T10:00:02Z' WHERE decision_id = 'd3'`);
      const [, treatment] = await db.query<Record<string, number | string>>(
        `SELECT arm, sum(displayed)::int AS displayed, sum(abandoned)::int AS abandoned,
           sum(undisplayed_outcomes)::int AS undisplayed
         FROM measurement_daily GROUP BY arm ORDER BY arm`,
      );
      expect(treatment).toEqual({ arm: 'treatment', displayed: 2, abandoned: 1, undisplayed: 1 });
    } finally {
      await db.close();
    }
  });
});
