import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo-seed.js';
import { LookalikeDetector } from '../../src/intelligence/lookalike.js';
import { lookalikeRiskFinding, techniqueOf } from '../../src/intelligence/lookalike-reason.js';
import { withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const REPORTED = 'TB71wT152mrwnUrZFSa1cVP7a5tRuYkrCN'; // demo indicator: high risk, 14 reports, HK

describe('lookalike findings as reasons', () => {
  it('names the brand, its official domain and the trick, for the element to word', () => {
    const detector = new LookalikeDetector([
      { brand: 'Binance', registrable: 'binance.com', label: 'binance' },
    ]);
    const finding = detector.checkHostname('binance-verify-support.com');
    expect(finding).toBeDefined();
    const reason = lookalikeRiskFinding(finding!, 'binance-verify-support.com');
    expect(reason).toMatchObject({
      code: 'lookalike',
      severity: 'warn',
      params: { imitates: 'Binance', officialDomain: 'binance.com', technique: 'brand_in_name' },
    });
    expect(reason.message).toMatch(/^binance-verify-support\.com imitates Binance \(binance\.com\): /);
  });

  it('tells each trick from the finding, and prefers a technique the detector states', () => {
    const finding = (reason: string) => ({ brand: 'B', imitates: 'b.com', score: 1, reasons: [reason] });
    expect(techniqueOf(finding('looks the same as b.com but uses look-alike characters (ƅ.com)'))).toBe(
      'confusable',
    );
    expect(techniqueOf(finding("the brand's name under another ending: .net instead of .com"))).toBe(
      'tld_swap',
    );
    expect(techniqueOf(finding('one typo away from b.com'))).toBe('typo');
    expect(techniqueOf(finding('puts "b.com" in front of another site, x.io'))).toBe('brand_in_name');
    expect(techniqueOf(finding('something new'))).toBe('other');
    expect(techniqueOf({ ...finding('one typo away'), technique: 'confusable' })).toBe('confusable');
  });
});

describe.each(storeKinds)('structured findings in decisions on $name', (kind) => {
  let h: Harness;
  // One body sent twice: the second is a retry of the first.
  const body = withdrawal({ destination: { address: REPORTED, isNew: true, isWhitelisted: false } });
  const screen = (idempotencyKey: string) =>
    h.app.inject({
      method: 'POST',
      url: '/v1/screenings',
      headers: bearer(h.keys.exchange),
      payload: { ...body, idempotencyKey },
    });

  beforeAll(async () => {
    h = await startHarness(await kind.open(), { seed: false });
    await seedDemo(h.caveat, pino({ level: 'silent' }));
  });
  afterAll(async () => h.close());

  it('gives the reported count, type, jurisdictions, last seen and source as params, also on replay', async () => {
    const first = await screen(`findings-${kind.name}`);
    expect(first.statusCode).toBe(201);
    const reason = first.json().reasons[0];
    expect(reason).toMatchObject({
      code: 'destination_reported',
      params: { count: 14, scamType: 'investment', riskLevel: 'high', jurisdictions: ['HK'] },
    });
    expect(reason.message).toMatch(/reported 14 times as an investment scam in HK/);
    expect(reason.params.lastSeen).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(['partner', 'user_report', 'feed', 'staff']).toContain(reason.params.source);

    // The recorder keeps reasons inside the stored response: a retry returns the same params.
    const replay = await screen(`findings-${kind.name}`);
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().reasons[0]).toEqual(reason);
    const stored = await h.caveat.db.query<{ response: unknown }>(
      'SELECT response FROM decisions WHERE id = $1',
      [first.json().id],
    );
    const response = stored[0]!.response;
    const json = typeof response === 'string' ? response : JSON.stringify(response);
    expect(JSON.parse(json).reasons[0].params).toEqual(reason.params);
  });

  it('takes the report the warning element sends, with the event token, for the decision destination', async () => {
    const decision = (await screen(`findings-report-${kind.name}`)).json();
    // Exactly the body src/web/warning/caveat-warning.ts builds (an empty description box).
    const response = await h.app.inject({
      method: 'POST',
      url: '/v1/scam-reports',
      headers: bearer(decision.eventToken),
      payload: {
        idempotencyKey: 'warning:3f0c2a9e-7b1d-4c55-9f0e-8a6d2b1c4e70',
        category: 'investment',
        description: 'Reported from the warning; no description given.',
        locale: decision.content.locale,
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().reference).toMatch(/^CVR-/);
    const rows = await h.caveat.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM scam_reports WHERE decision_id = $1`,
      [decision.id],
    );
    expect(rows[0]?.n).toBe(1);
  });
});
