import { Type, type Static } from '@sinclair/typebox';

/** A withdrawal attempt as the exchange's backend sends it. */
export const ScreeningRequestSchema = Type.Object(
  {
    idempotencyKey: Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' }),
    userRef: Type.String({ minLength: 1, maxLength: 128, description: "The exchange's opaque user id" }),
    jurisdiction: Type.String({ pattern: '^[A-Z]{2}$' }),
    locale: Type.String({ minLength: 2, maxLength: 35, pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$' }),
    asset: Type.String({ pattern: '^[A-Z0-9]{2,12}$' }),
    network: Type.String({ pattern: '^[A-Za-z0-9_-]{2,32}$' }),
    amount: Type.String({
      pattern: '^[0-9]{1,30}(\\.[0-9]{1,18})?$',
      description: 'Decimal string, in the asset',
    }),
    amountUsd: Type.Number({ minimum: 0, maximum: 1e12 }),
    destination: Type.Object(
      {
        address: Type.String({ minLength: 1, maxLength: 256 }),
        isNew: Type.Boolean(),
        isWhitelisted: Type.Boolean(),
        tag: Type.Optional(Type.String({ maxLength: 128 })),
      },
      { additionalProperties: false },
    ),
    account: Type.Object(
      {
        ageDays: Type.Integer({ minimum: 0, maximum: 100_000 }),
        hoursSinceSecurityChange: Type.Optional(Type.Union([Type.Number({ minimum: 0 }), Type.Null()])),
        newDevice: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export type ScreeningRequest = Static<typeof ScreeningRequestSchema>;
