import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo-seed.js';
import { runSimulation } from '../../src/cli/pilot-simulator.js';
import type { PilotReport } from '../../src/measurement/report-model.js';
import { defaultBehaviours, planPopulation, truthOf } from '../../src/measurement/simulation.js';
import type { RateEstimate } from '../../src/measurement/statistics/proportions.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const inside = (truth: number, estimate: { low: number | null; high: number | null }) =>
  estimate.low !== null && estimate.high !== null && estimate.low <= truth && truth <= estimate.high;

describe.each(storeKinds)('pilot simulator against the real HTTP API, on $name', (kind) => {
  let h: Harness;
  let url: string;
  const behaviours = defaultBehaviours(1200).filter(
    (b) => b.jurisdiction === 'HK' || b.jurisdiction === 'MO',
  );
  const report = async (query: string): Promise<PilotReport> => {
    const response = await fetch(`${url}/v1/reports/pilot?${query}`, { headers: bearer(h.keys.reports) });
    expect(response.status).toBe(200);
    return (await response.json()) as PilotReport;
  };

  beforeAll(async () => {
    h = await startHarness(await kind.open(), { seed: false });
    await seedDemo(h.caveat, pino({ level: 'silent' }));
    url = await h.app.listen({ host: '127.0.0.1', port: 0 });
    const healthy = planPopulation(behaviours, { seed: 20261124, runId: 'ok' });
    // Taiwan's integration is broken: half of its holdout outcomes never reach caveat.
    const broken = planPopulation(
      defaultBehaviours(1200).filter((b) => b.jurisdiction === 'TW'),
      { seed: 7, runId: 'broken', loseHoldoutReports: 0.5 },
    );
    await runSimulation({ url, apiKey: h.keys.exchange, users: [...healthy, ...broken] });
  }, 180_000);
  afterAll(async () => h.close());

  it('puts every true rate and the true uplift inside its 95% interval', async () => {
    for (const behaviour of behaviours) {
      const truth = truthOf(behaviour);
      const r = await report(`jurisdiction=${behaviour.jurisdiction}&sequential=true`);
      expect(r.totals.decisions).toBe(behaviour.users);
      const checks: [string, number, RateEstimate | PilotReport['uplift']['difference']][] = [
        ['intervention', truth.intervention, r.rates.intervention],
        ['warned completion', truth.completionWarned, r.uplift.completionWarned],
        ['holdout completion', truth.completionHoldout, r.uplift.completionHoldout],
        ['uplift', truth.uplift, r.uplift.difference],
        [
          'uplift (always valid)',
          truth.uplift,
          r.uplift.alwaysValid ?? { difference: null, low: null, high: null },
        ],
      ];
      for (const [name, value, estimate] of checks)
        expect(
          inside(value, estimate),
          `${behaviour.jurisdiction} ${name} ${value} in ${JSON.stringify(estimate)}`,
        ).toBe(true);
      expect(r.sampleRatio.every((s) => !s.assignment.mismatch && !s.analysed.mismatch)).toBe(true);
      expect(r.rates.displayed.rate).toBe(1);
      expect(r.resources.length).toBeGreaterThan(0);
    }
  });

  it('flags the broken split with the sample-ratio check', async () => {
    const r = await report('jurisdiction=TW');
    expect(r.sampleRatio).toHaveLength(1);
    expect(r.sampleRatio[0]?.assignment.mismatch).toBe(false);
    expect(r.sampleRatio[0]?.analysed.mismatch).toBe(true);
    expect(r.notes.join(' ')).toMatch(/Sample ratio mismatch/);
  });

  it('gives honest empty answers for a date range with no data', async () => {
    const r = await report('from=2001-01-01&to=2001-01-31');
    expect(r.totals.decisions).toBe(0);
    expect(r.rates.intervention).toMatchObject({ n: 0, rate: null });
    expect(r.uplift.difference.difference).toBeNull();
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
    expect(r.notes[0]).toMatch(/No decisions/);
  });

  it('exports CSV per day and per week and refuses a reversed range naming the field', async () => {
    const csv = await fetch(`${url}/v1/reports/pilot.csv?jurisdiction=HK`, {
      headers: bearer(h.keys.reports),
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^period_kind,period,warned,holdout/);
    expect(lines.some((line) => line.startsWith('day,'))).toBe(true);
    expect(lines.some((line) => line.startsWith('week,'))).toBe(true);
    const bad = await fetch(`${url}/v1/reports/pilot?from=2026-02-01&to=2026-01-01`, {
      headers: bearer(h.keys.reports),
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toMatch(/querystring\/to/);
    const forbidden = await fetch(`${url}/v1/reports/pilot`, { headers: bearer(h.keys.exchange) });
    expect(forbidden.status).toBe(403);
  });

  it('plans a pilot from the campaign traffic', async () => {
    const response = await fetch(
      `${url}/v1/reports/power?baselineRate=0.93&effect=-0.03&holdoutShare=0.2&campaign=hk-joint-anti-scam`,
      { headers: bearer(h.keys.reports) },
    );
    const plan = (await response.json()) as { totalUsers: number; weeks: number; weeklyEligible: number };
    // The simulated pilot ran just now: a week is projected from the days it was observed (one,
    // or two if the run crossed midnight UTC), not from 28.
    const [first] = await h.caveat.db.query<{ days: number }>(
      `SELECT (now() AT TIME ZONE 'UTC')::date - min(created_at AT TIME ZONE 'UTC')::date + 1 AS days
       FROM decisions WHERE campaign_id = 'hk-joint-anti-scam'`,
    );
    const weekly = (1200 * 7) / Number(first?.days);
    expect(plan.weeklyEligible).toBeCloseTo(weekly, 6);
    expect(plan.weeks).toBeCloseTo(Math.ceil((plan.totalUsers / weekly) * 10) / 10, 5);
  });
});
