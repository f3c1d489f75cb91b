import { Type, type Static } from '@sinclair/typebox';
import { ReactionInputSchema, type ReactionInput } from './reaction-input.js';

/**
 * Everything POST /v1/events takes: the element's reactions, its answers to the warning's
 * questions, and the exchange backend's word on whether the withdrawal completed. One batch, one
 * id space, all or nothing.
 */
export const LADDER_EVENT_TYPES = ['answered', 'withdrawal_completed', 'withdrawal_not_completed'] as const;
export type LadderEventType = (typeof LADDER_EVENT_TYPES)[number];

export const EventInputSchema = Type.Object(
  {
    ...ReactionInputSchema.properties,
    type: Type.Union([
      Type.Literal('displayed'),
      Type.Literal('resource_opened'),
      Type.Literal('acknowledged'),
      Type.Literal('cancelled'),
      Type.Literal('proceeded'),
      Type.Literal('answered'),
      Type.Literal('withdrawal_completed'),
      Type.Literal('withdrawal_not_completed'),
    ]),
    questionId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 63, description: 'answered: the question of the warning' }),
    ),
    answerId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 63, description: 'answered: the answer chosen' }),
    ),
  },
  { additionalProperties: false },
);

export const EventBatchSchema = Type.Object(
  { events: Type.Array(EventInputSchema, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
);

export type EventInput = Static<typeof EventInputSchema>;
export type LadderEventInput = EventInput & { type: LadderEventType };

export function isLadderEvent(event: EventInput): event is LadderEventInput {
  return (LADDER_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** A reaction carries no answer fields; the ladder events are checked apart (ladder-event-repository). */
export function asReaction(event: EventInput): ReactionInput | { field: string; message: string } {
  if (event.questionId !== undefined || event.answerId !== undefined)
    return {
      field: event.questionId !== undefined ? 'questionId' : 'answerId',
      message: 'only answered events name a question and an answer',
    };
  const { questionId: _q, answerId: _a, ...rest } = event;
  return rest as ReactionInput;
}
