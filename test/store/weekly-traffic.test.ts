import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { MeasurementRepository } from '../../src/store/measurement-repository.js';
import { migrate } from '../../src/store/migrate.js';
import { storeKinds } from '../support/stores.js';

const now = new Date('2026-11-20T15:00:00Z');
const dayBefore = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

describe.each(storeKinds)('weekly traffic for the power plan on $name', (kind) => {
  let db: Database;
  let measurement: MeasurementRepository;

  /** `perDay` decisions a day under `campaign`, from `daysAgo` days before now up to today. */
  async function traffic(campaign: string, daysAgo: number, perDay: number) {
    for (let ago = daysAgo; ago >= 0; ago -= 1)
      await db.query(
        `INSERT INTO measurement_daily (day, campaign_id, campaign_version, variant, arm, jurisdiction, locale,
           asset, amount_band, decisions)
         VALUES ($1::date, $2, 1, 'A', 'treatment', 'HK', 'en', 'USDT', '0-100', $3)`,
        [dayBefore(ago), campaign, perDay],
      );
  }

  beforeAll(async () => {
    db = await kind.open();
    await migrate(db);
    measurement = new MeasurementRepository(db);
    await traffic('one-day', 0, 100);
    await traffic('ten-days', 9, 100);
    await traffic('two-months', 59, 100);
  });
  afterAll(async () => db.close());

  it('projects a one-day pilot from its one day, not from 28', async () => {
    expect(await measurement.weeklyTraffic('one-day', now)).toBeCloseTo(700, 9);
  });

  it('projects from the days observed since the first decision, up to the last 28', async () => {
    expect(await measurement.weeklyTraffic('ten-days', now)).toBeCloseTo(700, 9);
    expect(await measurement.weeklyTraffic('two-months', now)).toBeCloseTo(700, 9);
  });

  it('has no traffic for a campaign without decisions', async () => {
    expect(await measurement.weeklyTraffic('none', now)).toBe(0);
  });
});
