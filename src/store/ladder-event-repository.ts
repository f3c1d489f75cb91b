import type { Ladder, LadderStepKey, Question } from '../campaigns/spec.js';
import { RequestProblem, type FieldProblem } from '../errors.js';
import type { LadderEventInput } from '../measurement/event-input.js';
import type { DecisionKind } from '../screening/decision.js';
import { LADDER, holdOf, stepAfterAnswers, type AnswerGiven } from '../screening/ladder/index.js';
import { currentStep, statusOf, type DecisionStatus, type HoldRecord } from '../screening/ladder/status.js';
import { appendAudit } from './audit-repository.js';
import type { Database, Queryable } from './database.js';
import { iso, isoRequired, jsonObject } from './rows.js';

export interface IndexedEvent<T> {
  /** Position in the request batch, for the field a problem names. */
  index: number;
  event: T;
}

export interface LadderIngestOptions {
  /** Event-token auth: only this decision, and only what the user's screen reports (no completions). */
  onlyDecisionId?: string | undefined;
  /** A caller bound to one jurisdiction sees only its decisions; another's is "no decision". */
  jurisdiction?: string | null | undefined;
  now: Date;
}

export interface LadderEventResult {
  status: 'accepted' | 'duplicate';
  /** For answers: where the decision stands after this batch (the step may have climbed). */
  ladder?: DecisionStatus;
}

interface DecisionFacts {
  id: string;
  decision: DecisionKind;
  arm: string | null;
  jurisdiction: string;
  created_at: Date;
  step: LadderStepKey | null;
  release_at: string | null;
  questions: Question[] | null;
  ladder: Ladder | null;
}

interface AnswerRow {
  event_id: string;
  decision_id: string;
  question_id: string;
  answer_id: string;
  occurred_at: Date;
}

interface CompletionRow {
  decision_id: string;
  event_id: string;
  completed: boolean;
  occurred_at: Date;
}

// Phones drift; beyond this an event time is not believable (as for reactions).
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The events that are not reactions on the user's screen: answers to the warning's questions
 * (which may climb the friction ladder) and the exchange's completion reports. Checked whole, then
 * written in the caller's transaction, so a batch mixing them with reactions is still all or nothing.
 */
export class LadderEventRepository {
  constructor(private readonly db: Database) {}

