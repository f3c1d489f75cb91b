import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { Overview } from './overview.js';
import { AMOUNT_BANDS, type PilotReport } from './report-model.js';
import type { PowerPlan } from './statistics/power.js';

/**
 * JSON Schemas of the report responses, for the OpenAPI document (the console reads these
 * endpoints) and for serialization. The type checks at the bottom keep them equal to the
 * TypeScript model, so a field added to one and not the other does not compile.
 */
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Share = Nullable(Type.Number({ minimum: 0, maximum: 1 }));

export const RateEstimateSchema = Type.Object(
  {
    x: Type.Integer({ description: 'count' }),
    n: Type.Integer({ description: 'denominator; 0 means no rate' }),
    rate: Share,
    low: Share,
    high: Share,
  },
  { description: 'x / n with its 95% Wilson score interval; rate, low, high are null when n = 0' },
);

export const DifferenceEstimateSchema = Type.Object(
  { difference: Nullable(Type.Number()), low: Nullable(Type.Number()), high: Nullable(Type.Number()) },
  { description: 'An estimate with its 95% interval; null when not estimable (an arm without data)' },
);

const TestResultSchema = Type.Object({ statistic: Nullable(Type.Number()), p: Nullable(Type.Number()) });

const SampleRatioCheckSchema = Type.Object({
  observed: Type.Record(Type.String(), Type.Integer()),
  expectedShare: Type.Record(Type.String(), Type.Number()),
  chiSquare: Nullable(Type.Number()),
  p: Nullable(Type.Number()),
  mismatch: Type.Boolean({ description: 'p below threshold: the observed split is not the configured one' }),
  threshold: Type.Number(),
  method: Nullable(
    Type.Union([Type.Literal('chi-square'), Type.Literal('exact binomial')], {
      description: 'χ² when every (pooled) arm expects at least 5 decisions, else the exact binomial test',
    }),
  ),
  pooled: Type.Array(Type.Array(Type.String()), {
    description: 'arms tested as one cell because one of them expected fewer than 5',
  }),
});

export const ReportFilterSchema = Type.Object({
  campaign: Type.Optional(Type.String()),
  jurisdiction: Type.Optional(Type.String()),
  version: Type.Optional(Type.Integer()),
  variant: Type.Optional(Type.String()),
  locale: Type.Optional(Type.String()),
  asset: Type.Optional(Type.String()),
  amountBand: Type.Optional(Type.String({ enum: [...AMOUNT_BANDS] })),
  from: Type.Optional(Type.String({ description: 'UTC day, inclusive' })),
  to: Type.Optional(Type.String({ description: 'UTC day, inclusive' })),
});

const PeriodFiguresSchema = Type.Object({
  period: Type.String({ description: 'YYYY-MM-DD: the day, or the Monday of the ISO week' }),
  treatment: Type.Integer(),
  holdout: Type.Integer(),
  displayed: Type.Integer(),
  intervention: RateEstimateSchema,
  completionWarned: RateEstimateSchema,
  completionHoldout: RateEstimateSchema,
});

const BreakdownSchema = Type.Array(
  Type.Object({
    key: Type.String(),
    users: Type.Integer({ description: 'users (per-user rows) or decisions (presentations)' }),
    pilot: RateEstimateSchema,
    wentAhead: RateEstimateSchema,
  }),
);

const ArmCounts = Type.Object({ warned: Type.Integer(), holdout: Type.Integer() });

/** Whether a comparison may be read yet (measurement/evidence.ts). */
export const EvidenceSchema = Type.Object(
  {
    enough: Type.Boolean({ description: 'false: show "too early to tell" in place of the effect' }),
    reason: Nullable(
      Type.Union([
        Type.Literal('no_comparison_group'),
        Type.Literal('below_minimum'),
        Type.Literal('below_plan'),
      ]),
    ),
    have: ArmCounts,
    need: ArmCounts,
    more: Type.Object(
      { warned: Type.Integer(), holdout: Type.Integer() },
      { description: 'how many more each group needs; 0 once reached' },
    ),
    plan: Nullable(
      Type.Object({
        baselineRate: Type.Number(),
        effect: Type.Number(),
        power: Type.Number(),
        alpha: Type.Number(),
        holdoutShare: Type.Number(),
        treatmentUsers: Type.Integer(),
        holdoutUsers: Type.Integer(),
      }),
    ),
  },
  {
    description:
      'Too early to tell until each group has the minimum sample and the power plan\'s sample (in "warned" and "holdout"; for variants, a and b)',
  },
);

