import { demoCampaigns, demoPublishedSpec } from '../../src/demo/campaigns.js';
import { demoJurisdictions } from '../../src/demo/jurisdictions.js';
import type { QuizKnowledge } from '../../src/education/bank.js';
import { LookalikeDetector } from '../../src/intelligence/lookalike.js';
import { OfficialRegistry, type OfficialChannel } from '../../src/intelligence/official-channels.js';

/** Official channels as the demo registers them (binance.com, x:@binance), plus others for breadth. */
export function registryOf(channels: { brand: string; kind: 'domain' | 'social_handle'; value: string }[]) {
  const list: OfficialChannel[] = channels.map((c) =>
    c.kind === 'domain'
      ? { brand: c.brand, kind: 'domain', key: `domain:${c.value}`, display: c.value }
      : { brand: c.brand, kind: 'social_handle', key: `handle:${c.value}`, display: c.value },
  );
  const registry = new OfficialRegistry(list);
  return {
    registry,
    detector: new LookalikeDetector(registry.officialDomains(), registry.officialHandles()),
  };
}

export const demoRegistry = () =>
  registryOf([
    { brand: '[Demo] Binance', kind: 'domain', value: 'binance.com' },
    { brand: '[Demo] Binance', kind: 'social_handle', value: 'x:binance' },
  ]);

export function demoKnowledge(jurisdiction: string, registry = demoRegistry()): QuizKnowledge {
  const j = demoJurisdictions.find((d) => d.code === jurisdiction);
  const campaign = demoCampaigns.find((c) => c.jurisdiction === jurisdiction);
  if (!j || !campaign) throw new Error(`no demo ${jurisdiction}`);
  return {
    jurisdiction: j,
    ...registry,
    // The content screening serves: published, with the directory's numbers written in.
    campaign: { id: campaign.id, version: 1, content: demoPublishedSpec(campaign).content },
  };
}
