import type { Jurisdiction, LiveCampaign } from '../campaigns/model.js';

/** Everything the engine reads, held in memory and replaced whole when a campaign is published. */
export interface ScreeningSnapshot {
  /** Increases with each rebuild; reported in metrics and useful when comparing instances. */
  generation: number;
  builtAt: string;
  jurisdictions: ReadonlyMap<string, Jurisdiction>;
  /** Live campaigns per jurisdiction, highest priority first, newest first within a priority. */
  campaigns: ReadonlyMap<string, readonly LiveCampaign[]>;
}

export function buildSnapshot(
  generation: number,
  jurisdictions: readonly Jurisdiction[],
  live: readonly LiveCampaign[],
  now: Date = new Date(),
): ScreeningSnapshot {
  const campaigns = new Map<string, LiveCampaign[]>();
  for (const entry of live) {
    const list = campaigns.get(entry.campaign.jurisdiction) ?? [];
    list.push(entry);
    campaigns.set(entry.campaign.jurisdiction, list);
  }
  for (const list of campaigns.values()) {
    list.sort((a, b) => b.spec.priority - a.spec.priority || b.publishedAt.localeCompare(a.publishedAt));
  }
  return {
    generation,
    builtAt: now.toISOString(),
    jurisdictions: new Map(jurisdictions.map((jurisdiction) => [jurisdiction.code, jurisdiction])),
    campaigns,
  };
}
