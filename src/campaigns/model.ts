import type { CampaignSpec } from './spec.js';

export interface Jurisdiction {
  code: string;
  name: string;
  defaultLocale: string;
  locales: string[];
  /**
   * Locales tried, in order, after the requested one and before the default and English; absent or
   * empty means the default chain (see locale-fallback.ts).
   */
  localeFallback?: string[];
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

/** Where a draft is in the partner's review. Saving the draft again returns it to 'editing'. */
export type ReviewState = 'editing' | 'in_review' | 'approved' | 'changes_requested';

export interface VersionReview {
  state: ReviewState;
  submittedBy: string | null;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  note: string | null;
}

/** One step of a review, kept for the record. */
export interface ReviewEntry {
  version: number;
  action: 'submitted' | 'approved' | 'changes_requested';
  actor: string;
  at: string;
  note: string | null;
  /** Approvals: the locales the reviewer's statement named and the digest of the draft read. */
  locales?: string[];
  digest?: string;
}

export interface CampaignVersion {
  campaignId: string;
  version: number;
  state: VersionState;
  spec: CampaignSpec;
  createdBy: string;
  createdAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
  review: VersionReview;
}

/** A published version ready for screening, with what the engine needs beside the spec. */
export interface LiveCampaign {
  campaign: Campaign;
  version: number;
  spec: CampaignSpec;
  publishedAt: string;
  /** The publish's optional window (epoch ms): shown from startsAtMs, no longer from endsAtMs. */
  startsAtMs?: number;
  endsAtMs?: number;
}

/** What is live of a campaign: the version the pointer names and the window its publish set. */
export interface LiveState {
  version: number;
  startsAt: string | null;
  endsAt: string | null;
}
