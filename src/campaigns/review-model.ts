/**
 * The review of a draft beyond its state: where each locale's text stands, what an approval covered,
 * comments on a field and the notifications a review step sends. No I/O.
 */

/**
 * untranslated: copied from another locale and not yet written in this language (cannot be
 * published); translated: written, awaiting approval; approved: a reviewer's statement covers it.
 */
export type TranslationStatus = 'untranslated' | 'translated' | 'approved';
export const TRANSLATION_STATUSES: readonly TranslationStatus[] = ['untranslated', 'translated', 'approved'];

export interface LocaleStatus {
  locale: string;
  status: TranslationStatus;
  updatedBy: string;
  updatedAt: string;
}

/** A comment on one field: `locale` null for the settings, `field` a path such as "tips/1". */
export interface ReviewComment {
  id: string;
  campaignId: string;
  version: number;
  locale: string | null;
  field: string;
  body: string;
  author: string;
  createdAt: string;
  resolved: boolean;
  /** Every resolve and reopen, oldest first: the comment itself is never changed. */
  history: { action: 'resolved' | 'reopened'; actor: string; at: string }[];
}

export type ReviewEvent = 'submitted' | 'approved' | 'changes_requested' | 'published';

export interface ReviewNotification {
  id: string;
  event: ReviewEvent;
  campaignId: string;
  campaignName: string;
  jurisdiction: string;
  version: number;
  actor: string;
  note: string | null;
  createdAt: string;
  readAt: string | null;
}

/** What a review step told whom, handed to the webhook after the step committed. */
export interface ReviewStep {
  event: ReviewEvent;
  campaignId: string;
  campaignName: string;
  jurisdiction: string;
  partnerId: string | null;
  version: number;
  digest: string;
  actor: string;
  note: string | null;
  /** Approvals: the locales the statement covered. */
  locales: string[] | null;
  at: string;
  recipients: { id: string; email: string; name: string }[];
}

/** What an approval states: which locales of which draft (by digest) the reviewer read. */
export interface ApprovalStatement {
  locales: string[];
  digest: string;
}