  /** Inside the events transaction, under the outcome writers' lock (EventRepository.ingest). */
  async ingest(
    tx: Queryable,
    events: readonly IndexedEvent<LadderEventInput>[],
    reactionIds: readonly IndexedEvent<string>[],
    options: LadderIngestOptions,
  ): Promise<Map<number, LadderEventResult>> {
    const problems: FieldProblem[] = [];
    if (reactionIds.length > 0) {
      const taken = await takenIds(
        tx,
        reactionIds.map((r) => r.event),
      );
      for (const { index, event } of reactionIds)
        if (taken.has(event))
          problems.push({
            field: `body/events/${index}/id`,
            message: `event id ${event} was already used for another event`,
          });
    }
    const results = new Map<number, LadderEventResult>();
    if (events.length === 0) {
      if (problems.length > 0) throw conflictOrInvalid(problems);
      return results;
    }
    const decisionIds = [...new Set(events.map(({ event }) => event.decisionId))];
    const ids = events.map(({ event }) => event.id);
    // One after another: a transaction is one connection, which runs one statement at a time anyway.
    const decisions = await loadFacts(tx, decisionIds);
    const answers = await tx.query<AnswerRow>(
      `SELECT event_id, decision_id, question_id, answer_id, occurred_at FROM decision_answers
       WHERE event_id = ANY($1::text[]) OR decision_id = ANY($2::text[])`,
      [ids, decisionIds],
    );
    const completions = await tx.query<CompletionRow>(
      `SELECT decision_id, event_id, completed, occurred_at FROM decision_completions
       WHERE event_id = ANY($1::text[]) OR decision_id = ANY($2::text[])`,
      [ids, decisionIds],
    );
    const reactionTaken = await tx.query<{ id: string }>('SELECT id FROM events WHERE id = ANY($1::text[])', [
      ids,
    ]);
    const holds = await loadHolds(tx, decisionIds);
    const answerById = new Map(answers.map((row) => [row.event_id, row]));
    const answerByQuestion = new Map(
      answers.map((row) => [`${row.decision_id}\u0000${row.question_id}`, row]),
    );
    const completionById = new Map(completions.map((row) => [row.event_id, row]));
    const completionByDecision = new Map(completions.map((row) => [row.decision_id, row]));
    const usedByReaction = new Set(reactionTaken.map((row) => row.id));
    const freshAnswers: IndexedEvent<LadderEventInput>[] = [];
    const freshCompletions: IndexedEvent<LadderEventInput>[] = [];

    for (const item of events) {
      const { index, event } = item;
      const field = `body/events/${index}`;
      const fail = (at: string, message: string) => problems.push({ field: `${field}/${at}`, message });
      if (usedByReaction.has(event.id)) {
        fail('id', `event id ${event.id} was already used for another event`);
        continue;
      }
      const facts = decisions.get(event.decisionId);
      const problem = checkCommon(event, facts, options);
      if (problem) {
        fail(problem.field, problem.message);
        continue;
      }
      const decision = facts as DecisionFacts;
      if (event.type === 'answered') {
        const before = answerById.get(event.id);
        if (before) {
          if (sameAnswer(before, event)) results.set(index, { status: 'duplicate' });
          else fail('id', `event id ${event.id} was already used for another event`);
          continue;
        }
        if (completionById.has(event.id)) {
          fail('id', `event id ${event.id} was already used for another event`);
          continue;
        }
        const wrong = checkAnswer(event, decision);
        if (wrong) {
          fail(wrong.field, wrong.message);
          continue;
        }
        const key = `${event.decisionId}\u0000${event.questionId}`;
        const earlier = answerByQuestion.get(key);
        if (earlier) {
          if (earlier.answer_id === event.answerId) results.set(index, { status: 'duplicate' });
          else
            fail(
              'answerId',
              `question ${event.questionId} of decision ${event.decisionId} was already answered with ${earlier.answer_id}; an answer is not changed afterwards`,
            );
          continue;
        }
        answerByQuestion.set(key, {
          event_id: event.id,
          decision_id: event.decisionId,
          question_id: event.questionId as string,
          answer_id: event.answerId as string,
          occurred_at: new Date(event.occurredAt),
        });
        freshAnswers.push(item);
        results.set(index, { status: 'accepted' });
      } else {
        const completed = event.type === 'withdrawal_completed';
        if (event.questionId !== undefined || event.answerId !== undefined) {
          fail(
            event.questionId !== undefined ? 'questionId' : 'answerId',
            'only answered events name a question and an answer',
          );
          continue;
        }
        if (answerById.has(event.id)) {
          fail('id', `event id ${event.id} was already used for another event`);
          continue;
        }
        const earlier = completionByDecision.get(event.decisionId);
        if (earlier) {
          if (earlier.completed === completed) results.set(index, { status: 'duplicate' });
          else
            fail(
              'type',
              `decision ${event.decisionId} was already reported as ${earlier.completed ? 'withdrawal_completed' : 'withdrawal_not_completed'} at ${isoRequired(earlier.occurred_at)}; a completion is reported once`,
            );
          continue;
        }
        completionByDecision.set(event.decisionId, {
          decision_id: event.decisionId,
          event_id: event.id,
          completed,
          occurred_at: new Date(event.occurredAt),
        });
        freshCompletions.push(item);
        results.set(index, { status: 'accepted' });
      }
    }
    if (problems.length > 0) throw conflictOrInvalid(problems);

    if (freshAnswers.length > 0) {
      await tx.query(
        `INSERT INTO decision_answers (event_id, decision_id, question_id, answer_id, occurred_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])`,
        [
          freshAnswers.map(({ event }) => event.id),
          freshAnswers.map(({ event }) => event.decisionId),
          freshAnswers.map(({ event }) => event.questionId ?? ''),
          freshAnswers.map(({ event }) => event.answerId ?? ''),
          freshAnswers.map(({ event }) => event.occurredAt),
        ],
      );
    }
    if (freshCompletions.length > 0) {
      await tx.query(
        `INSERT INTO decision_completions (decision_id, event_id, completed, occurred_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[], $4::timestamptz[])`,
        [
          freshCompletions.map(({ event }) => event.decisionId),
          freshCompletions.map(({ event }) => event.id),
          freshCompletions.map(({ event }) => event.type === 'withdrawal_completed'),
          freshCompletions.map(({ event }) => event.occurredAt),
        ],
      );
    }

    // The answers may climb the ladder: each climb is a row beside the decision, never an edit of it.
    const answered = [
      ...new Set(
        events.filter(({ event }) => event.type === 'answered').map(({ event }) => event.decisionId),
      ),
    ];
    for (const decisionId of answered) {
      const facts = decisions.get(decisionId) as DecisionFacts;
      const own = holds.get(decisionId) ?? [];
      const before = currentStep(decidedOf(facts), own) ?? 'warn';
      const given: AnswerGiven[] = [...answerByQuestion.values()]
        .filter((row) => row.decision_id === decisionId)
        .map((row) => ({ questionId: row.question_id, answerId: row.answer_id }));
      const after = stepAfterAnswers(before, { questions: facts.questions ?? [] }, given);
      if (LADDER[after].rank > LADDER[before].rank) {
        const hold = holdOf(after, facts.ladder ?? undefined, options.now.getTime());
        const climbing = freshAnswers.find(({ event }) => event.decisionId === decisionId);
        await tx.query(
          `INSERT INTO decision_holds (decision_id, step, release_at, cause, event_id, created_at)
           VALUES ($1, $2, $3, 'answer', $4, $5)`,
          [decisionId, after, hold.releaseAt, climbing?.event.id ?? null, options.now],
        );
        own.push({
          step: after,
          releaseAt: hold.releaseAt,
          createdAt: options.now.toISOString(),
          releasedAt: null,
          releasedBy: null,
          releaseNote: null,
        });
      }
      const status = statusOf(decidedOf(facts), own, options.now.getTime());
      for (const { index, event } of events)
        if (event.type === 'answered' && event.decisionId === decisionId) {
          const result = results.get(index);
          if (result) result.ladder = status;
        }
    }
    return results;
  }

