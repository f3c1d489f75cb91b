import type { IndicatorKind } from '../intelligence/identifiers/identifier.js';
import type { Indicator, RiskLevel, ScamType } from '../intelligence/indicator.js';

/** One identifier one report named, as confirmation reads it. */
export interface ConfirmedMention {
  reportId: string;
  kind: IndicatorKind;
  key: string;
  display: string;
  jurisdiction: string;
  reportedAtMs: number;
}

/** An indicator record ready for the intelligence merge (IndicatorRecord without the store's import). */
export interface ConfirmationRecord extends Indicator {
  display: string;
  ref: string;
}

/**
 * A confirmed cluster as indicator records: one per report and identifier, each counting once, so
 * the merge adds them up into "reported N times" with the reports' own jurisdictions and dates. The
 * ref (report + key) makes confirming again after more reports joined add only the new ones: the
 * intelligence merge skips refs it has already seen.
 */
export function confirmationRecords(
  mentions: readonly ConfirmedMention[],
  verdict: { riskLevel: RiskLevel; scamType: ScamType },
): ConfirmationRecord[] {
  return mentions.map((mention) => ({
    kind: mention.kind,
    key: mention.key,
    display: mention.display,
    sources: ['user_report'],
    scamType: verdict.scamType,
    riskLevel: verdict.riskLevel,
    firstSeenMs: mention.reportedAtMs,
    lastSeenMs: mention.reportedAtMs,
    reportCount: 1,
    jurisdictions: [mention.jurisdiction],
    expiresAtMs: null,
    ref: `scam-report:${mention.reportId}:${mention.key}`,
  }));
}
