import { formatTime } from '../format.js';
import type { Translate } from '../validation/describe-problem.js';
import type { Campaign, CampaignSpec, CampaignVersion, Review, Role } from '../types.js';

export function draftOf(campaign: Campaign): CampaignVersion | undefined {
  return campaign.versions.find((v) => v.state === 'draft');
}

export function latestPublished(campaign: Campaign): CampaignVersion | undefined {
  return campaign.versions.filter((v) => v.state === 'published').at(-1);
}

/** The version a new campaign or draft starts from: the newest published, else the draft. */
export function latestSpec(campaign: Campaign): CampaignSpec | undefined {
  return (latestPublished(campaign) ?? draftOf(campaign))?.spec;
}

export function liveVersion(campaign: Campaign): number | null {
  if (campaign.retiredAt) return null;
  // After a rollback the live version is not the newest published one: the server names it.
  const { live } = campaign as Campaign & { live?: { version: number } | null };
  if (live !== undefined) return live?.version ?? null;
  return latestPublished(campaign)?.version ?? null;
}

/** The review state of a version in words; `t` is the editorItems namespace's translator. */
export function reviewWords(review: Review, t: Translate): string {
  const who = review.reviewedBy ?? t('reviewState.thePartner');
  switch (review.state) {
    case 'editing':
      return t('reviewState.editing');
    case 'in_review':
      return t('reviewState.in_review');
    case 'approved':
      return t('reviewState.approved', { who, time: formatTime(review.reviewedAt) });
    case 'changes_requested':
      return t('reviewState.changes_requested', { who, note: review.note ?? t('reviewState.noNote') });
  }
}

export function campaignStatus(campaign: Campaign): string {
  if (campaign.retiredAt) return `Retired ${formatTime(campaign.retiredAt)}`;
  const live = liveVersion(campaign);
  return live === null ? 'Not published yet' : `Live: version ${live}`;
}

export const canEditDrafts = (role: Role) => role === 'admin' || role === 'partner_reviewer';

/** What the signed-in role may do with the draft now; the server checks again. */
export function reviewActions(role: Role, campaign: Campaign) {
  const draft = draftOf(campaign);
  const state = draft?.review.state;
  const retired = campaign.retiredAt !== null;
  return {
    submit: !retired && canEditDrafts(role) && (state === 'editing' || state === 'changes_requested'),
    // Without a partner, another admin is the second person who approves (four-eyes).
    approve:
      !retired &&
      (role === 'partner_reviewer' || (role === 'admin' && campaign.partnerId === null)) &&
      state === 'in_review',
    requestChanges: !retired && role === 'partner_reviewer' && state === 'in_review',
    publishShown: role === 'admin' && draft !== undefined && !retired,
    publishEnabled: draft !== undefined && (campaign.partnerId === null || state === 'approved'),
    retire: role === 'admin' && !retired,
  };
}
