import type { Jurisdiction, Partner } from '../../src/campaigns/model.js';
import type { CampaignSpec, LocalizedContent } from '../../src/campaigns/spec.js';
import type { ScreeningRequest } from '../../src/screening/request.js';

/** Small, fixed test data (real HK and MO public resources, as in the demo). */
export const HK: Jurisdiction = {
  code: 'HK',
  name: 'Hong Kong',
  defaultLocale: 'zh-Hant',
  locales: ['zh-Hant', 'en'],
};
export const MO: Jurisdiction = {
  code: 'MO',
  name: 'Macau',
  defaultLocale: 'zh-Hant',
  locales: ['zh-Hant', 'pt', 'en'],
};

export const hkPolice: Partner = {
  id: 'hk-police',
  name: 'Hong Kong Police Force, CSTCB',
  jurisdiction: 'HK',
  kind: 'police',
  website: 'https://www.police.gov.hk/',
};

function content(title: string, never: string): LocalizedContent {
  return {
    title,
    body: 'Scammers ask you to move crypto to an address they control.',
    tips: ['Check the address on Scameter before you send.'],
    commonScams: [
      {
        name: 'Investment scam',
        howItWorks: 'A new friend shows profits.',
        redFlags: ['Guaranteed returns'],
      },
    ],
    resources: [
      {
        id: 'scameter',
        name: 'Scameter',
        url: 'https://cyberdefender.hk/en-us/scameter/',
        purpose: 'Check an address, site or phone number',
        checkBeforeSend: true,
      },
      {
        id: 'adcc-18222',
        name: 'Anti-Scam Helpline',
        phone: '18222',
        purpose: 'Ask the police',
        checkBeforeSend: false,
      },
    ],
    contacts: [{ name: 'Anti-Deception Coordination Centre', phone: '18222' }],
    statistics: [],
    neverCallNotice: never,
  };
}

export function hkSpec(overrides: Partial<CampaignSpec> = {}): CampaignSpec {
  return {
    action: 'warn',
    priority: 100,
    targeting: { minAmountUsd: 100 },
    experiment: {
      key: 'hk-test',
      holdoutShare: 0.2,
      variants: [
        { key: 'A', weight: 1 },
        { key: 'B', weight: 1, overrides: { en: { title: 'Stop. Is this a scam?' } } },
      ],
    },
    frequencyCap: { maxPerUser: 100, windowHours: 24 },
    minDisplaySeconds: 10,
    content: {
      'zh-Hant': content('小心騙案', '我們絕不會致電給你'),
      en: content('Beware of scams', 'We will never call you'),
    },
    ...overrides,
  };
}

export function moSpec(): CampaignSpec {
  const spec = hkSpec({
    experiment: { key: 'mo-test', holdoutShare: 0.1, variants: [{ key: 'A', weight: 1 }] },
  });
  return {
    ...spec,
    content: {
      'zh-Hant': content('澳門：小心騙案', '我們絕不會致電給你'),
      pt: content('Macau: cuidado com burlas', 'Nunca lhe telefonaremos'),
      en: content('Macau: beware of scams', 'We will never call you'),
    },
  };
}

let counter = 0;
export function withdrawal(overrides: Partial<ScreeningRequest> = {}): ScreeningRequest {
  counter += 1;
  return {
    idempotencyKey: `key-${process.pid}-${Date.now()}-${counter}`,
    userRef: `user-${counter}`,
    jurisdiction: 'HK',
    locale: 'zh-Hant-HK',
    asset: 'USDT',
    network: 'TRON',
    amount: '500',
    amountUsd: 500,
    destination: { address: 'TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW', isNew: true, isWhitelisted: false },
    account: { ageDays: 30 },
    ...overrides,
  };
}
