import type { CampaignSpec } from './spec.js';

export interface Jurisdiction {
  code: string;
  name: string;
  defaultLocale: string;
  locales: string[];
}

export interface Partner {
  id: string;
  name: string;
  jurisdiction: string;
  kind: 'police' | 'regulator' | 'other';
  website: string | null;
}

export interface Campaign {
  id: string;
  jurisdiction: string;
  partnerId: string | null;
  name: string;
  demo: boolean;
  retiredAt: string | null;
}

export type VersionState = 'draft' | 'published';

export interface CampaignVersion {
  campaignId: string;
  version: number;
  state: VersionState;
  spec: CampaignSpec;
  createdBy: string;
  createdAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
}

/** A published version ready for screening, with what the engine needs beside the spec. */
export interface LiveCampaign {
  campaign: Campaign;
  version: number;
  spec: CampaignSpec;
  publishedAt: string;
}
