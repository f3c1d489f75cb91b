import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo-seed.js';
import { runSimulation } from '../../src/cli/pilot-simulator.js';
import { defaultBehaviours, planPopulation } from '../../src/measurement/simulation.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const fields = [
  'campaign',
  'jurisdiction',
  'version',
  'variant',
  'locale',
  'asset',
  'amountBand',
  'from',
  'to',
  'sequential',
  'baselineRate',
  'effect',
  'holdoutShare',
  'power',
  'alpha',
  'extra',
];
/** Plausible and implausible values alike: days, numbers, codes, empty, unicode, SQL. */
const value = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2026-02-30', '0000-00-00', 'HK', 'hk', 'A', 'true', 'false', '10k+', "'; DROP TABLE x;--"),
  fc.double({ min: -2, max: 2, noNaN: true }).map(String),
  fc.constantFrom('0.0', '.0', '0.9999999', '.5', '-0.5', '1', '999999999', '0'),
  fc.string({ maxLength: 40 }),
);
const query = fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 6 });
const paths = ['/v1/reports/pilot', '/v1/reports/pilot.csv', '/v1/reports/pilot.html', '/v1/reports/power'];

describe('report endpoints answer any query with 2xx or a 4xx naming the field', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(await storeKinds[0]!.open(), { seed: false });
    await seedDemo(h.caveat, pino({ level: 'silent' }));
    const url = await h.app.listen({ host: '127.0.0.1', port: 0 });
    const users = planPopulation(
      defaultBehaviours(150).filter((b) => b.jurisdiction === 'HK' || b.jurisdiction === 'MO'),
      { seed: 9, runId: 'queries' },
    );
    await runSimulation({ url, apiKey: h.keys.exchange, users });
  }, 120_000);
  afterAll(async () => h.close());

  it('never a 5xx, never NaN', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), query, async (path, q) => {
        const response = await h.app.inject({
          method: 'GET',
          url: `${path}?${new URLSearchParams(q).toString()}`,
          headers: bearer(h.keys.reports),
        });
        expect(response.statusCode, `${path} ${JSON.stringify(q)}: ${response.body}`).toBeLessThan(500);
        if (response.statusCode >= 400) {
          const problem = response.json() as { errors?: { field: string }[] };
          expect(problem.errors?.[0]?.field ?? '').toMatch(/^querystring/);
        } else expect(response.body).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 250 },
    );
  });

  it('names power and alpha when they are out of range', async () => {
    for (const [field, bad] of [
      ['power', '0.0'],
      ['alpha', '.0'],
    ] as const) {
      const response = await h.app.inject({
        method: 'GET',
        url: `/v1/reports/power?baselineRate=0.9&effect=-0.05&${field}=${bad}`,
        headers: bearer(h.keys.reports),
      });
      expect(response.statusCode).toBe(422);
      expect((response.json() as { errors: { field: string }[] }).errors[0]?.field).toBe(
        `querystring/${field}`,
      );
    }
  });
});
