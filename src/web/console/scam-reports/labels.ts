import type {
  ClusterStatus,
  ConfirmRiskLevel,
  DisputeStatus,
  LossTotal,
  ReportCategory,
  ReportStatus,
  ScamType,
} from '../types.js';

/** How triage names things on screen; the API's codes stay in the URL and the audit log. */
export const reportStatusLabel: Record<ReportStatus, string> = {
  new: 'New',
  in_review: 'In review',
  confirmed: 'Confirmed',
  rejected: 'Rejected (not a scam)',
  duplicate: 'Duplicate',
  referred: 'Referred',
};

export const clusterStatusLabel: Record<ClusterStatus, string> = {
  open: 'Open',
  confirmed: 'Confirmed',
  rejected: 'Rejected',
  referred: 'Referred',
};

export const disputeStatusLabel: Record<DisputeStatus, string> = {
  open: 'Open',
  upheld: 'Upheld (delisted)',
  rejected: 'Rejected (kept)',
};

export const categoryLabel: Record<ReportCategory, string> = {
  investment: 'Investment',
  romance: 'Romance',
  impersonation_exchange: 'Impersonating the exchange',
  impersonation_police: 'Impersonating the police',
  impersonation_official: 'Impersonating officials',
  phishing_site: 'Phishing site',
  fake_support: 'Fake support',
  job_task: 'Job / task',
  giveaway: 'Giveaway',
  ransomware_extortion: 'Ransomware / extortion',
  other: 'Other',
};

export const firstContactLabel: Record<string, string> = {
  website: 'Website',
  social_media: 'Social media',
  messaging_app: 'Messaging app',
  phone_call: 'Phone call',
  sms: 'SMS',
  email: 'Email',
  dating_app: 'Dating app',
  in_person: 'In person',
  other: 'Other',
};

export const riskLevelLabel: Record<ConfirmRiskLevel, string> = {
  medium: 'Medium — warn',
  high: 'High — hold',
  critical: 'Critical — hold',
};

export const scamTypeLabel: Record<ScamType, string> = {
  unknown: 'Unknown',
  investment: 'Investment',
  romance: 'Romance',
  impersonation: 'Impersonation',
  phishing: 'Phishing',
  fake_exchange: 'Fake exchange',
  giveaway: 'Giveaway',
  job: 'Job',
  tech_support: 'Tech support',
  extortion: 'Extortion',
  ransomware: 'Ransomware',
  money_mule: 'Money mule',
  other: 'Other',
};

/** The scam type a cluster's reports most likely are, as the confirm form's first choice. */
export const scamTypeOfCategory: Record<ReportCategory, ScamType> = {
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

export function lossText(totals: LossTotal[]): string {
  return totals.length === 0 ? '—' : totals.map((t) => `${t.amount} ${t.asset}`).join(', ');
}

export function options<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

/**
 * The label of an API code. The model's unions of literals reach the console typed as `string`,
 * so an unknown code (a newer server) shows as itself instead of failing.
 */
export function labelOf(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code;
}
