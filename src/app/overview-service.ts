import { buildOverview, type Overview, type OverviewCampaignInput } from '../measurement/overview.js';
import type { Caveat } from './caveat.js';

/**
 * The programme overview: every campaign of the jurisdictions a reader may see, each with a
 * report over all its versions (exposure, alarms) and one over its live version (the effect).
 * Rollups only: the overview costs two small reads per campaign whatever the traffic.
 */
export async function programmeOverview(
  caveat: Pick<Caveat, 'campaigns' | 'reports'>,
  /** A partner reviewer's jurisdiction; null for staff, who see every jurisdiction. */
  onlyJurisdiction: string | null,
  now: Date,
): Promise<Overview> {
  const [jurisdictions, campaigns, partners] = await Promise.all([
    caveat.campaigns.listJurisdictions(),
    caveat.campaigns.listCampaigns(onlyJurisdiction === null ? {} : { jurisdiction: onlyJurisdiction }),
    caveat.campaigns.listPartners(onlyJurisdiction ?? undefined),
  ]);
  const partnerNames = new Map(partners.map((p) => [p.id, p.name]));
  const options = { sequential: false, now, rollupsOnly: true };
  const inputs = await Promise.all(
    campaigns.map(async (campaign): Promise<OverviewCampaignInput> => {
      const report = await caveat.reports.pilot({ campaign: campaign.id }, options);
      const published = campaign.versions.filter((v) => v.state === 'published').length;
      const liveReport =
        campaign.live && published > 1
          ? await caveat.reports.pilot({ campaign: campaign.id, version: campaign.live.version }, options)
          : undefined;
      return {
        id: campaign.id,
        name: campaign.name || campaign.id,
        jurisdiction: campaign.jurisdiction,
        partner: campaign.partnerId
          ? { id: campaign.partnerId, name: partnerNames.get(campaign.partnerId) ?? campaign.partnerId }
          : null,
        retiredAt: campaign.retiredAt,
        pausedAt: campaign.pausedAt,
        live: campaign.live,
        report,
        ...(liveReport ? { liveReport } : {}),
      };
    }),
  );
  const visible = jurisdictions.filter((j) => onlyJurisdiction === null || j.code === onlyJurisdiction);
  return buildOverview(inputs, visible, now);
}