/** What warned users did, one plain name each (measurement/outcome-names.ts). */
export const OutcomeBreakdownSchema = Type.Object(
  {
    users: Type.Integer({ description: 'warned users, each at their first displayed warning' }),
    rows: Type.Array(
      Type.Object({
        outcome: Type.Union([
          Type.Literal('cancelled_after_checking'),
          Type.Literal('cancelled_without_checking'),
          Type.Literal('went_ahead_after_checking'),
          Type.Literal('went_ahead_without_checking'),
          Type.Literal('left_without_deciding'),
          Type.Literal('not_decided_yet'),
        ]),
        users: Type.Integer(),
        share: RateEstimateSchema,
      }),
    ),
    cancelled: RateEstimateSchema,
    wentAhead: RateEstimateSchema,
    checkedFirst: RateEstimateSchema,
  },
  { description: 'Exclusive and exhaustive: every warned user is in exactly one row' },
);

/** The pilot's number (measurement/pilot-number.ts) as the report endpoints return it. */
export const PilotNumberSchema = Type.Object(
  {
    perUser: RateEstimateSchema,
    perWithdrawal: RateEstimateSchema,
    bases: Type.Object(
      {
        completion_event: Type.Integer(),
        client_event: Type.Integer(),
        abandoned_rule: Type.Integer(),
        pending: Type.Integer(),
      },
      { description: "How each user's first warning was decided to have gone ahead or not" },
    ),
    rules: Type.Object({
      wentAhead: Type.String(),
      checked: Type.String(),
      pending: Type.String(),
      perUser: Type.String(),
      perWithdrawal: Type.String(),
      uplift: Type.String(),
    }),
    upliftEveryone: Type.Object({
      wentAheadWarned: RateEstimateSchema,
      wentAheadHoldout: RateEstimateSchema,
      difference: DifferenceEstimateSchema,
    }),
    byAnswerPath: BreakdownSchema,
    byStep: BreakdownSchema,
    byPresentation: BreakdownSchema,
    usersWarnedMoreThanOnce: Type.Integer(),
    outcomes: OutcomeBreakdownSchema,
  },
  {
    description:
      'Share of warned users who did not withdraw or checked first, per user and per withdrawal, with the rules applied; uplift counting everyone',
  },
);

export const PilotReportSchema = Type.Object(
  {
    generatedAt: Type.String({ format: 'date-time' }),
    filter: ReportFilterSchema,
    notes: Type.Array(Type.String(), {
      description: 'What the figures can and cannot say: no data, no holdout, a broken split…',
    }),
    noteKeys: Type.Array(
      Type.Object({
        key: Type.Union([
          Type.Literal('no_data'),
          Type.Literal('no_warned'),
          Type.Literal('no_holdout'),
          Type.Literal('display_low'),
          Type.Literal('undisplayed_outcomes'),
          Type.Literal('outside_experiment'),
          Type.Literal('pooled_shares'),
          Type.Literal('srm_assignment'),
          Type.Literal('srm_reported'),
          Type.Literal('outcome_reporting'),
        ]),
        params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
      }),
      {
        description:
          'The notes by kind with their figures, in the same order (for reports in other languages)',
      },
    ),
    totals: Type.Object({
      decisions: Type.Integer(),
      treatment: Type.Integer({ description: 'warned users' }),
      holdout: Type.Integer(),
      displayed: Type.Integer(),
      cancelled: Type.Integer(),
      verified: Type.Integer(),
      proceeded: Type.Integer(),
      abandoned: Type.Integer(),
      undisplayedOutcomes: Type.Integer({
        description: 'warned decisions with an outcome but no reported display: not in the outcome rates',
      }),
      outsideExperiment: Type.Integer({
        description:
          'decisions in neither arm (reported-address holds, fail-safe answers while the store was unreachable): counted apart, not compared',
      }),
    }),
    rates: Type.Object({
      intervention: RateEstimateSchema,
      cancelled: RateEstimateSchema,
      verified: RateEstimateSchema,
      proceeded: RateEstimateSchema,
      abandoned: RateEstimateSchema,
      displayed: RateEstimateSchema,
    }),
    timeToDecide: Type.Object({
      decided: Type.Integer(),
      medianSeconds: Nullable(Type.Number()),
      p90Seconds: Nullable(Type.Number()),
    }),
    resources: Type.Array(Type.Object({ resourceId: Type.String(), opened: RateEstimateSchema })),
    uplift: Type.Object({
      outcomeReported: Type.Object(
        { warned: RateEstimateSchema, holdout: RateEstimateSchema },
        { description: "share of each arm's decisions with a reported withdrawal outcome" },
      ),
      completionWarned: RateEstimateSchema,
      completionHoldout: RateEstimateSchema,
      difference: DifferenceEstimateSchema,
      relative: DifferenceEstimateSchema,
      test: TestResultSchema,
      alwaysValid: Nullable(DifferenceEstimateSchema),
    }),
    sampleRatio: Type.Array(
      Type.Object({
        campaignId: Type.String(),
        version: Type.Integer(),
        assignment: SampleRatioCheckSchema,
        analysed: SampleRatioCheckSchema,
        outcomeReporting: Type.Object(
          {
            warned: RateEstimateSchema,
            holdout: RateEstimateSchema,
            statistic: Nullable(Type.Number()),
            p: Nullable(Type.Number()),
            mismatch: Type.Boolean({ description: 'p below threshold: one arm loses more outcome reports' }),
            threshold: Type.Number(),
          },
          { description: "share of each arm's decisions with a reported outcome, compared between the arms" },
        ),
      }),
    ),
    variants: Type.Array(
      Type.Object({
        variant: Type.String(),
        decisions: Type.Integer(),
        intervention: RateEstimateSchema,
        completion: RateEstimateSchema,
      }),
    ),
    variantComparison: Nullable(
      Type.Object({
        a: Type.String(),
        b: Type.String(),
        intervention: DifferenceEstimateSchema,
        test: TestResultSchema,
      }),
    ),
    daily: Type.Array(PeriodFiguresSchema),
    weekly: Type.Array(PeriodFiguresSchema),
    evidence: Type.Object({
      uplift: EvidenceSchema,
      upliftEveryone: Nullable(EvidenceSchema),
      variants: Nullable(EvidenceSchema),
    }),
    pilotNumber: Type.Optional(PilotNumberSchema),
  },
  { description: 'Pilot report: see src/measurement/report-model.ts' },
);

