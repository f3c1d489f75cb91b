import { Type, type Static } from '@sinclair/typebox';

/**
 * Police requests: verified officers of partner agencies ask (preserve, disclose, emergency,
 * intelligence), the exchange answers within a deadline, every disclosed field is logged, and the
 * answer travels as a signed evidence pack. These schemas are the API contract (portal and console).
 */

export const REQUEST_TYPES = ['preservation', 'disclosure', 'emergency', 'intelligence'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_STATUSES = [
  'received',
  'verifying',
  'in_progress',
  'answered',
  'partially_answered',
  'declined',
  'redirected',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses that end the request's clock: no timer, no more answers. */
export const CLOSED_STATUSES: readonly RequestStatus[] = [
  'answered',
  'partially_answered',
  'declined',
  'redirected',
];
/** Statuses that need a reason the officer reads. */
export const STATUSES_NEEDING_REASON: readonly RequestStatus[] = ['declined', 'redirected'];

export const TIMERS = ['due', 'due_soon', 'overdue'] as const;
export type Timer = (typeof TIMERS)[number];

export const OFFICER_STATUSES = ['unconfirmed', 'pending', 'approved', 'rejected'] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];

// Type.Union over a mapped array loses the literal types; Unsafe keeps the schema and restores them.
const literals = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>(Type.Union(values.map((value) => Type.Literal(value))));

export const RequestTypeSchema = literals(REQUEST_TYPES);
export const RequestStatusSchema = literals(REQUEST_STATUSES);
export const TimerSchema = literals(TIMERS);
export const OfficerStatusSchema = literals(OFFICER_STATUSES);

const Email = Type.String({ minLength: 3, maxLength: 254 });
const Text = (maxLength: number, minLength = 1) => Type.String({ minLength, maxLength });
const Id = Type.String({ minLength: 1, maxLength: 100 });

// ---- officers -------------------------------------------------------------------------------

export const SignUpBodySchema = Type.Object(
  {
    email: Email,
    name: Text(200),
    agencyId: Id,
    password: Type.String({ minLength: 12, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type SignUpBody = Static<typeof SignUpBodySchema>;

export const ConfirmBodySchema = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }) },
  { additionalProperties: false },
);

export const OfficerSessionBodySchema = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: 1, maxLength: 200 }),
    totp: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
  },
  { additionalProperties: false },
);
export type OfficerSessionBody = Static<typeof OfficerSessionBodySchema>;

export const TotpVerifyBodySchema = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false },
);

export const OfficerSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  agencyId: Type.String(),
  agencyName: Type.String(),
  status: OfficerStatusSchema,
  totpEnabled: Type.Boolean(),
  createdAt: Type.String(),
  confirmedAt: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  decidedBy: Type.Union([Type.String(), Type.Null()]),
});
export type Officer = Static<typeof OfficerSchema>;

/** GET /police/api/session: the signed-in officer (or null) and the CSRF token for changes. */
export const OfficerSessionSchema = Type.Object({
  officer: Type.Union([OfficerSchema, Type.Null()]),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
});
export type OfficerSessionView = Static<typeof OfficerSessionSchema>;

