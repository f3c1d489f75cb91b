import type { LiveCampaign } from '../src/campaigns/model.js';
import { demoCampaigns } from '../src/demo/campaigns.js';
import { demoJurisdictions } from '../src/demo/jurisdictions.js';
import { buildSnapshot, type ScreeningSnapshot } from '../src/screening/snapshot.js';

/** The screening snapshot of the demo campaigns, published as version 1, for in-process benchmarks. */
export function demoSnapshot(): ScreeningSnapshot {
  const live: LiveCampaign[] = demoCampaigns.map((demo) => ({
    campaign: {
      id: demo.id,
      jurisdiction: demo.jurisdiction,
      partnerId: demo.partnerId,
      name: demo.name,
      demo: true,
      retiredAt: null,
    },
    version: 1,
    spec: demo.spec,
    publishedAt: '2026-01-01T00:00:00.000Z',
  }));
  return buildSnapshot(1, demoJurisdictions, live);
}