export const PowerPlanSchema = Type.Object(
  {
    baselineRate: Type.Number(),
    targetRate: Type.Number(),
    alpha: Type.Number(),
    power: Type.Number(),
    holdoutShare: Type.Number(),
    treatmentUsers: Type.Integer(),
    holdoutUsers: Type.Integer(),
    totalUsers: Type.Integer(),
    weeks: Nullable(
      Type.Number({
        description:
          "at the campaign's traffic over the days observed: the last 28, or since its first decision",
      }),
    ),
    weeklyEligible: Nullable(Type.Number({ description: 'decisions per week under the campaign' })),
  },
  { description: 'Users and weeks a pilot needs (two-sided two-proportion z test)' },
);

const OverviewCampaignSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  partner: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  status: Type.Union(
    [
      Type.Literal('draft'),
      Type.Literal('scheduled'),
      Type.Literal('live'),
      Type.Literal('ended'),
      Type.Literal('paused'),
      Type.Literal('retired'),
    ],
    { description: 'draft: never published; paused: held out by the kill switch' },
  ),
  liveVersion: Nullable(Type.Integer()),
  exposure: Type.Object({
    warned: Type.Integer(),
    holdout: Type.Integer(),
    displayed: Type.Integer(),
    outsideExperiment: Type.Integer(),
  }),
  effect: Type.Object(
    { difference: DifferenceEstimateSchema, evidence: EvidenceSchema },
    {
      description:
        'warned − holdout completion of the live version; too early to tell unless evidence.enough',
    },
  ),
  alarms: Type.Array(
    Type.Union([
      Type.Literal('sample_ratio'),
      Type.Literal('outcome_reporting'),
      Type.Literal('display_low'),
    ]),
  ),
});

export const OverviewSchema = Type.Object(
  {
    generatedAt: Type.String({ format: 'date-time' }),
    jurisdictions: Type.Array(
      Type.Object({
        code: Type.String(),
        name: Type.String(),
        campaigns: Type.Array(OverviewCampaignSchema),
        totals: Type.Object({
          campaigns: Type.Integer(),
          live: Type.Integer(),
          warned: Type.Integer(),
          holdout: Type.Integer(),
          alarms: Type.Integer(),
        }),
      }),
    ),
  },
  { description: 'Every campaign by jurisdiction: status, live version, exposure, effect, alarms' },
);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const reportMatches: Same<Static<typeof PilotReportSchema>, PilotReport> = true;
const powerMatches: Same<
  Static<typeof PowerPlanSchema>,
  PowerPlan & { weeklyEligible: number | null }
> = true;
const overviewMatches: Same<Static<typeof OverviewSchema>, Overview> = true;
void overviewMatches;
void reportMatches;
void powerMatches;
