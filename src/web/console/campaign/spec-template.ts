import type { CampaignSpec, LocalizedContent } from '../types.js';

export function emptyContent(): LocalizedContent {
  return {
    title: '',
    body: '',
    tips: [],
    commonScams: [],
    resources: [],
    contacts: [],
    statistics: [],
    neverCallNotice: '',
  };
}

/** The experiment key salts assignment: a new campaign gets its own, so it never shares a holdout. */
export function experimentKeyFor(campaignId: string): string {
  const key = campaignId.replace(/[^A-Za-z0-9_.:-]/g, '-').slice(0, 80);
  return key || 'experiment';
}

/**
 * A valid starting point for a campaign with no spec to copy: generic wording in English that the
 * partner is expected to rewrite in the jurisdiction's language before anything is published.
 */
export function starterSpec(campaignId: string, locale: string): CampaignSpec {
  return {
    action: 'warn',
    priority: 100,
    targeting: { newDestinationOnly: true },
    experiment: { key: experimentKeyFor(campaignId), holdoutShare: 0.2, variants: [{ key: 'A', weight: 1 }] },
    frequencyCap: { maxPerUser: 3, windowHours: 24 },
    minDisplaySeconds: 10,
    content: {
      [locale]: {
        ...emptyContent(),
        title: 'Stop and check: this withdrawal may be a scam',
        body:
          'Scammers persuade people to send crypto to addresses they control. If someone you met online, ' +
          'or someone who says they are from the police, a bank or this exchange, asked you to make this ' +
          'withdrawal, stop and check with someone you trust first.',
        tips: ['Nobody legitimate will ask you to move your funds to keep them safe.'],
        neverCallNotice: 'We will never call you or message you to ask you to move your funds.',
      },
    },
  };
}

/** A copy of another campaign's spec with a fresh experiment key (see experimentKeyFor). */
export function copiedSpec(campaignId: string, source: CampaignSpec): CampaignSpec {
  const copy = structuredClone(source);
  copy.experiment.key = experimentKeyFor(campaignId);
  return copy;
}