  /** Where a decision stands now; undefined when there is none the caller may see. */
  async status(
    decisionId: string,
    options: { jurisdiction?: string | null | undefined; now: Date },
  ): Promise<(DecisionStatus & { answers: AnswerGiven[]; completion: Completion | null }) | undefined> {
    const facts = (await loadFacts(this.db, [decisionId])).get(decisionId);
    if (!facts || !visible(facts, options.jurisdiction)) return undefined;
    const [holds, answers, completions] = await Promise.all([
      loadHolds(this.db, [decisionId]),
      this.db.query<AnswerRow>(
        'SELECT event_id, decision_id, question_id, answer_id, occurred_at FROM decision_answers WHERE decision_id = $1 ORDER BY occurred_at',
        [decisionId],
      ),
      this.db.query<CompletionRow>(
        'SELECT decision_id, event_id, completed, occurred_at FROM decision_completions WHERE decision_id = $1',
        [decisionId],
      ),
    ]);
    const completion = completions[0];
    return {
      ...statusOf(decidedOf(facts), holds.get(decisionId) ?? [], options.now.getTime()),
      answers: answers.map((row) => ({ questionId: row.question_id, answerId: row.answer_id })),
      completion: completion
        ? { completed: completion.completed, occurredAt: isoRequired(completion.occurred_at) }
        : null,
    };
  }

  /**
   * Withdrawals the exchange is holding now, newest first: climbs of the ladder not yet released
   * or run out, and decisions held from the start (a reported destination) of the last `sinceDays`.
   */
  async waitingHolds(options: {
    jurisdiction?: string | null | undefined;
    now: Date;
    sinceDays?: number;
    limit?: number;
  }): Promise<WaitingHold[]> {
    const since = new Date(options.now.getTime() - (options.sinceDays ?? 30) * 24 * 3600 * 1000);
    const rows = await this.db.query<{
      id: string;
      jurisdiction: string;
      created_at: Date;
      asset: string;
      amount_usd: string | number;
      campaign_id: string | null;
      step: LadderStepKey;
      release_at: Date | string | null;
      held_since: Date;
    }>(
      `WITH latest AS (
         SELECT DISTINCT ON (decision_id) decision_id, step, release_at, released_at, created_at
         FROM decision_holds ORDER BY decision_id, id DESC)
       SELECT d.id, d.jurisdiction, d.created_at, d.asset, d.amount_usd, d.campaign_id,
         coalesce(l.step, d.response->>'step', 'review') AS step,
         coalesce(l.release_at, (d.response->>'releaseAt')::timestamptz) AS release_at,
         coalesce(l.created_at, d.created_at) AS held_since
       FROM decisions d LEFT JOIN latest l ON l.decision_id = d.id
       WHERE d.created_at >= $1 AND ($3::text IS NULL OR d.jurisdiction = $3)
         AND ((l.decision_id IS NOT NULL AND l.released_at IS NULL AND l.step IN ('cooling_off', 'review')
               AND (l.release_at IS NULL OR l.release_at > $2))
           OR (l.decision_id IS NULL AND d.decision = 'hold'
               AND ((d.response->>'releaseAt') IS NULL OR (d.response->>'releaseAt')::timestamptz > $2)))
       ORDER BY held_since DESC
       LIMIT $4`,
      [since, options.now, options.jurisdiction ?? null, options.limit ?? 200],
    );
    return rows.map((row) => ({
      decisionId: row.id,
      jurisdiction: row.jurisdiction,
      decidedAt: isoRequired(row.created_at),
      heldSince: isoRequired(row.held_since),
      asset: row.asset,
      amountUsd: Number(row.amount_usd),
      campaignId: row.campaign_id,
      step: row.step,
      releaseAt: row.release_at === null ? null : isoRequired(row.release_at),
    }));
  }

