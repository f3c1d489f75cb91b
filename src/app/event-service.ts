import { RequestProblem, type FieldProblem } from '../errors.js';
import {
  asReaction,
  isLadderEvent,
  type EventInput,
  type LadderEventInput,
} from '../measurement/event-input.js';
import type { ReactionInput } from '../measurement/reaction-input.js';
import type { DecisionStatus } from '../screening/ladder/status.js';
import type { EventRepository, IngestOptions } from '../store/event-repository.js';
import type {
  IndexedEvent,
  LadderEventRepository,
  LadderEventResult,
} from '../store/ladder-event-repository.js';

export interface EventResult {
  id: string;
  status: 'accepted' | 'duplicate';
  /** Answers only: the decision's step after them, and whether the exchange must now hold it. */
  ladder?: DecisionStatus;
}

export interface EventIngestOptions extends IngestOptions {
  /** A caller bound to one jurisdiction (a partner-bound key) may report only that jurisdiction's. */
  jurisdiction?: string | null | undefined;
}

/**
 * One batch of POST /v1/events: reactions go to the outcome rules (EventRepository), answers and
 * completions to the ladder (LadderEventRepository), in one transaction, all or nothing; results
 * come back in the order sent.
 */
export class EventService {
  constructor(
    private readonly reactions: EventRepository,
    private readonly ladder: LadderEventRepository,
  ) {}

  async ingest(
    batch: readonly EventInput[],
    options: EventIngestOptions,
  ): Promise<{ results: EventResult[] }> {
    const reactions: IndexedEvent<ReactionInput>[] = [];
    const ladderEvents: IndexedEvent<LadderEventInput>[] = [];
    const problems: FieldProblem[] = [];
    batch.forEach((event, index) => {
      if (isLadderEvent(event)) {
        ladderEvents.push({ index, event });
        return;
      }
      const reaction = asReaction(event);
      if ('type' in reaction) reactions.push({ index, event: reaction });
      else problems.push({ field: `body/events/${index}/${reaction.field}`, message: reaction.message });
    });
    if (problems.length > 0)
      throw new RequestProblem(
        'invalid',
        problems.map((p) => `${p.field}: ${p.message}`).join('; '),
        problems,
      );

    // One id space across both kinds: an id used for a reaction and an answer in one batch is a conflict.
    const reactionIds = new Set(reactions.map(({ event }) => event.id));
    for (const { index, event } of ladderEvents)
      if (reactionIds.has(event.id))
        problems.push({
          field: `body/events/${index}/id`,
          message: `event id ${event.id} was already used for another event`,
        });
    if (problems.length > 0)
      throw new RequestProblem(
        'conflict',
        problems.map((p) => `${p.field}: ${p.message}`).join('; '),
        problems,
      );

    let ladderResults = new Map<number, LadderEventResult>();
    const reactionResult = await this.reactions
      .ingest(
        reactions.map((r) => r.event),
        options,
        async (tx) => {
          ladderResults = await this.ladder.ingest(
            tx,
            ladderEvents,
            reactions.map((r) => ({ index: r.index, event: r.event.id })),
            {
              onlyDecisionId: options.onlyDecisionId,
              jurisdiction: options.jurisdiction,
              now: options.now,
            },
          );
        },
      )
      .catch((error: unknown) => {
        throw renumbered(error, reactions);
      });
    const results: EventResult[] = batch.map((event) => ({ id: event.id, status: 'duplicate' }));
    reactions.forEach(({ index }, position) => {
      const result = reactionResult.results[position];
      if (result) results[index] = result;
    });
    for (const [index, result] of ladderResults)
      results[index] = {
        id: batch[index]?.id ?? '',
        status: result.status,
        ...(result.ladder ? { ladder: result.ladder } : {}),
      };
    return { results };
  }
}

/**
 * The reaction rules name fields by the position among the reactions; the caller sent one batch,
 * so positions are turned back into the batch's own.
 */
function renumbered(error: unknown, reactions: readonly IndexedEvent<ReactionInput>[]): unknown {
  if (!(error instanceof RequestProblem)) return error;
  const fix = (text: string) =>
    text.replace(/body\/events\/(\d+)/g, (_, n: string) => `body/events/${reactions[Number(n)]?.index ?? n}`);
  const problem = new RequestProblem(
    error.kind,
    fix(error.message),
    error.errors.map((p) => ({ field: fix(p.field), message: p.message })),
  );
  problem.retryAfterSeconds = error.retryAfterSeconds;
  return problem;
}
