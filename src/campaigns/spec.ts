import { Type, type Static } from '@sinclair/typebox';

/**
 * The shape of a campaign version: what a police partner and the exchange wrote together, and to
 * whom it applies. One TypeBox definition gives the TypeScript types, request validation and the
 * OpenAPI document.
 */

const text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const httpsUrl = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 });
const phone = Type.String({ pattern: '^\\+?[0-9 ()-]{3,24}$', maxLength: 24 });
/**
 * A key of the jurisdiction's directory (src/campaigns/directory.ts). An item with a ref takes its
 * phone, link, hours or value from the directory, so every locale shows the same number; the locale
 * gives only the words. An item without one keeps its literal fields, as campaigns written before
 * the directory do.
 */
export const DirectoryRefSchema = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
  description:
    "Key of an entry in the jurisdiction's directory, which then gives the phone, url and other facts",
});

export const ResourceSchema = Type.Object(
  {
    id: Type.String({
      pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
      description: 'Stable id, used in resource_opened events',
    }),
    ref: Type.Optional(DirectoryRefSchema),
    name: text(120),
    url: Type.Optional(httpsUrl),
    phone: Type.Optional(phone),
    purpose: text(300),
    checkBeforeSend: Type.Optional(
      Type.Boolean({
        description:
          'A place to check an address, site or number before sending (required without a ref; from the directory with one)',
      }),
    ),
  },
  { additionalProperties: false },
);

const stableId = (description: string) => Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$', description });

export const CommonScamSchema = Type.Object(
  {
    id: Type.Optional(stableId('Stable id, which the answers of a question name to put this scam first')),
    name: text(120),
    howItWorks: text(1000),
    redFlags: Type.Array(text(300), { maxItems: 12 }),
  },
  { additionalProperties: false },
);

export const ContactSchema = Type.Object(
  {
    ref: Type.Optional(DirectoryRefSchema),
    name: text(120),
    phone: Type.Optional(phone),
    url: Type.Optional(httpsUrl),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    hours: Type.Optional(text(120)),
  },
  { additionalProperties: false },
);

export const StatisticSchema = Type.Object(
  {
    ref: Type.Optional(DirectoryRefSchema),
    label: text(200),
    /** Required without a ref; with one, the directory gives value, year and sourceUrl. */
    value: Type.Optional(text(60)),
    source: text(200),
    year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
    sourceUrl: Type.Optional(httpsUrl),
  },
  { additionalProperties: false },
);

/**
 * The friction ladder, lowest first: a warning; the warning's questions; a cooling-off hold that
 * ends by itself; a hold until the exchange's staff release it. See src/screening/ladder/.
 */
export const LADDER_STEPS = ['warn', 'questions', 'cooling_off', 'review'] as const;
export type LadderStepKey = (typeof LADDER_STEPS)[number];
export const LadderStepSchema = Type.Union([
  Type.Literal('warn'),
  Type.Literal('questions'),
  Type.Literal('cooling_off'),
  Type.Literal('review'),
]);

export const AnswerSchema = Type.Object(
  {
    id: stableId('Stable id, sent in answered events and used to measure answer paths'),
    label: text(160),
    scam: Type.Optional(stableId('The common scam (its id) this answer points to: shown first')),
    step: LadderStepSchema,
  },
  { additionalProperties: false },
);

// The counts a person must keep to (at most five questions, two to six answers) are rules in
// spec-rules.ts, worded for the editor; the schema only bounds the size.
export const QuestionSchema = Type.Object(
  {
    id: stableId('Stable id, sent in answered events'),
    prompt: text(200),
    answers: Type.Array(AnswerSchema, { maxItems: 12 }),
  },
  { additionalProperties: false },
);

/** The sections of the warning whose order a presentation may rotate (findings always come first). */
export const WARNING_SECTIONS = [
  'checks',
  'commonScams',
  'tips',
  'resources',
  'contacts',
  'statistics',
] as const;
export type WarningSection = (typeof WARNING_SECTIONS)[number];
const SectionSchema = Type.Union([
  Type.Literal('checks'),
  Type.Literal('commonScams'),
  Type.Literal('tips'),
  Type.Literal('resources'),
  Type.Literal('contacts'),
  Type.Literal('statistics'),
]);

export const PresentationSchema = Type.Object(
  {
    key: Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }),
    order: Type.Array(SectionSchema, { maxItems: 12 }),
    emphasis: Type.Optional(SectionSchema),
  },
  { additionalProperties: false },
);

