import type {
  Counts,
  ExperimentConfig,
  OutcomeReportingCheck,
  PeriodFigures,
  PilotReport,
  ReportInput,
  RollupRow,
} from './report-model.js';
import { evidenceFor } from './evidence.js';
import type { NoteKey, ReportNote } from './report-notes.js';
import { sampleRatioCheck, twoProportionZTest } from './statistics/hypothesis-tests.js';
import { newcombeDifference, relativeDifference, wilson } from './statistics/proportions.js';
import { alwaysValidDifference } from './statistics/sequential.js';
import { bucketQuantile } from './time-to-decide.js';

type Sums = Omit<RollupRow, 'day' | 'campaignId' | 'campaignVersion' | 'variant' | 'arm'>;
const zero = (): Sums => ({
  decisions: 0,
  displayed: 0,
  cancelled: 0,
  verified: 0,
  proceeded: 0,
  abandoned: 0,
  withdrew: 0,
  stayed: 0,
  undisplayedOutcomes: 0,
});

function sum(rows: readonly RollupRow[]): Sums {
  const total = zero();
  for (const row of rows) for (const key of Object.keys(total) as (keyof Sums)[]) total[key] += row[key];
  return total;
}

/**
 * A rate with its interval that cannot fail the report: the rollups keep x <= n, and should a row
 * ever disagree (data written before a fix), the count is capped rather than the request failing.
 */
const rate = (x: number, n: number) => wilson(Math.max(0, Math.min(x, n)), Math.max(0, n));
const intervention = (s: Sums) => rate(s.cancelled + s.verified, s.displayed);
const completion = (s: Sums) => rate(s.withdrew, s.withdrew + s.stayed);

