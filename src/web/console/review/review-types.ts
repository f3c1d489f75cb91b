import type { LocaleDiff } from '../../../campaigns/content-diff.js';
import type { LocaleStatus, ReviewComment, ReviewNotification } from '../../../campaigns/review-model.js';
import type { CampaignDetail } from '../types.js';

export type { FieldChange, LocaleDiff, RedlinePart } from '../../../campaigns/content-diff.js';
export type { LocaleStatus, ReviewComment, ReviewNotification } from '../../../campaigns/review-model.js';

/** GET /v1/admin/campaigns/:id/review-diff */
export interface ReviewDiff {
  version: number;
  digest: string;
  partner: { id: string; name: string } | null;
  jurisdiction: { code: string; name: string };
  liveVersion: number | null;
  locales: LocaleDiff[];
}

/** The campaign detail with the draft's translation statuses (GET /v1/admin/campaigns/:id). */
export type ReviewedCampaign = CampaignDetail & { translation?: LocaleStatus[] };

export interface InboxItem {
  campaignId: string;
  name: string;
  jurisdiction: string;
  partnerId: string | null;
  version: number;
  digest: string;
  reviewState: 'in_review' | 'changes_requested' | 'approved';
  submittedBy: string | null;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  note: string | null;
  changes: { locale: string; isNew: boolean; changed: string[] }[];
  locales: { locale: string; status: LocaleStatus['status'] }[];
  unresolvedComments: number;
}

export interface Inbox {
  items: InboxItem[];
  waiting: number;
}

export interface Notifications {
  notifications: ReviewNotification[];
  unread: number;
}

export interface Comments {
  comments: ReviewComment[];
}

/** "tips/1" → ["tips", 1]: the segments a field label is made from. */
export function segmentsOf(path: string): (string | number)[] {
  return path.split('/').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
