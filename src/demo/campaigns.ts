import type { CampaignSpec, LocalizedContent } from '../campaigns/spec.js';
import { hongKongContent } from './content/hong-kong.js';
import { macauContent } from './content/macau.js';
import { taiwanContent } from './content/taiwan.js';
import { unitedKingdomContent } from './content/united-kingdom.js';

export interface DemoCampaign {
  id: string;
  jurisdiction: string;
  partnerId: string;
  name: string;
  spec: CampaignSpec;
}

/**
 * The demo pilots: a warning on new-destination withdrawals above USD 100, with a 20% holdout so
 * the measurement has something to compare with, and a 10-second "take a breather" countdown.
 */
function pilotSpec(experimentKey: string, content: Record<string, LocalizedContent>): CampaignSpec {
  return {
    action: 'warn',
    priority: 100,
    targeting: { minAmountUsd: 100, newDestinationOnly: true },
    experiment: { key: experimentKey, holdoutShare: 0.2, variants: [{ key: 'A', weight: 1 }] },
    frequencyCap: { maxPerUser: 3, windowHours: 24 },
    minDisplaySeconds: 10,
    content,
  };
}

export const demoCampaigns: DemoCampaign[] = [
  {
    id: 'hk-joint-anti-scam',
    jurisdiction: 'HK',
    partnerId: 'hk-police-cstcb',
    name: '[Demo] Hong Kong joint anti-scam campaign',
    spec: pilotSpec('hk-joint-anti-scam-2026', hongKongContent),
  },
  {
    id: 'mo-joint-anti-scam',
    jurisdiction: 'MO',
    partnerId: 'mo-judiciary-police',
    name: '[Demo] Macau joint anti-scam campaign',
    spec: pilotSpec('mo-joint-anti-scam-2026', macauContent),
  },
  {
    id: 'gb-joint-anti-scam',
    jurisdiction: 'GB',
    partnerId: 'gb-action-fraud',
    name: '[Demo] UK anti-fraud campaign',
    spec: pilotSpec('gb-joint-anti-scam-2026', unitedKingdomContent),
  },
  {
    id: 'tw-joint-anti-scam',
    jurisdiction: 'TW',
    partnerId: 'tw-npa-165',
    name: '[Demo] Taiwan anti-fraud campaign',
    spec: pilotSpec('tw-joint-anti-scam-2026', taiwanContent),
  },
];