  /**
   * Staff end a hold (after talking to the user): recorded on the hold, in the audit log, in one
   * transaction. A decision not on hold is a conflict naming it.
   */
  async release(
    decisionId: string,
    release: { actor: string; note: string | null; now: Date; jurisdiction?: string | null | undefined },
  ): Promise<DecisionStatus> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(727274001)');
      const facts = (await loadFacts(tx, [decisionId])).get(decisionId);
      if (!facts || !visible(facts, release.jurisdiction))
        throw RequestProblem.notFound('params/id', `no decision ${decisionId}`);
      const own = (await loadHolds(tx, [decisionId])).get(decisionId) ?? [];
      const before = statusOf(decidedOf(facts), own, release.now.getTime());
      if (before.decision !== 'hold')
        throw RequestProblem.conflict(
          'params/id',
          before.released
            ? `decision ${decisionId} was already released by ${before.released.by} at ${before.released.at}`
            : `decision ${decisionId} is not on hold`,
        );
      if (own.length > 0) {
        await tx.query(
          `UPDATE decision_holds SET released_at = $2, released_by = $3, release_note = $4
           WHERE id = (SELECT max(id) FROM decision_holds WHERE decision_id = $1)`,
          [decisionId, release.now, release.actor, release.note],
        );
      } else {
        // Held from the start (a reported destination, a hold campaign): the release is its only row.
        await tx.query(
          `INSERT INTO decision_holds (decision_id, step, release_at, cause, created_at, released_at, released_by, release_note)
           VALUES ($1, $2, $3, 'decision', $4, $5, $6, $7)`,
          [
            decisionId,
            before.step ?? 'review',
            before.releaseAt,
            facts.created_at,
            release.now,
            release.actor,
            release.note,
          ],
        );
      }
      await appendAudit(tx, {
        actor: release.actor,
        action: 'decision.released',
        entity: 'decision',
        entityId: decisionId,
        detail: { step: before.step, releaseAt: before.releaseAt, note: release.note },
      });
      const after = (await loadHolds(tx, [decisionId])).get(decisionId) ?? [];
      return statusOf(decidedOf(facts), after, release.now.getTime());
    });
  }
}

/** A withdrawal the exchange holds now, as the console's hold queue lists it. */
export interface WaitingHold {
  decisionId: string;
  jurisdiction: string;
  decidedAt: string;
  heldSince: string;
  asset: string;
  amountUsd: number;
  campaignId: string | null;
  step: LadderStepKey;
  releaseAt: string | null;
}

export interface Completion {
  completed: boolean;
  occurredAt: string;
}

function visible(facts: DecisionFacts, jurisdiction: string | null | undefined): boolean {
  return !jurisdiction || facts.jurisdiction === jurisdiction;
}

function decidedOf(facts: DecisionFacts) {
  return { id: facts.id, decision: facts.decision, step: facts.step, releaseAt: facts.release_at };
}

function checkCommon(
  event: LadderEventInput,
  facts: DecisionFacts | undefined,
  options: LadderIngestOptions,
): { field: string; message: string } | undefined {
  // Another jurisdiction's decision is "no decision": a bound caller learns nothing about it.
  if (!facts || !visible(facts, options.jurisdiction))
    return { field: 'decisionId', message: `no decision ${event.decisionId}` };
  if (options.onlyDecisionId !== undefined) {
    if (event.decisionId !== options.onlyDecisionId)
      return { field: 'decisionId', message: 'the event token does not cover this decision' };
    if (event.type !== 'answered')
      return {
        field: 'type',
        message: `${event.type} is reported by the exchange's backend with an API key, not from the user's screen`,
      };
  }
  if (event.resourceId !== undefined)
    return { field: 'resourceId', message: 'only resource_opened events name a resource' };
  const at = Date.parse(event.occurredAt);
  if (at > options.now.getTime() + CLOCK_SKEW_MS) return { field: 'occurredAt', message: 'is in the future' };
  if (at < facts.created_at.getTime() - CLOCK_SKEW_MS)
    return { field: 'occurredAt', message: 'is before the decision was made' };
  return undefined;
}

