import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const jsonish = fc.jsonValue({ maxDepth: 3 });

/** Mutations of a valid request: any field replaced by any JSON, dropped, or extra fields added. */
const mutatedWithdrawal = fc
  .record({
    field: fc.constantFrom(...Object.keys(withdrawal()), 'destination.address', 'account.ageDays', 'extra'),
    value: fc.oneof(jsonish, fc.constant(undefined)),
  })
  .map(({ field, value }) => {
    const body = structuredClone(withdrawal()) as unknown as Record<string, Record<string, unknown>>;
    const [outer, inner] = field.split('.') as [string, string | undefined];
    if (inner && body[outer]) body[outer][inner] = value as Record<string, unknown>;
    else (body as Record<string, unknown>)[outer] = value;
    return body;
  });

describe('no input yields a 5xx', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(await storeKinds[0]!.open());
  });
  afterAll(async () => h.close());

  it('screening answers every mutated or random body with 2xx or 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedWithdrawal, jsonish), async (body) => {
        const response = await h.app.inject({
          method: 'POST',
          url: '/v1/screenings',
          headers: { ...bearer(h.keys.exchange), 'content-type': 'application/json' },
          payload: JSON.stringify(body) ?? 'null',
        });
        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode >= 400) expect(response.json().errors?.length ?? 1).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('events answer every random body with 2xx or 4xx', async () => {
    const event = fc.record({
      id: fc.oneof(fc.string(), fc.uuid()),
      decisionId: fc.string(),
      type: fc.constantFrom('displayed', 'resource_opened', 'cancelled', 'proceeded', 'x'),
      occurredAt: fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.string(),
      ),
      resourceId: fc.option(fc.string(), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.record({ events: fc.array(event, { maxLength: 5 }) }), jsonish),
        async (body) => {
          const response = await h.app.inject({
            method: 'POST',
            url: '/v1/events',
            headers: { ...bearer(h.keys.exchange), 'content-type': 'application/json' },
            payload: JSON.stringify(body) ?? 'null',
          });
          expect(response.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects malformed JSON with a 400 problem', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/v1/screenings',
      headers: { ...bearer(h.keys.exchange), 'content-type': 'application/json' },
      payload: '{"idempotencyKey": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
