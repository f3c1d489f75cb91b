import type { LiveCampaign } from './model.js';

/**
 * A publish may name when the campaign starts and stops being shown. The engine asks this with its
 * own clock on every decision, so each replica crosses a boundary on time without a reload.
 */
export function isInWindow(live: Pick<LiveCampaign, 'startsAtMs' | 'endsAtMs'>, nowMs: number): boolean {
  if (live.startsAtMs !== undefined && nowMs < live.startsAtMs) return false;
  if (live.endsAtMs !== undefined && nowMs >= live.endsAtMs) return false;
  return true;
}
