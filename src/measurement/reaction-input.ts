import { Type, type Static } from '@sinclair/typebox';

/** One reaction as the exchange's app or the <caveat-warning> element reports it. */
export const ReactionInputSchema = Type.Object(
  {
    id: Type.String({
      minLength: 8,
      maxLength: 128,
      pattern: '^[A-Za-z0-9_.:-]+$',
      description: 'Client event id',
    }),
    decisionId: Type.String({ minLength: 1, maxLength: 64 }),
    type: Type.Union([
      Type.Literal('displayed'),
      Type.Literal('resource_opened'),
      Type.Literal('acknowledged'),
      Type.Literal('cancelled'),
      Type.Literal('proceeded'),
    ]),
    occurredAt: Type.String({ format: 'date-time' }),
    resourceId: Type.Optional(Type.String({ minLength: 1, maxLength: 63 })),
  },
  { additionalProperties: false },
);

export const ReactionBatchSchema = Type.Object(
  { events: Type.Array(ReactionInputSchema, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
);

export type ReactionInput = Static<typeof ReactionInputSchema>;
