import { Type, type Static } from '@sinclair/typebox';

/**
 * Scam reports: what a user, a victim or a support agent tells caveat, how analysts triage it, and
 * what the public may see of it. One TypeBox definition gives the types, the request validation and
 * the OpenAPI document; the console and the warning element import these types (type-only).
 */

export const REPORT_CATEGORIES = [
  'investment',
  'romance',
  'impersonation_exchange',
  'impersonation_police',
  'impersonation_official',
  'phishing_site',
  'fake_support',
  'job_task',
  'giveaway',
  'ransomware_extortion',
  'other',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const REPORT_STATUSES = [
  'new',
  'in_review',
  'confirmed',
  'rejected',
  'duplicate',
  'referred',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const FIRST_CONTACT_CHANNELS = [
  'website',
  'social_media',
  'messaging_app',
  'phone_call',
  'sms',
  'email',
  'dating_app',
  'in_person',
  'other',
] as const;
export type FirstContactChannel = (typeof FIRST_CONTACT_CHANNELS)[number];

export const CLUSTER_STATUSES = ['open', 'confirmed', 'rejected', 'referred'] as const;
export type ClusterStatus = (typeof CLUSTER_STATUSES)[number];

export const CONFIRM_RISK_LEVELS = ['medium', 'high', 'critical'] as const;
export type ConfirmRiskLevel = (typeof CONFIRM_RISK_LEVELS)[number];

export const DISPUTE_STATUSES = ['open', 'upheld', 'rejected'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const DISPUTE_DECISIONS = ['delist', 'keep'] as const;
export type DisputeDecision = (typeof DISPUTE_DECISIONS)[number];

export const EVIDENCE_MEDIA_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/pdf',
] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 5;

const text = (maxLength: number, minLength = 1) => Type.String({ minLength, maxLength });

export const ReportCategorySchema = Type.Union([
  Type.Literal('investment'),
  Type.Literal('romance'),
  Type.Literal('impersonation_exchange'),
  Type.Literal('impersonation_police'),
  Type.Literal('impersonation_official'),
  Type.Literal('phishing_site'),
  Type.Literal('fake_support'),
  Type.Literal('job_task'),
  Type.Literal('giveaway'),
  Type.Literal('ransomware_extortion'),
  Type.Literal('other'),
]);
export const ReportStatusSchema = Type.Union([
  Type.Literal('new'),
  Type.Literal('in_review'),
  Type.Literal('confirmed'),
  Type.Literal('rejected'),
  Type.Literal('duplicate'),
  Type.Literal('referred'),
]);
export const ClusterStatusSchema = Type.Union([
  Type.Literal('open'),
  Type.Literal('confirmed'),
  Type.Literal('rejected'),
  Type.Literal('referred'),
]);
export const DisputeStatusSchema = Type.Union([
  Type.Literal('open'),
  Type.Literal('upheld'),
  Type.Literal('rejected'),
]);
export const JurisdictionSchema = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166 code' });

/** A report reference a victim can quote on the phone: "CVR-7K3Q-9M2D". */
export const REPORT_REFERENCE_PATTERN = '^CVR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$';
/** A dispute reference: "DSP-4F8K-2QXM". */
export const DISPUTE_REFERENCE_PATTERN = '^DSP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$';

export const ReportIdentifierInputSchema = Type.Object(
  {
    value: text(2048),
    network: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 32,
        description:
          'Chain or network for an address (ETH, TRC20, BTC...), platform for a handle, country for a bank account',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ReportIdentifierInput = Static<typeof ReportIdentifierInputSchema>;

export const LossSchema = Type.Object(
  {
    amount: Type.String({ pattern: '^[0-9]{1,18}(\\.[0-9]{1,18})?$', description: 'Decimal string' }),
    asset: Type.String({ pattern: '^[A-Za-z0-9._-]{1,16}$', description: 'USDT, BTC, HKD...' }),
    date: Type.String({ format: 'date', description: 'YYYY-MM-DD' }),
  },
  { additionalProperties: false },
);
export type Loss = Static<typeof LossSchema>;

export const ReporterContactSchema = Type.Object(
  {
    name: Type.Optional(text(200)),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ()-]{3,24}$', maxLength: 24 })),
  },
  { additionalProperties: false },
);
export type ReporterContact = Static<typeof ReporterContactSchema>;

const reportFields = {
  jurisdiction: JurisdictionSchema,
  category: ReportCategorySchema,
  identifiers: Type.Array(ReportIdentifierInputSchema, { minItems: 1, maxItems: 20 }),
  transactionHashes: Type.Optional(
    Type.Array(Type.String({ pattern: '^(0x)?[0-9a-fA-F]{64}$', description: 'Transaction hash' }), {
      maxItems: 50,
    }),
  ),
  description: text(4000),
  loss: Type.Optional(LossSchema),
  firstContact: Type.Optional(
    Type.Union([
      Type.Literal('website'),
      Type.Literal('social_media'),
      Type.Literal('messaging_app'),
      Type.Literal('phone_call'),
      Type.Literal('sms'),
      Type.Literal('email'),
      Type.Literal('dating_app'),
      Type.Literal('in_person'),
      Type.Literal('other'),
    ]),
  ),
  consentToPoliceContact: Type.Boolean(),
  reporterContact: Type.Optional(ReporterContactSchema),
  locale: Type.Optional(Type.String({ pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$', maxLength: 35 })),
};

/** The public door (/public/scam-reports): anonymous, no user reference, no decision. */
export const PublicReportInputSchema = Type.Object(reportFields, { additionalProperties: false });
export type PublicReportInput = Static<typeof PublicReportInputSchema>;

/**
 * POST /v1/scam-reports. With a `scam_reports` key (exchange backend, support tools):
 * idempotencyKey is required and userRef optional. With a decision's event token (the warning
 * element): jurisdiction and identifiers may be left out — the server takes them from the decision.
 */
export const ReportInputSchema = Type.Object(
  {
    idempotencyKey: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._:-]{1,128}$' })),
    userRef: Type.Optional(text(200)),
    ...reportFields,
    jurisdiction: Type.Optional(JurisdictionSchema),
    identifiers: Type.Optional(Type.Array(ReportIdentifierInputSchema, { minItems: 0, maxItems: 20 })),
    consentToPoliceContact: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ReportInput = Static<typeof ReportInputSchema>;

/** Which door a report came through. */
export const REPORT_CHANNELS = ['exchange', 'public', 'warning'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

export const ReportCreatedSchema = Type.Object({
  id: Type.String(),
  reference: Type.String({ pattern: REPORT_REFERENCE_PATTERN }),
  status: ReportStatusSchema,
  evidenceToken: Type.String({ description: 'Bearer capability to attach evidence; returned once' }),
});
export type ReportCreated = Static<typeof ReportCreatedSchema>;

export const EvidenceUploadedSchema = Type.Object({
  id: Type.String(),
  mediaType: Type.Union([
    Type.Literal('image/png'),
    Type.Literal('image/jpeg'),
    Type.Literal('image/webp'),
    Type.Literal('image/gif'),
    Type.Literal('application/pdf'),
  ]),
  size: Type.Integer(),
  sha256: Type.String(),
});
export type EvidenceUploaded = Static<typeof EvidenceUploadedSchema>;

export const ReportIdentifierSchema = Type.Object({
  kind: Type.String(),
  key: Type.String(),
  display: Type.String(),
});
export type ReportIdentifier = Static<typeof ReportIdentifierSchema>;

export const ReportSummarySchema = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  channel: Type.Union([Type.Literal('exchange'), Type.Literal('public'), Type.Literal('warning')]),
  status: ReportStatusSchema,
  jurisdiction: Type.String(),
  category: ReportCategorySchema,
  assignee: Type.Union([Type.String(), Type.Null()]),
  clusterId: Type.Union([Type.String(), Type.Null()]),
  identifiers: Type.Array(ReportIdentifierSchema),
  loss: Type.Union([LossSchema, Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  evidenceCount: Type.Integer(),
});
export type ReportSummary = Static<typeof ReportSummarySchema>;

export const ReportNoteSchema = Type.Object({
  id: Type.String(),
  author: Type.String(),
  text: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type ReportNote = Static<typeof ReportNoteSchema>;

export const EvidenceInfoSchema = Type.Object({
  id: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type EvidenceInfo = Static<typeof EvidenceInfoSchema>;

/** What triage staff see of one report (reporter contact only when the reporter consented). */
export const ReportDetailSchema = Type.Composite([
  ReportSummarySchema,
  Type.Object({
    description: Type.String(),
    transactionHashes: Type.Array(Type.String()),
    firstContact: Type.Union([Type.String(), Type.Null()]),
    consentToPoliceContact: Type.Boolean(),
    reporterContact: Type.Union([ReporterContactSchema, Type.Null()]),
    userPseudonym: Type.Union([Type.String(), Type.Null()]),
    decisionId: Type.Union([Type.String(), Type.Null()]),
    locale: Type.Union([Type.String(), Type.Null()]),
    notes: Type.Array(ReportNoteSchema),
    evidence: Type.Array(EvidenceInfoSchema),
  }),
]);
export type ReportDetail = Static<typeof ReportDetailSchema>;

export const ReportListQuerySchema = Type.Object(
  {
    status: Type.Optional(ReportStatusSchema),
    jurisdiction: Type.Optional(JurisdictionSchema),
    category: Type.Optional(ReportCategorySchema),
    assignee: Type.Optional(text(200)),
    cluster: Type.Optional(text(64)),
    q: Type.Optional(text(200)),
    cursor: Type.Optional(text(200)),
  },
  { additionalProperties: false },
);
export type ReportListQuery = Static<typeof ReportListQuerySchema>;

export const ReportListSchema = Type.Object({
  items: Type.Array(ReportSummarySchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type ReportList = Static<typeof ReportListSchema>;

export const ReportPatchSchema = Type.Object(
  {
    status: Type.Optional(ReportStatusSchema),
    assignee: Type.Optional(Type.Union([text(200), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ReportPatch = Static<typeof ReportPatchSchema>;

export const NoteInputSchema = Type.Object({ text: text(4000) }, { additionalProperties: false });
export type NoteInput = Static<typeof NoteInputSchema>;

export const LossTotalSchema = Type.Object({ asset: Type.String(), amount: Type.String() });
export type LossTotal = Static<typeof LossTotalSchema>;

export const ClusterSummarySchema = Type.Object({
  id: Type.String(),
  status: ClusterStatusSchema,
  reportCount: Type.Integer(),
  identifierCount: Type.Integer(),
  jurisdictions: Type.Array(Type.String()),
  categories: Type.Array(ReportCategorySchema),
  totalLoss: Type.Array(LossTotalSchema),
  firstSeen: Type.String({ format: 'date-time' }),
  lastSeen: Type.String({ format: 'date-time' }),
  lookalikeTarget: Type.Union([Type.String(), Type.Null()]),
});
export type ClusterSummary = Static<typeof ClusterSummarySchema>;

export const ClusterDetailSchema = Type.Composite([
  ClusterSummarySchema,
  Type.Object({
    reports: Type.Array(ReportSummarySchema),
    identifiers: Type.Array(
      Type.Composite([ReportIdentifierSchema, Type.Object({ reportCount: Type.Integer() })]),
    ),
    riskLevel: Type.Union([
      Type.Union([Type.Literal('medium'), Type.Literal('high'), Type.Literal('critical')]),
      Type.Null(),
    ]),
    scamType: Type.Union([Type.String(), Type.Null()]),
  }),
]);
export type ClusterDetail = Static<typeof ClusterDetailSchema>;

export const ClusterListQuerySchema = Type.Object(
  { status: Type.Optional(ClusterStatusSchema), jurisdiction: Type.Optional(JurisdictionSchema) },
  { additionalProperties: false },
);
export type ClusterListQuery = Static<typeof ClusterListQuerySchema>;

export const ConfirmInputSchema = Type.Object(
  {
    riskLevel: Type.Union([Type.Literal('medium'), Type.Literal('high'), Type.Literal('critical')]),
    scamType: Type.String({ minLength: 1, maxLength: 32, description: 'An intelligence scam type' }),
  },
  { additionalProperties: false },
);
export type ConfirmInput = Static<typeof ConfirmInputSchema>;

export const RejectInputSchema = Type.Object({ reason: text(2000) }, { additionalProperties: false });
export type RejectInput = Static<typeof RejectInputSchema>;

export const ReferInputSchema = Type.Object({ partnerId: text(64) }, { additionalProperties: false });
export type ReferInput = Static<typeof ReferInputSchema>;

export const DisputeInputSchema = Type.Object(
  {
    identifier: text(2048),
    reason: text(2000),
    contactEmail: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  },
  { additionalProperties: false },
);
export type DisputeInput = Static<typeof DisputeInputSchema>;

export const DisputeCreatedSchema = Type.Object({
  reference: Type.String({ pattern: DISPUTE_REFERENCE_PATTERN }),
  status: Type.Literal('open'),
  deadline: Type.String({ format: 'date', description: '5 business days after filing' }),
});
export type DisputeCreated = Static<typeof DisputeCreatedSchema>;

/** What anyone holding the reference sees: never a reporter's data, never the dispute's reason. */
export const DisputePublicSchema = Type.Object({
  reference: Type.String(),
  identifier: Type.String(),
  status: DisputeStatusSchema,
  deadline: Type.String({ format: 'date' }),
  decidedAt: Type.Optional(Type.String({ format: 'date-time' })),
  publicNote: Type.Optional(Type.String()),
});
export type DisputePublic = Static<typeof DisputePublicSchema>;

export const DisputeAdminSchema = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  identifier: Type.String(),
  kind: Type.String(),
  key: Type.String(),
  reason: Type.String(),
  contactEmail: Type.Union([Type.String(), Type.Null()]),
  status: DisputeStatusSchema,
  deadline: Type.String({ format: 'date' }),
  createdAt: Type.String({ format: 'date-time' }),
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  decidedBy: Type.Union([Type.String(), Type.Null()]),
  publicNote: Type.Union([Type.String(), Type.Null()]),
  overdue: Type.Boolean(),
});
export type DisputeAdmin = Static<typeof DisputeAdminSchema>;

export const DisputeDecideSchema = Type.Object(
  { decision: Type.Union([Type.Literal('delist'), Type.Literal('keep')]), publicNote: text(2000) },
  { additionalProperties: false },
);
export type DisputeDecideInput = Static<typeof DisputeDecideSchema>;

export const ExportQuerySchema = Type.Object(
  { format: Type.Union([Type.Literal('csv'), Type.Literal('stix')]) },
  { additionalProperties: false },
);
export type ExportFormat = Static<typeof ExportQuerySchema>['format'];
