import type { IndicatorKind } from './identifiers/identifier.js';

export const INDICATOR_SOURCES = ['partner', 'user_report', 'feed', 'staff'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

/** Ordered from least to most severe: merges keep the maximum. */
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const SCAM_TYPES = [
  'unknown',
  'investment',
  'romance',
  'impersonation',
  'phishing',
  'fake_exchange',
  'giveaway',
  'job',
  'tech_support',
  'extortion',
  'ransomware',
  'money_mule',
  'other',
] as const;
export type ScamType = (typeof SCAM_TYPES)[number];

/** How each scam type reads in a sentence: "reported 14 times as an investment scam". */
export const SCAM_TYPE_PHRASES: Record<ScamType, string> = {
  unknown: 'a scam',
  investment: 'an investment scam',
  romance: 'a romance scam',
  impersonation: 'an impersonation scam',
  phishing: 'phishing',
  fake_exchange: 'a fake exchange',
  giveaway: 'a fake giveaway',
  job: 'a job scam',
  tech_support: 'a tech-support scam',
  extortion: 'extortion',
  ransomware: 'ransomware',
  money_mule: 'a money-mule account',
  other: 'a scam',
};

/** One scam indicator: what is known about one normalized key. Times are epoch milliseconds. */
export interface Indicator {
  kind: IndicatorKind;
  key: string;
  sources: IndicatorSource[];
  scamType: ScamType;
  riskLevel: RiskLevel;
  firstSeenMs: number;
  lastSeenMs: number;
  reportCount: number;
  /** ISO 3166 codes of the jurisdictions the reports came from, sorted. */
  jurisdictions: string[];
  /** After this the indicator no longer counts; null for never. */
  expiresAtMs: number | null;
}

export const riskRank = (level: RiskLevel): number => RISK_LEVELS.indexOf(level);

export const isExpired = (indicator: Pick<Indicator, 'expiresAtMs'>, nowMs: number): boolean =>
  indicator.expiresAtMs !== null && indicator.expiresAtMs <= nowMs;

/**
 * Merges an incoming report into what is known (an incremental feed update): counts add, first
 * seen takes the minimum, last seen and risk the maximum, jurisdictions and sources the union. The
 * scam type of the more severe report wins; expiry moves to the later of the two.
 */
export function mergeIndicators(known: Indicator, incoming: Indicator): Indicator {
  const incomingIsWorse = riskRank(incoming.riskLevel) > riskRank(known.riskLevel);
  const scamType =
    known.scamType === 'unknown' || (incomingIsWorse && incoming.scamType !== 'unknown')
      ? incoming.scamType
      : known.scamType;
  return {
    kind: known.kind,
    key: known.key,
    sources: INDICATOR_SOURCES.filter((s) => known.sources.includes(s) || incoming.sources.includes(s)),
    scamType,
    riskLevel: incomingIsWorse ? incoming.riskLevel : known.riskLevel,
    firstSeenMs: Math.min(known.firstSeenMs, incoming.firstSeenMs),
    lastSeenMs: Math.max(known.lastSeenMs, incoming.lastSeenMs),
    reportCount: known.reportCount + incoming.reportCount,
    jurisdictions: [...new Set([...known.jurisdictions, ...incoming.jurisdictions])].sort(),
    expiresAtMs:
      known.expiresAtMs === null || incoming.expiresAtMs === null
        ? null
        : Math.max(known.expiresAtMs, incoming.expiresAtMs),
  };
}
