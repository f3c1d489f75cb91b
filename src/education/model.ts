import { Type, type Static } from '@sinclair/typebox';

/**
 * The phishing-awareness quiz: a bank of questions per jurisdiction, versioned and reviewed like
 * campaign content, from which each attempt draws a balanced set. One TypeBox definition gives the
 * types, the stored shape's validation and the OpenAPI entry.
 */

/** The tricks a question teaches; every question teaches exactly one, so fooled rates add up per trick. */
export const TRICKS = [
  'brand_in_front',
  'tld_swap',
  'homoglyph',
  'typo',
  'hosting_platform',
  'fake_message',
  'fake_account',
  'phone_call',
] as const;
export type Trick = (typeof TRICKS)[number];

/** The tricks of "which is the real site?": the lookalike families the detector recognises. */
export const SITE_TRICKS = ['brand_in_front', 'tld_swap', 'homoglyph', 'typo', 'hosting_platform'] as const;
export type SiteTrick = (typeof SITE_TRICKS)[number];

export const QUIZ_LOCALES = ['en', 'zh-Hant', 'zh-Hans', 'pt'] as const;
export type QuizLocale = (typeof QUIZ_LOCALES)[number];

export const QUESTION_KINDS = ['real_site', 'message', 'official_account', 'phone_call'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

const text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const optionId = Type.String({ pattern: '^[a-z]$' });

export const QuestionTextSchema = Type.Object(
  {
    prompt: text(400),
    /** The message or call as the person receives it, when the question shows one. */
    body: Type.Optional(text(1000)),
    /** How the message arrived (SMS, email, direct message), in this language. */
    channel: Type.Optional(text(60)),
    options: Type.Record(optionId, text(300)),
    // Room for a campaign's longest scam description with twelve red flags.
    explanation: text(6000),
    trickLabel: text(120),
  },
  { additionalProperties: false },
);

export const QuizQuestionSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,119}$' }),
    kind: Type.Union(QUESTION_KINDS.map((k) => Type.Literal(k))),
    trick: Type.Union(TRICKS.map((t) => Type.Literal(t))),
    origin: Type.Union([Type.Literal('generated'), Type.Literal('hand_written')]),
    optionIds: Type.Array(optionId, { minItems: 2, maxItems: 4 }),
    correct: optionId,
    /** For site and account questions: what each option is, for reviewers and the tests. */
    optionValues: Type.Optional(Type.Record(optionId, text(300))),
    text: Type.Record(Type.String(), QuestionTextSchema),
  },
  { additionalProperties: false },
);

export const QuizOfferSchema = Type.Object(
  {
    experimentKey: Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,80}$' }),
    offerShare: Type.Number({ minimum: 0.05, maximum: 0.95 }),
  },
  { additionalProperties: false, description: 'Offer the quiz to a random share of users (an experiment)' },
);

export const QuizSpecSchema = Type.Object(
  {
    jurisdiction: Type.String({ pattern: '^[A-Z]{2}$' }),
    brand: text(120),
    demo: Type.Boolean(),
    title: Type.Record(Type.String(), text(200)),
    drawSize: Type.Integer({ minimum: 1, maximum: 20 }),
    questions: Type.Array(QuizQuestionSchema, { minItems: 1, maxItems: 200 }),
    /** The published campaign the messages, resources and never-call notice were taken from. */
    basedOn: Type.Union([
      Type.Object({ campaignId: Type.String(), version: Type.Integer() }, { additionalProperties: false }),
      Type.Null(),
    ]),
    offer: Type.Optional(QuizOfferSchema),
  },
  { additionalProperties: false },
);

export type QuestionText = Static<typeof QuestionTextSchema>;
export type QuizQuestion = Static<typeof QuizQuestionSchema>;
export type QuizOffer = Static<typeof QuizOfferSchema>;
export type QuizSpec = Static<typeof QuizSpecSchema>;

export type QuizVersionState = 'draft' | 'published';
/** A quiz draft is approved as it is; regenerating it returns it to 'editing' (as campaign drafts). */
export type QuizReviewState = 'editing' | 'approved';

export interface QuizVersion {
  jurisdiction: string;
  version: number;
  state: QuizVersionState;
  reviewState: QuizReviewState;
  spec: QuizSpec;
  createdBy: string;
  createdAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  publishedBy: string | null;
  publishedAt: string | null;
}

export interface Quiz {
  jurisdiction: string;
  /** The partner whose approval a draft needs before it is published; null: none needed. */
  partnerId: string | null;
  versions: QuizVersion[];
}

/** One drawn question as the person sees it: no answer, options in the attempt's order. */
export interface DrawnQuestion {
  id: string;
  kind: QuestionKind;
  prompt: string;
  body?: string;
  channel?: string;
  options: { id: string; label: string }[];
}
