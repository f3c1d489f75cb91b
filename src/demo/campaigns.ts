import { resolveDirectoryRefs } from '../campaigns/directory-refs.js';
import type { CampaignSpec, LocalizedContent, Resource } from '../campaigns/spec.js';
import { hongKongContent } from './content/hong-kong.js';
import { macauContent } from './content/macau.js';
import { taiwanContent } from './content/taiwan.js';
import { unitedKingdomContent } from './content/united-kingdom.js';
import { demoDirectoryEntries } from './directory.js';
import { DEMO_PRESENTATIONS, demoQuestionsFor, withQuestions } from './questions.js';

export interface DemoCampaign {
  id: string;
  jurisdiction: string;
  partnerId: string;
  name: string;
  spec: CampaignSpec;
}

/** The config's PUBLIC_BASE_URL default: where a local `caveat serve --demo` answers. */
export const LOCAL_PUBLIC_BASE_URL = 'http://127.0.0.1:8080';

/**
 * The demo pilots: a warning on new-destination withdrawals above USD 100, with a 20% holdout so
 * the measurement has something to compare with, and a 10-second "take a breather" countdown.
 */
function pilotSpec(
  experimentKey: string,
  jurisdiction: string,
  content: Record<string, LocalizedContent>,
  publicBaseUrl: string,
): CampaignSpec {
  const withCheck: Record<string, LocalizedContent> = {};
  for (const [locale, localized] of Object.entries(content))
    withCheck[locale] = {
      ...localized,
      resources: [...localized.resources, verifyChannel(jurisdiction, locale, publicBaseUrl)],
    };
  return {
    action: 'warn',
    priority: 100,
    targeting: { minAmountUsd: 100, newDestinationOnly: true },
    experiment: { key: experimentKey, holdoutShare: 0.2, variants: [{ key: 'A', weight: 1 }] },
    frequencyCap: { maxPerUser: 3, windowHours: 24 },
    minDisplaySeconds: 10,
    // An answer pointing to someone met online asks for an hour's cooling-off; coaching, a review.
    ladder: { coolingOffMinutes: 60 },
    presentations: DEMO_PRESENTATIONS,
    content: withQuestions(
      withCheck,
      demoQuestionsFor(jurisdiction).order,
      demoQuestionsFor(jurisdiction).scams,
    ),
  };
}

const verifyWords: Record<string, { name: string; purpose: string }> = {
  en: {
    name: 'Verify an official channel',
    purpose:
      "Check whether a website, phone number or address is one of the exchange's official channels, or has been reported as a scam",
  },
  'zh-Hant': {
    name: '核實官方渠道',
    purpose: '查核網站、電話號碼或地址是否交易所的官方渠道，或曾被舉報涉及詐騙',
  },
  'zh-Hant-TW': {
    name: '查證官方管道',
    purpose: '查證網站、電話號碼或地址是否為交易所的官方管道，或曾被檢舉涉及詐騙',
  },
  pt: {
    name: 'Verificar um canal oficial',
    purpose:
      'Verifique se um site, número de telefone ou endereço é um canal oficial da plataforma, ou se foi denunciado como burla',
  },
};

/**
 * caveat's own /check page as a resource, as the pilot's warning pointed at the exchange's
 * verification page. The spec takes absolute http(s) URLs only and the element opens the link
 * outside the exchange's page, so it is the public base URL the instance is configured with.
 */
function verifyChannel(jurisdiction: string, locale: string, publicBaseUrl: string): Resource {
  const words =
    (jurisdiction === 'TW' && locale === 'zh-Hant' ? verifyWords['zh-Hant-TW'] : verifyWords[locale]) ??
    verifyWords.en!;
  return {
    id: 'caveat-check',
    name: words.name,
    url: `${publicBaseUrl.replace(/\/$/, '')}/check`,
    purpose: words.purpose,
    checkBeforeSend: true,
  };
}

/** The demo campaigns, their /check resource at `publicBaseUrl` (the instance's public address). */
export function demoCampaignsAt(publicBaseUrl: string): DemoCampaign[] {
  return [
    {
      id: 'hk-joint-anti-scam',
      jurisdiction: 'HK',
      partnerId: 'hk-police-cstcb',
      name: '[Demo] Hong Kong joint anti-scam campaign',
      spec: pilotSpec('hk-joint-anti-scam-2026', 'HK', hongKongContent, publicBaseUrl),
    },
    {
      id: 'mo-joint-anti-scam',
      jurisdiction: 'MO',
      partnerId: 'mo-judiciary-police',
      name: '[Demo] Macau joint anti-scam campaign',
      spec: pilotSpec('mo-joint-anti-scam-2026', 'MO', macauContent, publicBaseUrl),
    },
    {
      id: 'gb-joint-anti-scam',
      jurisdiction: 'GB',
      partnerId: 'gb-action-fraud',
      name: '[Demo] UK anti-fraud campaign',
      spec: pilotSpec('gb-joint-anti-scam-2026', 'GB', unitedKingdomContent, publicBaseUrl),
    },
    {
      id: 'tw-joint-anti-scam',
      jurisdiction: 'TW',
      partnerId: 'tw-npa-165',
      name: '[Demo] Taiwan anti-fraud campaign',
      spec: pilotSpec('tw-joint-anti-scam-2026', 'TW', taiwanContent, publicBaseUrl),
    },
  ];
}

/** The demo campaigns as a local instance serves them (as written: items refer to the directory). */
export const demoCampaigns: DemoCampaign[] = demoCampaignsAt(LOCAL_PUBLIC_BASE_URL);

/** A demo campaign's spec as published: the directory's values written in (see directory-refs.ts). */
export function demoPublishedSpec(campaign: DemoCampaign): CampaignSpec {
  return resolveDirectoryRefs(campaign.spec, demoDirectoryEntries(campaign.jurisdiction));
}