/** The pilot report: every figure with its interval, computed from rollup rows (pure). */
export function buildReport(input: ReportInput): PilotReport {
  const { rows } = input;
  const warnedRows = rows.filter((row) => row.arm === 'treatment');
  const holdoutRows = rows.filter((row) => row.arm === 'holdout');
  const warned = sum(warnedRows);
  const holdout = sum(holdoutRows);
  const notes: string[] = [];
  const noteKeys: ReportNote[] = [];
  const note = (key: NoteKey, params: ReportNote['params'], text: string) => {
    notes.push(text);
    noteKeys.push({ key, params });
  };
  if (rows.length === 0) note('no_data', {}, 'No decisions match this filter and date range.');
  else if (warned.decisions === 0) note('no_warned', {}, 'No warned users in this selection.');
  if (warned.decisions > 0 && holdout.decisions === 0)
    note(
      'no_holdout',
      {},
      'No holdout users in this selection: the effect of the warning cannot be estimated.',
    );
  if (warned.displayed < warned.decisions * 0.9 && warned.decisions > 0)
    note(
      'display_low',
      {},
      'Fewer than 90% of warnings were reported as displayed: check the exchange integration.',
    );
  if (warned.undisplayedOutcomes > 0)
    note(
      'undisplayed_outcomes',
      { count: warned.undisplayedOutcomes },
      `${warned.undisplayedOutcomes} warned decisions have an outcome but were never reported as displayed; they are left out of the outcome rates (not of the comparison with the holdout).`,
    );

  const totals: Counts = {
    decisions: warned.decisions + holdout.decisions,
    treatment: warned.decisions,
    holdout: holdout.decisions,
    displayed: warned.displayed,
    cancelled: warned.cancelled,
    verified: warned.verified,
    proceeded: warned.proceeded,
    abandoned: warned.abandoned,
    undisplayedOutcomes: warned.undisplayedOutcomes,
    outsideExperiment: sum(rows.filter((row) => row.arm === 'none')).decisions,
  };
  if (totals.outsideExperiment > 0)
    note(
      'outside_experiment',
      { count: totals.outsideExperiment },
      `${totals.outsideExperiment} decisions were outside the experiment (a reported destination held, or the fail-safe warning given while the store could not confirm); they are counted apart and not compared.`,
    );
  const test = twoProportionZTest(
    warned.withdrew,
    warned.withdrew + warned.stayed,
    holdout.withdrew,
    holdout.withdrew + holdout.stayed,
  );
  const args = [
    warned.withdrew,
    warned.withdrew + warned.stayed,
    holdout.withdrew,
    holdout.withdrew + holdout.stayed,
  ] as const;

  // Arms pooled over versions with different holdout shares weigh each version differently in the
  // two arms (Simpson's paradox): the pooled comparison is only fair when the shares agree.
  const present = input.experiments.filter((e) =>
    rows.some((row) => row.campaignId === e.campaignId && row.campaignVersion === e.version),
  );
  if (new Set(present.map((e) => e.holdoutShare)).size > 1)
    note(
      'pooled_shares',
      { versions: present.length },
      `This selection pools ${present.length} campaign versions with different holdout shares; the comparison with the holdout can be biased: filter by campaign and version.`,
    );
  const sampleRatio = sampleRatioChecks(rows, input.experiments, input.filter.variant);
  for (const check of sampleRatio) {
    const where = `${check.campaignId} v${check.version}`;
    if (check.assignment.mismatch)
      note(
        'srm_assignment',
        { where, threshold: check.assignment.threshold },
        `Sample ratio mismatch in ${where}: decisions per arm differ from the configured split (p < ${check.assignment.threshold}): assignment or recording is broken; do not trust the comparison until it is explained.`,
      );
    else if (check.analysed.mismatch)
      note(
        'srm_reported',
        { where, threshold: check.analysed.threshold },
        `Sample ratio mismatch in ${where} among reported outcomes (p < ${check.analysed.threshold}): one arm's withdrawals go unreported more often than the other's (a broken exchange integration, or warned users leaving without deciding), so the comparison of decided withdrawals is biased until it is explained; see uplift.outcomeReported.`,
      );
    const reporting = check.outcomeReporting;
    if (reporting.mismatch)
      note(
        'outcome_reporting',
        {
          where,
          threshold: reporting.threshold,
          warned: share(reporting.warned.rate),
          holdout: share(reporting.holdout.rate),
        },
        `Outcome reporting differs between the arms in ${where} (p < ${reporting.threshold}): outcomes were reported for ${share(reporting.warned.rate)} of warned and ${share(reporting.holdout.rate)} of holdout decisions (a broken exchange integration, or warned users leaving without deciding), so the comparison of decided withdrawals is biased until it is explained.`,
      );
  }

  const variantKeys = [...new Set(warnedRows.map((row) => row.variant))].sort();
  // Configured variants that had no traffic are listed too (with no rate), unless the report is
  // about one variant.
  const configuredVariants = new Set(input.experiments.flatMap((e) => e.variants.map((v) => v.key)));
  for (const key of configuredVariants)
    if (!variantKeys.includes(key) && (input.filter.variant === undefined || key === input.filter.variant))
      variantKeys.push(key);
  const variants = variantKeys.map((variant) => {
    const s = sum(warnedRows.filter((row) => row.variant === variant));
    return { variant, decisions: s.decisions, intervention: intervention(s), completion: completion(s) };
  });
  const [first, second] = variants;
  const variantComparison =
    first && second
      ? {
          a: first.variant,
          b: second.variant,
          intervention: newcombeDifference(
            first.intervention.x,
            first.intervention.n,
            second.intervention.x,
            second.intervention.n,
          ),
          test: twoProportionZTest(
            first.intervention.x,
            first.intervention.n,
            second.intervention.x,
            second.intervention.n,
          ),
        }
      : null;

  // The holdout share the plan is held to: the configured one when the selection has one, else the
  // share observed (versions with different shares pooled, already noted above).
  const shares = new Set(present.map((e) => e.holdoutShare));
  const observedShare = totals.decisions > 0 ? totals.holdout / totals.decisions : null;
  const holdoutShare = shares.size === 1 ? [...shares][0]! : observedShare;
  const completionHoldout = completion(holdout);
  const pilotNumber = input.pilotNumber;
  const evidence: PilotReport['evidence'] = {
    uplift: evidenceFor(
      { warned: warned.withdrew + warned.stayed, holdout: holdout.withdrew + holdout.stayed },
      holdoutShare,
      completionHoldout.rate,
    ),
    upliftEveryone: pilotNumber
      ? evidenceFor(
          {
            warned: pilotNumber.upliftEveryone.wentAheadWarned.n,
            holdout: pilotNumber.upliftEveryone.wentAheadHoldout.n,
          },
          holdoutShare,
          pilotNumber.upliftEveryone.wentAheadHoldout.rate,
        )
      : null,
    variants:
      first && second
        ? evidenceFor(
            { warned: first.intervention.n, holdout: second.intervention.n },
            0.5,
            second.intervention.rate,
          )
        : null,
  };

  return {
    generatedAt: input.generatedAt.toISOString(),
    filter: input.filter,
    notes,
    noteKeys,
    totals,
    rates: {
      intervention: intervention(warned),
      cancelled: rate(warned.cancelled, warned.displayed),
      verified: rate(warned.verified, warned.displayed),
      proceeded: rate(warned.proceeded, warned.displayed),
      abandoned: rate(warned.abandoned, warned.displayed),
      displayed: rate(warned.displayed, warned.decisions),
    },
    timeToDecide: {
      decided: [...input.decideBuckets.values()].reduce((a, b) => a + b, 0),
      medianSeconds: finite(bucketQuantile(input.decideBuckets, 0.5)),
      p90Seconds: finite(bucketQuantile(input.decideBuckets, 0.9)),
    },
    resources: resourceRates(input.resourceOpens, present, warned.displayed),
    uplift: {
      outcomeReported: {
        warned: rate(warned.withdrew + warned.stayed, warned.decisions),
        holdout: rate(holdout.withdrew + holdout.stayed, holdout.decisions),
      },
      completionWarned: completion(warned),
      completionHoldout,
      difference: newcombeDifference(...args),
      relative: relativeDifference(...args),
      test,
      alwaysValid: input.sequential ? alwaysValidDifference(...args) : null,
    },
    sampleRatio,
    variants,
    variantComparison,
    daily: periods(rows, (day) => day),
    weekly: periods(rows, isoWeekStart),
    evidence,
    ...(pilotNumber ? { pilotNumber } : {}),
  };
}

