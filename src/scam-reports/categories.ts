import type { ScamType } from '../intelligence/indicator.js';
import type { ReportCategory } from './model.js';

/**
 * The intelligence scam type a report category suggests when an analyst confirms a cluster without
 * naming one: the report form speaks the victim's words, the indicator list the analyst's.
 */
export const CATEGORY_SCAM_TYPES: Record<ReportCategory, ScamType> = {
  investment: 'investment',
  romance: 'romance',
  impersonation_exchange: 'impersonation',
  impersonation_police: 'impersonation',
  impersonation_official: 'impersonation',
  phishing_site: 'phishing',
  fake_support: 'tech_support',
  job_task: 'job',
  giveaway: 'giveaway',
  ransomware_extortion: 'extortion',
  other: 'other',
};

/** The category most reports of a cluster name (ties: the first in the form's order). */
export function dominantCategory(categories: readonly ReportCategory[]): ReportCategory | undefined {
  const counts = new Map<ReportCategory, number>();
  for (const category of categories) counts.set(category, (counts.get(category) ?? 0) + 1);
  let best: ReportCategory | undefined;
  for (const [category, count] of counts)
    if (best === undefined || count > (counts.get(best) ?? 0)) best = category;
  return best;
}