function checkAnswer(
  event: LadderEventInput,
  facts: DecisionFacts,
): { field: string; message: string } | undefined {
  if (facts.decision === 'allow' || facts.arm === 'holdout')
    return { field: 'type', message: `answered is impossible: decision ${facts.id} showed no warning` };
  if (!event.questionId) return { field: 'questionId', message: 'is required for answered events' };
  if (!event.answerId) return { field: 'answerId', message: 'is required for answered events' };
  const question = (facts.questions ?? []).find((candidate) => candidate.id === event.questionId);
  if (!question)
    return {
      field: 'questionId',
      message: `the warning of decision ${facts.id} asked no question ${event.questionId}`,
    };
  if (!question.answers.some((answer) => answer.id === event.answerId))
    return {
      field: 'answerId',
      message: `question ${question.id} has no answer ${event.answerId}`,
    };
  return undefined;
}

function sameAnswer(row: AnswerRow, event: LadderEventInput): boolean {
  return (
    row.decision_id === event.decisionId &&
    row.question_id === event.questionId &&
    row.answer_id === event.answerId &&
    new Date(row.occurred_at).getTime() === Date.parse(event.occurredAt)
  );
}

function conflictOrInvalid(problems: FieldProblem[]): RequestProblem {
  // Reusing an id, changing an answer or a completion: the request conflicts with what is recorded.
  const conflict = problems.every((problem) => problem.message.includes('already'));
  return new RequestProblem(
    conflict ? 'conflict' : 'invalid',
    problems.map((p) => `${p.field}: ${p.message}`).join('; '),
    problems,
  );
}

/** Ids taken by answers or completions, so a reaction cannot reuse one. */
async function takenIds(tx: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const rows = await tx.query<{ id: string }>(
    `SELECT event_id AS id FROM decision_answers WHERE event_id = ANY($1::text[])
     UNION ALL SELECT event_id FROM decision_completions WHERE event_id = ANY($1::text[])`,
    [ids],
  );
  return new Set(rows.map((row) => row.id));
}

async function loadFacts(tx: Queryable, ids: readonly string[]): Promise<Map<string, DecisionFacts>> {
  const rows = await tx.query<DecisionFacts & { questions: unknown; ladder: unknown }>(
    `SELECT d.id, d.decision, d.arm, d.jurisdiction, d.created_at,
       d.response->>'step' AS step, d.response->>'releaseAt' AS release_at,
       v.spec->'content'->d.content_locale->'questions' AS questions, v.spec->'ladder' AS ladder
     FROM decisions d
     LEFT JOIN campaign_versions v ON v.campaign_id = d.campaign_id AND v.version = d.campaign_version
     WHERE d.id = ANY($1::text[])`,
    [ids],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        ...row,
        created_at: new Date(row.created_at),
        questions: row.questions ? jsonObject<Question[]>(row.questions) : null,
        ladder: row.ladder ? jsonObject<Ladder>(row.ladder) : null,
      },
    ]),
  );
}

async function loadHolds(tx: Queryable, ids: readonly string[]): Promise<Map<string, HoldRecord[]>> {
  const rows = await tx.query<{
    decision_id: string;
    step: LadderStepKey;
    release_at: Date | null;
    created_at: Date;
    released_at: Date | null;
    released_by: string | null;
    release_note: string | null;
  }>(
    `SELECT decision_id, step, release_at, created_at, released_at, released_by, release_note
     FROM decision_holds WHERE decision_id = ANY($1::text[]) ORDER BY id`,
    [ids],
  );
  const holds = new Map<string, HoldRecord[]>();
  for (const row of rows) {
    const list = holds.get(row.decision_id) ?? [];
    list.push({
      step: row.step,
      releaseAt: iso(row.release_at),
      createdAt: isoRequired(row.created_at),
      releasedAt: iso(row.released_at),
      releasedBy: row.released_by,
      releaseNote: row.release_note,
    });
    holds.set(row.decision_id, list);
  }
  return holds;
}