/** Open rate of every resource opened or offered by a version in the selection, by id. */
function resourceRates(
  opens: ReportInput['resourceOpens'],
  experiments: readonly ExperimentConfig[],
  displayed: number,
): PilotReport['resources'] {
  const counts = new Map<string, number>();
  for (const experiment of experiments) for (const id of experiment.resourceIds) counts.set(id, 0);
  for (const open of opens) counts.set(open.resourceId, (counts.get(open.resourceId) ?? 0) + open.decisions);
  return [...counts.keys()]
    .sort()
    .map((resourceId) => ({ resourceId, opened: rate(counts.get(resourceId) ?? 0, displayed) }));
}

/** Past the last histogram bucket there is no upper bound to give: null, not Infinity (not JSON). */
const finite = (value: number | null) => (value !== null && Number.isFinite(value) ? value : null);

function sampleRatioChecks(
  rows: readonly RollupRow[],
  experiments: readonly ExperimentConfig[],
  onlyVariant: string | undefined,
): PilotReport['sampleRatio'] {
  return experiments
    .map((experiment) => {
      const own = rows.filter(
        (row) => row.campaignId === experiment.campaignId && row.campaignVersion === experiment.version,
      );
      if (own.length === 0) return null;
      const weightTotal = experiment.variants.reduce((s, v) => s + v.weight, 0);
      // A report filtered to one variant holds that variant and the holdout: the check compares the
      // two against their configured shares (sampleRatioCheck renormalizes), not against absent arms.
      const variants = experiment.variants.filter(
        (variant) => onlyVariant === undefined || variant.key === onlyVariant,
      );
      const shares: Record<string, number> = { holdout: experiment.holdoutShare };
      for (const variant of variants)
        shares[`variant ${variant.key}`] = ((1 - experiment.holdoutShare) * variant.weight) / weightTotal;
      const count = (pick: (row: RollupRow) => number) => {
        const observed: Record<string, number> = { holdout: 0 };
        for (const variant of variants) observed[`variant ${variant.key}`] = 0;
        for (const row of own) {
          const key = row.arm === 'holdout' ? 'holdout' : `variant ${row.variant}`;
          if (key in observed) observed[key] = (observed[key] ?? 0) + pick(row);
        }
        return observed;
      };
      return {
        campaignId: experiment.campaignId,
        version: experiment.version,
        assignment: sampleRatioCheck(
          count((row) => row.decisions),
          shares,
        ),
        // Decisions whose outcome the exchange reported: losing one arm's reports breaks the comparison.
        analysed: sampleRatioCheck(
          count((row) => row.withdrew + row.stayed),
          shares,
        ),
        outcomeReporting: outcomeReportingCheck(own, (row) =>
          row.arm === 'holdout' ? true : variants.some((variant) => variant.key === row.variant),
        ),
      };
    })
    .filter((check): check is NonNullable<typeof check> => check !== null);
}

/** See OutcomeReportingCheck; the same threshold as the sample-ratio alarm, which also runs often. */
function outcomeReportingCheck(
  rows: readonly RollupRow[],
  included: (row: RollupRow) => boolean,
  threshold = 0.001,
): OutcomeReportingCheck {
  const warned = sum(rows.filter((row) => row.arm === 'treatment' && included(row)));
  const holdout = sum(rows.filter((row) => row.arm === 'holdout'));
  const reportedWarned = rate(warned.withdrew + warned.stayed, warned.decisions);
  const reportedHoldout = rate(holdout.withdrew + holdout.stayed, holdout.decisions);
  const test = twoProportionZTest(reportedWarned.x, reportedWarned.n, reportedHoldout.x, reportedHoldout.n);
  return {
    warned: reportedWarned,
    holdout: reportedHoldout,
    ...test,
    mismatch: test.p !== null && test.p < threshold,
    threshold,
  };
}

const share = (value: number | null) => (value === null ? 'none' : `${(value * 100).toFixed(1)}%`);

function periods(rows: readonly RollupRow[], periodOf: (day: string) => string): PeriodFigures[] {
  const byPeriod = new Map<string, RollupRow[]>();
  for (const row of rows) {
    const period = periodOf(row.day);
    const list = byPeriod.get(period) ?? [];
    list.push(row);
    byPeriod.set(period, list);
  }
  return [...byPeriod.keys()].sort().map((period) => {
    const list = byPeriod.get(period) ?? [];
    const w = sum(list.filter((row) => row.arm === 'treatment'));
    const h = sum(list.filter((row) => row.arm === 'holdout'));
    return {
      period,
      treatment: w.decisions,
      holdout: h.decisions,
      displayed: w.displayed,
      intervention: intervention(w),
      completionWarned: completion(w),
      completionHoldout: completion(h),
    };
  });
}

/** The Monday (UTC) of the ISO week a YYYY-MM-DD day falls in. */
export function isoWeekStart(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const offset = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - offset);
  return date.toISOString().slice(0, 10);
}