export const EmailDomainsBodySchema = Type.Object(
  {
    domains: Type.Array(Type.String({ minLength: 3, maxLength: 253 }), { maxItems: 20, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type EmailDomainsBody = Static<typeof EmailDomainsBodySchema>;

/** An agency an officer can sign up for (GET /police/api/agencies): a police partner with domains. */
export const AgencySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  jurisdiction: Type.String(),
  officialEmailDomains: Type.Array(Type.String()),
});
export type Agency = Static<typeof AgencySchema>;

// ---- requests -------------------------------------------------------------------------------

export const IdentifierInputSchema = Type.Object(
  {
    /** An address, domain, URL, phone, email, handle, bank account, or a user pseudonym received in an alert. */
    value: Text(2048),
    /** The exchange's network name for an address (ETH, TRC20, BTC…); guessed from the shape when absent. */
    network: Type.Optional(Text(40)),
  },
  { additionalProperties: false },
);
export type IdentifierInput = Static<typeof IdentifierInputSchema>;

export const NewRequestBodySchema = Type.Object(
  {
    type: RequestTypeSchema,
    legalBasis: Text(2000),
    agencyReference: Text(200),
    identifiers: Type.Array(IdentifierInputSchema, { minItems: 1, maxItems: 50 }),
    fields: Type.Optional(Type.Array(Text(60), { maxItems: 40, uniqueItems: true })),
    requestedDeadline: Type.String({ format: 'date' }),
    description: Text(10_000),
    threatToLife: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type NewRequestBody = Static<typeof NewRequestBodySchema>;

/** An identifier as stored: what the officer wrote and the normalized subject key caveat uses. */
export const RequestIdentifierSchema = Type.Object({
  value: Type.String(),
  network: Type.Union([Type.String(), Type.Null()]),
  /** Normalized subject: an indicator key (`evm:0x…`, `domain:…`) or `pseudonym:<hex>`. */
  subject: Type.String(),
  kind: Type.String(),
});
export type RequestIdentifier = Static<typeof RequestIdentifierSchema>;

export const RequestCreatedSchema = Type.Object({
  id: Type.String(),
  caseNumber: Type.String(),
  dueAt: Type.String(),
  status: RequestStatusSchema,
});
export type RequestCreated = Static<typeof RequestCreatedSchema>;

export const MessageSchema = Type.Object({
  id: Type.String(),
  from: Type.Union([Type.Literal('officer'), Type.Literal('exchange')]),
  author: Type.String(),
  text: Type.String(),
  at: Type.String(),
});
export type RequestMessage = Static<typeof MessageSchema>;

export const MessageBodySchema = Type.Object({ text: Text(10_000) }, { additionalProperties: false });

export const AttachmentSchema = Type.Object({
  id: Type.String(),
  filename: Type.String(),
  contentType: Type.String(),
  bytes: Type.Integer(),
  sha256: Type.String(),
  uploadedAt: Type.String(),
});
export type Attachment = Static<typeof AttachmentSchema>;

/** One disclosed value in an answer: a field of the catalogue about one subject. */
export const DisclosedRecordSchema = Type.Object({
  subject: Type.String(),
  field: Type.String(),
  value: Type.Unknown(),
});
export type DisclosedRecord = Static<typeof DisclosedRecordSchema>;

export const AnswerViewSchema = Type.Object({
  answeredAt: Type.String(),
  answeredBy: Type.String(),
  records: Type.Array(DisclosedRecordSchema),
  evidencePackAvailable: Type.Boolean(),
});
export type AnswerView = Static<typeof AnswerViewSchema>;

export const PoliceRequestSchema = Type.Object({
  id: Type.String(),
  caseNumber: Type.String(),
  agencyId: Type.String(),
  agencyName: Type.String(),
  officerId: Type.String(),
  officerName: Type.String(),
  type: RequestTypeSchema,
  legalBasis: Type.String(),
  agencyReference: Type.String(),
  identifiers: Type.Array(RequestIdentifierSchema),
  fields: Type.Array(Type.String()),
  requestedDeadline: Type.String(),
  description: Type.String(),
  threatToLife: Type.Boolean(),
  status: RequestStatusSchema,
  statusReason: Type.Union([Type.String(), Type.Null()]),
  assignee: Type.Union([Type.String(), Type.Null()]),
  dueAt: Type.String(),
  /** null once the request is closed. */
  timer: Type.Union([TimerSchema, Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type PoliceRequest = Static<typeof PoliceRequestSchema>;

export const PoliceRequestDetailSchema = Type.Composite([
  PoliceRequestSchema,
  Type.Object({
    messages: Type.Array(MessageSchema),
    attachments: Type.Array(AttachmentSchema),
    answer: Type.Union([AnswerViewSchema, Type.Null()]),
  }),
]);
export type PoliceRequestDetail = Static<typeof PoliceRequestDetailSchema>;

export const RequestListQuerySchema = Type.Object(
  {
    status: Type.Optional(RequestStatusSchema),
    due: Type.Optional(TimerSchema),
  },
  { additionalProperties: false },
);
export type RequestListQuery = Static<typeof RequestListQuerySchema>;

export const RequestPatchBodySchema = Type.Object(
  {
    status: Type.Optional(RequestStatusSchema),
    /** A console user id, or null to unassign. */
    assignee: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])),
    reason: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);
export type RequestPatchBody = Static<typeof RequestPatchBodySchema>;

// ---- disclosure -----------------------------------------------------------------------------

/** A field of the catalogue (GET /police/api/fields) and whether this agency's policy allows it. */
export const DisclosableFieldSchema = Type.Object({
  name: Type.String(),
  label: Type.String(),
  description: Type.String(),
  /** The relay policy field that governs it, or null when no policy can allow it (override only). */
  policyField: Type.Union([Type.String(), Type.Null()]),
});
export type DisclosableFieldView = Static<typeof DisclosableFieldSchema>;

export const FieldPermissionSchema = Type.Object({
  field: Type.String(),
  label: Type.String(),
  allowed: Type.Boolean(),
  /** Why it needs an override, when it does. */
  reason: Type.Union([Type.String(), Type.Null()]),
  requested: Type.Boolean(),
});
export type FieldPermission = Static<typeof FieldPermissionSchema>;

export const SubjectRecordsSchema = Type.Object({
  subject: Type.String(),
  value: Type.String(),
  kind: Type.String(),
  decisions: Type.Integer(),
  indicator: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  /** Values caveat holds for each catalogue field (what would be disclosed). */
  values: Type.Record(Type.String(), Type.Unknown()),
});
export type SubjectRecords = Static<typeof SubjectRecordsSchema>;

export const DisclosableViewSchema = Type.Object({
  policyVersion: Type.Union([Type.Integer(), Type.Null()]),
  fields: Type.Array(FieldPermissionSchema),
  subjects: Type.Array(SubjectRecordsSchema),
});
export type DisclosableView = Static<typeof DisclosableViewSchema>;

export const AnswerBodySchema = Type.Object(
  {
    disclose: Type.Array(
      Type.Object(
        {
          subject: Type.String({ minLength: 1, maxLength: 2100 }),
          field: Type.String({ minLength: 1, maxLength: 60 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 2000 },
    ),
    override: Type.Optional(Type.Object({ reason: Text(2000, 5) }, { additionalProperties: false })),
    /** answered (default) or partially_answered. */
    status: Type.Optional(Type.Union([Type.Literal('answered'), Type.Literal('partially_answered')])),
    note: Type.Optional(Text(10_000)),
  },
  { additionalProperties: false },
);
export type AnswerBody = Static<typeof AnswerBodySchema>;

export const DisclosureSchema = Type.Object({
  id: Type.String(),
  requestId: Type.String(),
  caseNumber: Type.String(),
  agencyId: Type.String(),
  agencyName: Type.String(),
  officerId: Type.String(),
  officerEmail: Type.String(),
  legalBasis: Type.String(),
  subject: Type.String(),
  field: Type.String(),
  disclosedBy: Type.String(),
  disclosedAt: Type.String(),
  overrideReason: Type.Union([Type.String(), Type.Null()]),
});
export type Disclosure = Static<typeof DisclosureSchema>;

export const DisclosureQuerySchema = Type.Object(
  {
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 2100 })),
    requestId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);

// ---- evidence packs -------------------------------------------------------------------------

export const ManifestSchema = Type.Object({
  files: Type.Array(Type.Object({ name: Type.String(), sha256: Type.String(), bytes: Type.Integer() })),
  caseNumber: Type.String(),
  agency: Type.String(),
  createdAt: Type.String(),
  signerKeyId: Type.String(),
});
export type Manifest = Static<typeof ManifestSchema>;

export const SigningKeySchema = Type.Object({
  keyId: Type.String(),
  algorithm: Type.Literal('Ed25519'),
  /** SPKI PEM. */
  publicKeyPem: Type.String(),
});
export type SigningKeyView = Static<typeof SigningKeySchema>;

/** The console inbox badge: open requests by timer. */
export const InboxCountSchema = Type.Object({
  open: Type.Integer(),
  dueSoon: Type.Integer(),
  overdue: Type.Integer(),
  emergency: Type.Integer(),
});
export type InboxCount = Static<typeof InboxCountSchema>;
