import type { CampaignSpec } from '../campaigns/spec.js';
import type { ExperimentConfig, ReportFilter, RollupRow } from '../measurement/report-model.js';
import type { Database, SqlValue } from './database.js';
import { jsonObject } from './rows.js';

/**
 * Reads the measurement rollups (migration 003). Every query touches the small daily tables, never
 * the events, so a report costs the same whether a campaign had a thousand events or ten million.
 */
export class MeasurementRepository {
  constructor(private readonly db: Database) {}

  async rollup(filter: ReportFilter): Promise<RollupRow[]> {
    const { where, params } = whereClause(filter);
    const rows = await this.db.query<{
      day: string;
      campaign_id: string;
      campaign_version: number;
      variant: string;
      arm: RollupRow['arm'];
      decisions: number;
      displayed: number;
      cancelled: number;
      verified: number;
      proceeded: number;
      abandoned: number;
      withdrew: number;
      stayed: number;
      undisplayed_outcomes: number;
    }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, campaign_id, campaign_version, variant, arm,
         sum(decisions)::int AS decisions, sum(displayed)::int AS displayed, sum(cancelled)::int AS cancelled,
         sum(verified)::int AS verified, sum(proceeded)::int AS proceeded, sum(abandoned)::int AS abandoned,
         sum(withdrew)::int AS withdrew, sum(stayed)::int AS stayed,
         sum(undisplayed_outcomes)::int AS undisplayed_outcomes
       FROM measurement_daily ${where}
       GROUP BY day, campaign_id, campaign_version, variant, arm
       ORDER BY day`,
      params,
    );
    return rows.map((row) => ({
      day: row.day,
      campaignId: row.campaign_id,
      campaignVersion: row.campaign_version,
      variant: row.variant,
      arm: row.arm,
      decisions: row.decisions,
      displayed: row.displayed,
      cancelled: row.cancelled,
      verified: row.verified,
      proceeded: row.proceeded,
      abandoned: row.abandoned,
      withdrew: row.withdrew,
      stayed: row.stayed,
      undisplayedOutcomes: row.undisplayed_outcomes,
    }));
  }

  /** Warned users' time from display to decision, as bucket → count. */
  async decideBuckets(filter: ReportFilter): Promise<Map<number, number>> {
    const { where, params } = whereClause(filter, ["arm = 'treatment'"]);
    const rows = await this.db.query<{ bucket: number; n: number }>(
      `SELECT bucket, sum(n)::int AS n FROM measurement_decide_time ${where} GROUP BY bucket`,
      params,
    );
    return new Map(rows.map((row) => [row.bucket, row.n]));
  }

  async resourceOpens(filter: ReportFilter): Promise<{ resourceId: string; decisions: number }[]> {
    const { where, params } = whereClause(filter, ["arm = 'treatment'"]);
    const rows = await this.db.query<{ resource_id: string; decisions: number }>(
      `SELECT resource_id, sum(decisions)::int AS decisions FROM measurement_resource_opens ${where}
       GROUP BY resource_id ORDER BY resource_id`,
      params,
    );
    return rows.map((row) => ({ resourceId: row.resource_id, decisions: row.decisions }));
  }

  /** The configured split of each published version that appears in the rows. */
  async experiments(
    versions: readonly { campaignId: string; version: number }[],
  ): Promise<ExperimentConfig[]> {
    if (versions.length === 0) return [];
    const rows = await this.db.query<{ campaign_id: string; version: number; spec: unknown }>(
      `SELECT campaign_id, version, spec FROM campaign_versions
       WHERE (campaign_id, version) IN (SELECT * FROM unnest($1::text[], $2::int[]))`,
      [versions.map((v) => v.campaignId), versions.map((v) => v.version)],
    );
    return rows.map((row) => {
      const spec = jsonObject<CampaignSpec>(row.spec);
      return {
        campaignId: row.campaign_id,
        version: row.version,
        holdoutShare: spec.experiment.holdoutShare,
        variants: spec.experiment.variants.map((v) => ({ key: v.key, weight: v.weight })),
        resourceIds: [
          ...new Set(Object.values(spec.content).flatMap((content) => content.resources.map((r) => r.id))),
        ],
      };
    });
  }

  /** Decisions per week under a campaign over the last 28 days, for power planning. */
  /**
   * Decisions per week under a campaign, projected from the days actually observed: the last 28,
   * or fewer when the first decision is more recent (a one-day pilot's day counts as one day, not
   * as a quarter of four weeks). Days are UTC; today counts as a day.
   */
  async weeklyTraffic(campaignId: string, now: Date): Promise<number> {
    const today = now.toISOString().slice(0, 10);
    const rows = await this.db.query<{ span: number | null; n: number | null }>(
      `SELECT $2::date - min(day) + 1 AS span, sum(decisions) FILTER (WHERE day > $2::date - 28)::int AS n
       FROM measurement_daily WHERE campaign_id = $1 AND day <= $2::date`,
      [campaignId, today],
    );
    const span = Math.min(28, rows[0]?.span ?? 0);
    return span > 0 ? ((rows[0]?.n ?? 0) * 7) / span : 0;
  }

  /**
   * Screenings per day that reached a campaign in a jurisdiction, over the same observed days as
   * weeklyTraffic (the last 28, or fewer for a young programme), in total and for the given assets.
   */
  async dailyTrafficInJurisdiction(
    jurisdiction: string,
    assets: readonly string[],
    now: Date,
  ): Promise<{ perDay: number; perDayForAssets: number; days: number }> {
    const today = now.toISOString().slice(0, 10);
    const rows = await this.db.query<{ span: number | null; n: number | null; m: number | null }>(
      `SELECT $2::date - min(day) + 1 AS span,
         sum(decisions) FILTER (WHERE day > $2::date - 28)::int AS n,
         sum(decisions) FILTER (WHERE day > $2::date - 28 AND asset = ANY($3::text[]))::int AS m
       FROM measurement_daily WHERE jurisdiction = $1 AND day <= $2::date`,
      [jurisdiction, today, [...assets]],
    );
    const days = Math.min(28, rows[0]?.span ?? 0);
    if (days <= 0) return { perDay: 0, perDayForAssets: 0, days: 0 };
    return { perDay: (rows[0]?.n ?? 0) / days, perDayForAssets: (rows[0]?.m ?? 0) / days, days };
  }
}

function whereClause(filter: ReportFilter, extra: string[] = []): { where: string; params: SqlValue[] } {
  const conditions = [...extra];
  const params: SqlValue[] = [];
  const add = (sql: string, value: SqlValue) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.campaign !== undefined) add('campaign_id = ?', filter.campaign);
  if (filter.jurisdiction !== undefined) add('jurisdiction = ?', filter.jurisdiction);
  if (filter.version !== undefined) add('campaign_version = ?', filter.version);
  if (filter.variant !== undefined) add("(variant = ? OR arm = 'holdout')", filter.variant);
  if (filter.locale !== undefined) add('locale = ?', filter.locale);
  if (filter.asset !== undefined) add('asset = ?', filter.asset);
  if (filter.amountBand !== undefined) add('amount_band = ?', filter.amountBand);
  if (filter.from !== undefined) add('day >= ?::date', filter.from);
  if (filter.to !== undefined) add('day <= ?::date', filter.to);
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
