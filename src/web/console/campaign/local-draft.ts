import type { CampaignSpec } from '../types.js';

/**
 * The unsaved spec of one campaign, kept in this browser for one console user, so that edits
 * survive leaving the page, a reload or a crash, and are offered back on return. Only the spec
 * (what the form would save) is kept: no session, token or other secret.
 */
export interface LocalDraft {
  savedAt: string;
  /** The server draft the edits were made on. */
  baseVersion: number;
  spec: CampaignSpec;
}

const keyOf = (userId: string, campaignId: string) =>
  `caveat.console.draft.v1:${encodeURIComponent(userId)}:${encodeURIComponent(campaignId)}`;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // refused (private mode, policy): nothing is kept, nothing breaks
  }
}

export function readLocalDraft(userId: string, campaignId: string): LocalDraft | null {
  try {
    const text = storage()?.getItem(keyOf(userId, campaignId));
    if (!text) return null;
    const value = JSON.parse(text) as Partial<LocalDraft>;
    const spec = value.spec as Partial<CampaignSpec> | undefined;
    // Written by an older console or edited by hand: not worth offering.
    if (typeof value.savedAt !== 'string' || typeof value.baseVersion !== 'number') return null;
    if (typeof spec !== 'object' || spec === null || typeof spec.content !== 'object' || !spec.experiment)
      return null;
    return value as LocalDraft;
  } catch {
    return null;
  }
}

export function writeLocalDraft(userId: string, campaignId: string, draft: LocalDraft): void {
  try {
    storage()?.setItem(keyOf(userId, campaignId), JSON.stringify(draft));
  } catch {
    // full or refused: the page still warns before leaving
  }
}

export function clearLocalDraft(userId: string, campaignId: string): void {
  try {
    storage()?.removeItem(keyOf(userId, campaignId));
  } catch {
    // nothing to do
  }
}

/** Whether two specs say the same, whatever the order of their keys (the store may reorder them). */
export function sameSpec(a: CampaignSpec, b: CampaignSpec): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