export const LadderSchema = Type.Object(
  {
    coolingOffMinutes: Type.Integer({ minimum: 5, maximum: 7 * 24 * 60 }),
    /** Where a warn-level intelligence finding (e.g. a lookalike site) starts; default: questions. */
    warnFindingStep: Type.Optional(LadderStepSchema),
  },
  { additionalProperties: false },
);

export const LocalizedContentSchema = Type.Object(
  {
    title: text(200),
    body: text(2000),
    tips: Type.Array(text(400), { maxItems: 12 }),
    commonScams: Type.Array(CommonScamSchema, { maxItems: 12 }),
    resources: Type.Array(ResourceSchema, { maxItems: 12 }),
    contacts: Type.Array(ContactSchema, { maxItems: 12 }),
    statistics: Type.Array(StatisticSchema, { maxItems: 12 }),
    neverCallNotice: text(400),
    questions: Type.Optional(Type.Array(QuestionSchema, { maxItems: 10 })),
    acknowledgeLabel: Type.Optional(text(80)),
    cancelLabel: Type.Optional(text(80)),
  },
  { additionalProperties: false },
);

export const TargetingSchema = Type.Object(
  {
    assets: Type.Optional(
      Type.Array(Type.String({ pattern: '^[A-Z0-9]{2,12}$' }), {
        description: 'Empty or absent: every asset',
      }),
    ),
    minAmountUsd: Type.Optional(Type.Number({ minimum: 0 })),
    maxAmountUsd: Type.Optional(Type.Number({ minimum: 0 })),
    newDestinationOnly: Type.Optional(Type.Boolean()),
    maxAccountAgeDays: Type.Optional(Type.Integer({ minimum: 0 })),
    securityChangeWithinHours: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'Only when the account changed a security setting this recently',
      }),
    ),
  },
  { additionalProperties: false },
);

export const VariantSchema = Type.Object(
  {
    key: Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }),
    weight: Type.Integer({ minimum: 1, maximum: 1000 }),
    /** Per-locale replacements of title/body, the message being tested. */
    overrides: Type.Optional(
      Type.Record(
        Type.String(),
        Type.Object(
          { title: Type.Optional(text(200)), body: Type.Optional(text(2000)) },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);

export const ExperimentSchema = Type.Object(
  {
    key: Type.String({
      pattern: '^[A-Za-z0-9_.:-]{1,80}$',
      description: 'Assignment salt; keep it to keep assignments',
    }),
    holdoutShare: Type.Number({ minimum: 0, maximum: 0.9 }),
    variants: Type.Array(VariantSchema, { minItems: 1, maxItems: 8 }),
  },
  { additionalProperties: false },
);

export const CampaignSpecSchema = Type.Object(
  {
    action: Type.Union([Type.Literal('warn'), Type.Literal('hold')]),
    priority: Type.Integer({ minimum: 0, maximum: 1000 }),
    targeting: TargetingSchema,
    experiment: ExperimentSchema,
    frequencyCap: Type.Object(
      {
        maxPerUser: Type.Integer({ minimum: 1, maximum: 1000 }),
        windowHours: Type.Integer({ minimum: 1, maximum: 24 * 365 }),
      },
      { additionalProperties: false },
    ),
    minDisplaySeconds: Type.Integer({ minimum: 0, maximum: 600 }),
    ladder: Type.Optional(LadderSchema),
    /**
     * Against habituation: a user warned again within the frequency window sees the next of these
     * (the first for a first warning), recorded on the decision and measured like variants.
     */
    presentations: Type.Optional(Type.Array(PresentationSchema, { maxItems: 4 })),
    // Every value is checked as content and every key as a locale tag. A Record keyed by a pattern
    // would check only the values under matching keys and let {"a": 1} through to the rules.
    content: Type.Record(Type.String(), LocalizedContentSchema, {
      propertyNames: { pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$' },
    }),
  },
  { additionalProperties: false },
);

export type Resource = Static<typeof ResourceSchema>;
export type CommonScam = Static<typeof CommonScamSchema>;
export type Contact = Static<typeof ContactSchema>;
export type Statistic = Static<typeof StatisticSchema>;
export type Answer = Static<typeof AnswerSchema>;
export type Question = Static<typeof QuestionSchema>;
export type Presentation = Static<typeof PresentationSchema>;
export type Ladder = Static<typeof LadderSchema>;
export type LocalizedContent = Static<typeof LocalizedContentSchema>;
export type Targeting = Static<typeof TargetingSchema>;
export type Variant = Static<typeof VariantSchema>;
export type Experiment = Static<typeof ExperimentSchema>;
export type CampaignSpec = Static<typeof CampaignSpecSchema>;
