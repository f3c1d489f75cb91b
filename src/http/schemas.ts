import { Type } from '@sinclair/typebox';
import { LadderStepSchema, LocalizedContentSchema, PresentationSchema } from '../campaigns/spec.js';

/** Response shapes, for the OpenAPI document and fast serialization. */
export const ProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
});

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/**
 * A reason's findings as data (screening/decision.ts ReasonParams): destination_reported gives the
 * first six, lookalike the last three. One flat object serializes fast; a new kind of params adds
 * its fields here, or the serializer drops them.
 */
const ReasonParamsSchema = Type.Object({
  count: Type.Optional(Type.Integer()),
  scamType: Type.Optional(Type.String()),
  riskLevel: Type.Optional(Type.String()),
  jurisdictions: Type.Optional(Type.Array(Type.String())),
  lastSeen: Type.Optional(Type.String({ description: 'YYYY-MM-DD' })),
  source: Type.Optional(Type.String()),
  imitates: Type.Optional(Type.String({ description: "The brand's real name" })),
  officialDomain: Type.Optional(Type.String()),
  technique: Type.Optional(Type.String()),
});

export const DecisionResponseSchema = Type.Object({
  id: Type.String(),
  idempotencyKey: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  decision: Type.Union([Type.Literal('allow'), Type.Literal('warn'), Type.Literal('hold')]),
  reasons: Type.Array(
    Type.Object({ code: Type.String(), message: Type.String(), params: Type.Optional(ReasonParamsSchema) }),
  ),
  campaign: Nullable(
    Type.Object({ id: Type.String(), version: Type.Integer(), variant: Nullable(Type.String()) }),
  ),
  arm: Nullable(Type.Union([Type.Literal('treatment'), Type.Literal('holdout')])),
  content: Nullable(Type.Composite([LocalizedContentSchema, Type.Object({ locale: Type.String() })])),
  minDisplaySeconds: Type.Integer(),
  degraded: Type.Boolean(),
  step: Type.Optional(LadderStepSchema),
  releaseAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
  presentation: Type.Optional(Nullable(PresentationSchema)),
  eventToken: Nullable(Type.String()),
});

/** Where a decision stands on the friction ladder now (GET /v1/decisions/{id}, answered events). */
export const DecisionStatusSchema = Type.Object({
  decisionId: Type.String(),
  decision: Type.Union([Type.Literal('allow'), Type.Literal('warn'), Type.Literal('hold')], {
    description: 'hold: keep the withdrawal; warn: the user decides (a hold that ended is warn)',
  }),
  step: Nullable(LadderStepSchema),
  releaseAt: Nullable(Type.String({ format: 'date-time', description: 'When the hold ends by itself' })),
  released: Nullable(
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      by: Type.String(),
      note: Nullable(Type.String()),
    }),
  ),
});

export const problemResponses = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  413: ProblemSchema,
  422: ProblemSchema,
};
