import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Partner } from '../../src/campaigns/model.js';
import { buildOverview, campaignStatus, type OverviewCampaignInput } from '../../src/measurement/overview.js';
import { buildReport } from '../../src/measurement/report.js';
import type { RollupRow } from '../../src/measurement/report-model.js';
import { rollupRow as row } from '../support/rollup-rows.js';
import { withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const now = new Date('2026-11-24T12:00:00Z');
const reportOf = (campaignId: string, rows: Partial<RollupRow>[]) =>
  buildReport({
    filter: { campaign: campaignId },
    rows: rows.map((r) => row({ campaignId, ...r })),
    decideBuckets: new Map(),
    resourceOpens: [],
    experiments: [
      { campaignId, version: 1, holdoutShare: 0.2, variants: [{ key: 'A', weight: 1 }], resourceIds: [] },
    ],
    sequential: false,
    generatedAt: now,
  });
const campaign = (overrides: Partial<OverviewCampaignInput> & { id: string }): OverviewCampaignInput => ({
  name: overrides.id,
  jurisdiction: 'HK',
  partner: null,
  retiredAt: null,
  pausedAt: null,
  live: { version: 1, startsAt: null, endsAt: null },
  report: reportOf(overrides.id, []),
  ...overrides,
});

describe('the programme overview (pure)', () => {
  it('groups campaigns by jurisdiction with status, exposure, the effect or too early, and alarms', () => {
    const big = reportOf('big', [
      { decisions: 4000, displayed: 3000, withdrew: 2000, stayed: 2000 },
      { arm: 'holdout', variant: '', decisions: 1000, withdrew: 800, stayed: 200 },
    ]);
    const overview = buildOverview(
      [
        campaign({
          id: 'small',
          report: reportOf('small', [{ decisions: 2, displayed: 2, withdrew: 1, stayed: 1 }]),
        }),
        campaign({ id: 'big', name: 'A big one', report: big }),
        campaign({ id: 'mo', jurisdiction: 'MO', live: null }),
      ],
      [
        { code: 'HK', name: 'Hong Kong' },
        { code: 'MO', name: 'Macau' },
        { code: 'GB', name: 'United Kingdom' },
      ],
      now,
    );
    expect(overview.jurisdictions.map((j) => j.code)).toEqual(['GB', 'HK', 'MO']);
    const hk = overview.jurisdictions.find((j) => j.code === 'HK')!;
    expect(hk.campaigns.map((c) => c.id)).toEqual(['big', 'small']);
    const [bigRow, smallRow] = hk.campaigns;
    expect(bigRow!.exposure).toMatchObject({ warned: 4000, holdout: 1000, displayed: 3000 });
    expect(bigRow!.effect.evidence.enough).toBe(true);
    expect(bigRow!.effect.difference.difference).toBeCloseTo(0.5 - 0.8);
    // 75% displayed and a 4000/1000 split that is the configured 80/20: only the display alarm.
    expect(bigRow!.alarms).toEqual(['display_low']);
    expect(smallRow!.effect.evidence.enough).toBe(false);
    expect(hk.totals).toEqual({ campaigns: 2, live: 2, warned: 4002, holdout: 1000, alarms: 1 });
    expect(overview.jurisdictions.find((j) => j.code === 'MO')!.campaigns[0]!.status).toBe('draft');
    expect(overview.jurisdictions.find((j) => j.code === 'GB')!.campaigns).toEqual([]);
  });

  it("names a campaign's status from its live pointer, window, kill switch and retirement", () => {
    const live = { version: 2, startsAt: null, endsAt: null };
    expect(campaignStatus({ retiredAt: '2026-11-01T00:00:00Z', pausedAt: null, live }, now)).toBe('retired');
    expect(campaignStatus({ retiredAt: null, pausedAt: null, live: null }, now)).toBe('draft');
    expect(campaignStatus({ retiredAt: null, pausedAt: '2026-11-20T00:00:00Z', live }, now)).toBe('paused');
    expect(
      campaignStatus(
        { retiredAt: null, pausedAt: null, live: { ...live, startsAt: '2026-12-01T00:00:00Z' } },
        now,
      ),
    ).toBe('scheduled');
    expect(
      campaignStatus(
        { retiredAt: null, pausedAt: null, live: { ...live, endsAt: '2026-11-01T00:00:00Z' } },
        now,
      ),
    ).toBe('ended');
    expect(campaignStatus({ retiredAt: null, pausedAt: null, live }, now)).toBe('live');
  });
});

const moPolice: Partner = {
  id: 'mo-police',
  name: 'Macau Judiciary Police',
  jurisdiction: 'MO',
  kind: 'police',
  website: null,
};

describe.each(storeKinds)('GET /v1/reports/overview on $name', (kind) => {
  let h: Harness;
  let moReports: string;
  beforeAll(async () => {
    h = await startHarness(await kind.open());
    await h.caveat.campaigns.putPartner(moPolice, 'test');
    const created = await h.app.inject({
      method: 'POST',
      url: '/v1/admin/api-keys',
      headers: bearer(h.keys.admin),
      payload: { name: 'Macau police reports', scopes: ['reports'], partnerId: moPolice.id },
    });
    moReports = created.json().token;
    for (let i = 0; i < 2; i += 1) {
      const screened = await h.app.inject({
        method: 'POST',
        url: '/v1/screenings',
        headers: bearer(h.keys.exchange),
        payload: withdrawal({ userRef: `overview-user-${i}` }),
      });
      expect(screened.statusCode).toBe(201);
    }
  });
  afterAll(async () => h?.close());

  it('lists every jurisdiction for staff, and only its own for a partner', async () => {
    const all = await h.app.inject({ url: '/v1/reports/overview', headers: bearer(h.keys.reports) });
    expect(all.statusCode).toBe(200);
    const body = all.json() as {
      jurisdictions: {
        code: string;
        campaigns: {
          id: string;
          status: string;
          exposure: { warned: number; holdout: number };
          effect: { evidence: { enough: boolean } };
        }[];
      }[];
    };
    const hk = body.jurisdictions.find((j) => j.code === 'HK')!;
    const pilot = hk.campaigns.find((c) => c.id === 'hk-pilot')!;
    expect(pilot.status).toBe('live');
    expect(pilot.exposure.warned + pilot.exposure.holdout).toBe(2);
    expect(pilot.effect.evidence.enough).toBe(false);
    expect(body.jurisdictions.some((j) => j.code === 'MO')).toBe(true);

    const own = await h.app.inject({ url: '/v1/reports/overview', headers: bearer(moReports) });
    expect(own.statusCode).toBe(200);
    expect(own.json().jurisdictions.map((j: { code: string }) => j.code)).toEqual(['MO']);
    expect(own.body).not.toContain('hk-pilot');
  });
});
