import type { Evidence } from './evidence.js';
import type { PilotNumber } from './pilot-number.js';
import type { ReportNote } from './report-notes.js';
import type { SampleRatioCheck, TestResult } from './statistics/hypothesis-tests.js';
import type { DifferenceEstimate, RateEstimate } from './statistics/proportions.js';

/** Which decisions a report covers. Dates are UTC days, inclusive. */
export interface ReportFilter {
  campaign?: string;
  jurisdiction?: string;
  version?: number;
  variant?: string;
  locale?: string;
  asset?: string;
  amountBand?: string;
  from?: string;
  to?: string;
}

export const AMOUNT_BANDS = ['0-100', '100-1k', '1k-10k', '10k+'] as const;

/** One row of the daily rollup, summed over the dimensions the report does not split by. */
export interface RollupRow {
  day: string;
  campaignId: string;
  campaignVersion: number;
  variant: string;
  arm: 'treatment' | 'holdout' | 'none';
  decisions: number;
  displayed: number;
  cancelled: number;
  verified: number;
  proceeded: number;
  abandoned: number;
  withdrew: number;
  stayed: number;
  /** Decisions with an outcome that were never reported as displayed (left out of the outcome rates). */
  undisplayedOutcomes: number;
}

export interface ExperimentConfig {
  campaignId: string;
  version: number;
  holdoutShare: number;
  variants: { key: string; weight: number }[];
  /** Resources the version's content offers (any locale), so one nobody opened shows as 0%. */
  resourceIds: string[];
}

export interface ReportInput {
  filter: ReportFilter;
  rows: readonly RollupRow[];
  /** Count of treatment decisions per time-to-decide bucket (see time-to-decide.ts). */
  decideBuckets: ReadonlyMap<number, number>;
  resourceOpens: readonly { resourceId: string; decisions: number }[];
  experiments: readonly ExperimentConfig[];
  sequential: boolean;
  generatedAt: Date;
  /** Read decision by decision when the caller has the facts (see pilot-number.ts). */
  pilotNumber?: PilotNumber;
}

export interface Counts {
  decisions: number;
  treatment: number;
  holdout: number;
  displayed: number;
  cancelled: number;
  verified: number;
  proceeded: number;
  abandoned: number;
  /** Warned decisions with an outcome but no reported display: not in the outcome rates. */
  undisplayedOutcomes: number;
  /**
   * Decisions under a campaign but in neither arm — reported-address holds and fail-safe answers
   * given while the store could not confirm — counted apart, never in the comparison.
   */
  outsideExperiment: number;
}

export interface PeriodFigures {
  period: string;
  treatment: number;
  holdout: number;
  displayed: number;
  intervention: RateEstimate;
  completionWarned: RateEstimate;
  completionHoldout: RateEstimate;
}

export interface PilotReport {
  generatedAt: string;
  filter: ReportFilter;
  /** Words for what the figures can and cannot say (no data, no holdout, broken split…). */
  notes: string[];
  /** The same notes by kind with their figures, in the same order, for a report in another language. */
  noteKeys: ReportNote[];
  totals: Counts;
  rates: {
    /** (cancelled + verified) / displayed: the pilot's headline figure. */
    intervention: RateEstimate;
    cancelled: RateEstimate;
    verified: RateEstimate;
    proceeded: RateEstimate;
    abandoned: RateEstimate;
    /** displayed / warned: did the exchange actually show the warning? */
    displayed: RateEstimate;
  };
  /**
   * Display to decision of warned users, read from a histogram: each quantile is the upper bound of
   * its bucket ("at most"); null without data or when it lies past the last bucket (30 minutes).
   */
  timeToDecide: { decided: number; medianSeconds: number | null; p90Seconds: number | null };
  resources: { resourceId: string; opened: RateEstimate }[];
  uplift: {
    /**
     * Share of each arm's decisions whose withdrawal outcome (went ahead or not) was reported: the
     * comparison uses only those, so a gap between the arms biases it (see the sample-ratio check).
     */
    outcomeReported: { warned: RateEstimate; holdout: RateEstimate };
    /** Share of decided withdrawals that went ahead, per arm. */
    completionWarned: RateEstimate;
    completionHoldout: RateEstimate;
    /** warned − holdout completion (negative: the warning stopped withdrawals). */
    difference: DifferenceEstimate;
    relative: DifferenceEstimate;
    test: TestResult;
    /** Present when asked for: holds at every daily look. */
    alwaysValid: DifferenceEstimate | null;
  };
  sampleRatio: {
    campaignId: string;
    version: number;
    assignment: SampleRatioCheck;
    analysed: SampleRatioCheck;
    outcomeReporting: OutcomeReportingCheck;
  }[];
  variants: { variant: string; decisions: number; intervention: RateEstimate; completion: RateEstimate }[];
  variantComparison: {
    a: string;
    b: string;
    intervention: DifferenceEstimate;
    test: TestResult;
  } | null;
  daily: PeriodFigures[];
  weekly: PeriodFigures[];
  /**
   * Whether each comparison may be read yet (evidence.ts): until it may, the console and the report
   * say "too early to tell" in place of the effect, and how many more users each group needs.
   */
  evidence: {
    /** Decided withdrawals, warned vs holdout (uplift). */
    uplift: Evidence;
    /** Users, warned vs holdout (pilotNumber.upliftEveryone); null without the pilot's number. */
    upliftEveryone: Evidence | null;
    /** Displayed warnings, variant a vs b (variantComparison); null without two variants. */
    variants: Evidence | null;
  };
  /** The pilot's own number, per user and per withdrawal (read decision by decision, not from rollups). */
  pilotNumber?: PilotNumber;
}

/**
 * Share of each arm's decisions whose outcome was reported, compared between the arms (pooled
 * two-proportion z test, at the sample-ratio alarm's threshold). Conditioning on assignment makes
 * it far more sensitive than the χ² of reported counts: a holdout losing 10% of its reports moves
 * the split of reported outcomes by two points, which that χ² misses, but its reporting share by ten.
 */
export interface OutcomeReportingCheck {
  warned: RateEstimate;
  holdout: RateEstimate;
  statistic: number | null;
  p: number | null;
  mismatch: boolean;
  threshold: number;
}
