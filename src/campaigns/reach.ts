import type { CampaignSpec, Targeting } from './spec.js';

/** What a publisher confirms it is about to show, in words a compliance officer reads aloud. */
export function targetingSummary(targeting: Targeting): string[] {
  const lines: string[] = [];
  if (targeting.assets && targeting.assets.length > 0)
    lines.push(`Withdrawals of ${targeting.assets.join(', ')} only`);
  if (targeting.minAmountUsd !== undefined) lines.push(`Of at least US$${targeting.minAmountUsd}`);
  if (targeting.maxAmountUsd !== undefined) lines.push(`Of less than US$${targeting.maxAmountUsd}`);
  if (targeting.newDestinationOnly) lines.push('To a new destination not on the allow-list');
  if (targeting.maxAccountAgeDays !== undefined)
    lines.push(`From accounts at most ${targeting.maxAccountAgeDays} days old`);
  if (targeting.securityChangeWithinHours !== undefined)
    lines.push(`After a security setting changed in the last ${targeting.securityChangeWithinHours} hours`);
  return lines.length > 0 ? lines : ['Every withdrawal in the jurisdiction'];
}

export interface TrafficObserved {
  /** Screenings per day that reached a campaign in the jurisdiction. */
  perDay: number;
  /** The same, only for the assets the targeting names. */
  perDayForAssets: number;
  /** Days observed (at most 28); 0 when the jurisdiction has no traffic yet. */
  days: number;
}

export interface WarningEstimate {
  decisionsPerDay: number;
  /** Decisions per day outside the holdout: the warnings users would see. */
  warningsPerDay: number;
  basis: 'no_traffic' | 'jurisdiction' | 'jurisdiction_assets';
  /** Which numbers the estimate rests on and what it leaves out. */
  explanation: string;
}

/**
 * Warnings a day at the current traffic. Only the asset condition can be counted from the daily
 * rollups; amounts, destinations and account facts are not kept there, so with those the estimate is
 * an upper bound and says so.
 */
export function estimateWarnings(spec: CampaignSpec, traffic: TrafficObserved): WarningEstimate {
  const targeting = spec.targeting;
  const byAssets = targeting.assets !== undefined && targeting.assets.length > 0;
  const uncounted =
    targeting.minAmountUsd !== undefined ||
    targeting.maxAmountUsd !== undefined ||
    targeting.newDestinationOnly === true ||
    targeting.maxAccountAgeDays !== undefined ||
    targeting.securityChangeWithinHours !== undefined;
  if (traffic.days === 0) {
    return {
      decisionsPerDay: 0,
      warningsPerDay: 0,
      basis: 'no_traffic',
      explanation:
        'No screenings have reached a campaign in this jurisdiction yet, so there is no traffic to estimate from.',
    };
  }
  const decisionsPerDay = byAssets ? traffic.perDayForAssets : traffic.perDay;
  const warningsPerDay = decisionsPerDay * (1 - spec.experiment.holdoutShare);
  const source = `screenings that reached a campaign in this jurisdiction over the last ${traffic.days} day${traffic.days === 1 ? '' : 's'}`;
  const scope = byAssets ? `${source}, for the targeted assets only` : source;
  const explanation = `${round(warningsPerDay)} a day: ${round(decisionsPerDay)} ${scope}, less the ${Math.round(spec.experiment.holdoutShare * 100)}% holdout.${uncounted ? ' An upper bound: the amount, destination and account conditions are not counted.' : ''}`;
  return {
    decisionsPerDay: round(decisionsPerDay),
    warningsPerDay: round(warningsPerDay),
    basis: byAssets ? 'jurisdiction_assets' : 'jurisdiction',
    explanation,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
