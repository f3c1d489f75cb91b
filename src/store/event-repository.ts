import { RequestProblem, type FieldProblem } from '../errors.js';
import {
  deriveOutcome,
  type Outcome,
  type ReactionEvent,
  type ReactionType,
} from '../measurement/outcome.js';
import type { ReactionInput } from '../measurement/reaction-input.js';
import type { Database, Queryable } from './database.js';
import { retentionBoundary } from './event-partitions.js';

export interface IngestResult {
  results: { id: string; status: 'accepted' | 'duplicate' }[];
}

export interface IngestOptions {
  /** When set (event-token auth), every event must belong to this decision. */
  onlyDecisionId?: string | undefined;
  abandonAfterMs: number;
  now: Date;
}

/** Runs inside the event transaction after outcomes changed (e.g. to queue partner alerts). */
export type OutcomeWriteHook = (tx: Queryable, changed: readonly OutcomeChange[]) => Promise<void>;

export interface OutcomeChange {
  decisionId: string;
  outcome: Outcome;
}

interface DecisionFacts {
  id: string;
  decision: 'allow' | 'warn' | 'hold';
  created_at: Date;
  resources: { id: string; checkBeforeSend: boolean }[] | null;
}

interface StoredEvent {
  id: string;
  decision_id: string;
  type: ReactionType;
  resource_id: string | null;
  occurred_at: Date;
}

// Clocks on phones drift; beyond this an event time is not believable.
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const SHOWN_ONLY: ReadonlySet<ReactionType> = new Set(['displayed', 'resource_opened', 'acknowledged']);

/**
 * Reaction events and the outcome they lead to. A batch is checked whole before anything is
 * written, then written in one transaction: either every new event and outcome lands, or none.
 */
export class EventRepository {
  private readonly hooks: OutcomeWriteHook[] = [];

  /**
   * @param retentionMonths how long events are kept (EVENT_RETENTION_MONTHS); undefined keeps them.
   * Events of a decision older than that are refused: its earlier events are gone, so its outcome
   * could no longer be derived from them.
   */
  constructor(
    private readonly db: Database,
    private readonly retentionMonths?: number,
  ) {}

  addOutcomeHook(hook: OutcomeWriteHook): void {
    this.hooks.push(hook);
  }

  /**
   * @param alongside work that commits or rolls back with these events, under the same lock (the
   * answers and completions of the same batch, see ladder-event-repository.ts).
   */
  async ingest(
    events: readonly ReactionInput[],
    options: IngestOptions,
    alongside?: (tx: Queryable) => Promise<void>,
  ): Promise<IngestResult> {
    return this.db.transaction(async (tx) => {
      await lockOutcomeWriters(tx);
      await alongside?.(tx);
      if (events.length === 0) return { results: [] };
      const retainedFrom =
        this.retentionMonths === undefined ? undefined : retentionBoundary(options.now, this.retentionMonths);
      const decisionIds = [...new Set(events.map((event) => event.decisionId))];
      const decisions = await loadDecisionFacts(tx, decisionIds);
      // By id alone, across every month: the table's key (id, occurred_at) refuses a retry by itself,
      // but only this lookup, done under the writers' lock, sees one id reused at another time.
      const existing = await loadEvents(
        tx,
        'id',
        events.map((event) => event.id),
      );
      const problems: FieldProblem[] = [];
      const statuses: ('accepted' | 'duplicate')[] = [];
      const fresh: ReactionInput[] = [];
      const seenInBatch = new Map<string, ReactionInput>();
      events.forEach((event, index) => {
        const field = `body/events/${index}`;
        const before = existing.get(event.id) ?? seenInBatch.get(event.id);
        if (before) {
          if (sameEvent(before, event)) statuses.push('duplicate');
          else
            problems.push({
              field: `${field}/id`,
              message: `event id ${event.id} was already used for another event`,
            });
          return;
        }
        const problem = checkEvent(event, decisions.get(event.decisionId), options, retainedFrom);
        if (problem) problems.push({ field: `${field}/${problem.field}`, message: problem.message });
        seenInBatch.set(event.id, event);
        fresh.push(event);
        statuses.push('accepted');
      });
      if (problems.length > 0) {
        const conflict = problems.every((problem) => problem.message.includes('already used'));
        throw new RequestProblem(
          conflict ? 'conflict' : 'invalid',
          problems.map((p) => `${p.field}: ${p.message}`).join('; '),
          problems,
        );
      }
      if (fresh.length > 0) {
        await insertEvents(tx, fresh);
        const changed = await refreshOutcomes(
          tx,
          [...new Set(fresh.map((event) => event.decisionId))],
          decisions,
          options,
        );
        for (const hook of this.hooks) if (changed.length > 0) await hook(tx, changed);
      }
      return {
        results: events.map((event, index) => ({ id: event.id, status: statuses[index] ?? 'duplicate' })),
      };
    });
  }

  /**
   * Marks as abandoned the decisions nobody decided on in time. Returns how many; safe to run on
   * every instance at once.
   */
  async sweepAbandoned(abandonAfterMs: number, now: Date, limit = 5000): Promise<OutcomeChange[]> {
    return this.db.transaction(async (tx) => {
      await lockOutcomeWriters(tx);
      const cutoff = new Date(now.getTime() - abandonAfterMs);
      const rows = await tx.query<{ decision_id: string }>(
        `INSERT INTO outcomes (decision_id, outcome, updated_at)
         SELECT d.id, 'abandoned', $2 FROM decisions d
         WHERE d.created_at < $1 AND (d.decision <> 'allow' OR d.arm IS NOT NULL) AND d.superseded_by IS NULL
           AND NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.decision_id = d.id AND o.outcome IS NOT NULL)
         ORDER BY d.created_at
         LIMIT $3
         ON CONFLICT (decision_id) DO UPDATE SET outcome = 'abandoned', updated_at = $2
           WHERE outcomes.outcome IS NULL
         RETURNING decision_id`,
        [cutoff, now, limit],
      );
      const changed = rows.map((row) => ({ decisionId: row.decision_id, outcome: 'abandoned' as const }));
      for (const hook of this.hooks) if (changed.length > 0) await hook(tx, changed);
      return changed;
    });
  }

  async outcomeOf(
    decisionId: string,
  ): Promise<{ outcome: Outcome | null; displayedAt: string | null } | undefined> {
    const rows = await this.db.query<{ outcome: Outcome | null; displayed_at: Date | null }>(
      'SELECT outcome, displayed_at FROM outcomes WHERE decision_id = $1',
      [decisionId],
    );
    const row = rows[0];
    return row && { outcome: row.outcome, displayedAt: row.displayed_at?.toISOString() ?? null };
  }
}

function checkEvent(
  event: ReactionInput,
  decision: DecisionFacts | undefined,
  options: IngestOptions,
  retainedFrom: Date | undefined,
): { field: string; message: string } | undefined {
  if (!decision) return { field: 'decisionId', message: `no decision ${event.decisionId}` };
  if (retainedFrom && decision.created_at < retainedFrom) {
    return {
      field: 'decisionId',
      message: `decision ${decision.id} is older than the event retention; its events are no longer kept`,
    };
  }
  if (options.onlyDecisionId !== undefined && event.decisionId !== options.onlyDecisionId) {
    return { field: 'decisionId', message: 'the event token does not cover this decision' };
  }
  if (SHOWN_ONLY.has(event.type) && decision.decision === 'allow') {
    return {
      field: 'type',
      message: `${event.type} is impossible: decision ${decision.id} showed no warning`,
    };
  }
  if (event.type === 'resource_opened') {
    if (!event.resourceId) return { field: 'resourceId', message: 'is required for resource_opened' };
    if (!(decision.resources ?? []).some((resource) => resource.id === event.resourceId)) {
      return {
        field: 'resourceId',
        message: `decision ${decision.id} showed no resource ${event.resourceId}`,
      };
    }
  } else if (event.resourceId !== undefined) {
    return { field: 'resourceId', message: `only resource_opened events name a resource` };
  }
  const at = Date.parse(event.occurredAt);
  if (at > options.now.getTime() + CLOCK_SKEW_MS) return { field: 'occurredAt', message: 'is in the future' };
  if (at < decision.created_at.getTime() - CLOCK_SKEW_MS) {
    return { field: 'occurredAt', message: 'is before the decision was made' };
  }
  if (retainedFrom && at < retainedFrom.getTime()) {
    return { field: 'occurredAt', message: 'is older than the event retention' };
  }
  return undefined;
}

function sameEvent(a: ReactionInput, b: ReactionInput): boolean {
  return (
    a.decisionId === b.decisionId &&
    a.type === b.type &&
    (a.resourceId ?? null) === (b.resourceId ?? null) &&
    Date.parse(a.occurredAt) === Date.parse(b.occurredAt)
  );
}

async function loadDecisionFacts(tx: Queryable, ids: readonly string[]): Promise<Map<string, DecisionFacts>> {
  const rows = await tx.query<DecisionFacts>(
    `SELECT d.id, d.decision, d.created_at, v.spec->'content'->d.content_locale->'resources' AS resources
     FROM decisions d
     LEFT JOIN campaign_versions v ON v.campaign_id = d.campaign_id AND v.version = d.campaign_version
     WHERE d.id = ANY($1::text[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, { ...row, created_at: new Date(row.created_at) }]));
}

async function loadEvents(
  tx: Queryable,
  by: 'id' | 'decision_id',
  values: readonly string[],
): Promise<Map<string, ReactionInput>> {
  const rows = await tx.query<StoredEvent>(
    `SELECT id, decision_id, type, resource_id, occurred_at FROM events WHERE ${by} = ANY($1::text[])`,
    [values],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        decisionId: row.decision_id,
        type: row.type,
        occurredAt: new Date(row.occurred_at).toISOString(),
        ...(row.resource_id !== null ? { resourceId: row.resource_id } : {}),
      },
    ]),
  );
}

async function insertEvents(tx: Queryable, events: readonly ReactionInput[]): Promise<void> {
  await tx.query(
    `INSERT INTO events (id, decision_id, type, resource_id, occurred_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])`,
    [
      events.map((event) => event.id),
      events.map((event) => event.decisionId),
      events.map((event) => event.type),
      events.map((event) => event.resourceId ?? null),
      events.map((event) => event.occurredAt),
    ],
  );
}

async function refreshOutcomes(
  tx: Queryable,
  decisionIds: readonly string[],
  decisions: ReadonlyMap<string, DecisionFacts>,
  options: IngestOptions,
): Promise<OutcomeChange[]> {
  const all = await loadEvents(tx, 'decision_id', decisionIds);
  const previous = await tx.query<{ decision_id: string; outcome: Outcome | null }>(
    'SELECT decision_id, outcome FROM outcomes WHERE decision_id = ANY($1::text[])',
    [decisionIds],
  );
  const before = new Map(previous.map((row) => [row.decision_id, row.outcome]));
  const changed: OutcomeChange[] = [];
  for (const decisionId of decisionIds) {
    const facts = decisions.get(decisionId);
    if (!facts) continue;
    const events: ReactionEvent[] = [...all.values()]
      .filter((event) => event.decisionId === decisionId)
      .map((event) => ({
        type: event.type,
        occurredAt: new Date(event.occurredAt),
        resourceId: event.resourceId ?? null,
      }));
    const state = deriveOutcome(events, {
      checkResourceIds: new Set((facts.resources ?? []).filter((r) => r.checkBeforeSend).map((r) => r.id)),
      decisionCreatedAt: facts.created_at,
      abandonAfterMs: options.abandonAfterMs,
      now: options.now,
    });
    await tx.query(
      `INSERT INTO outcomes (decision_id, displayed_at, first_check_opened_at, acknowledged_at, decided_at, outcome, updated_at, withdrew)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (decision_id) DO UPDATE SET displayed_at = $2, first_check_opened_at = $3, acknowledged_at = $4,
         decided_at = $5, outcome = $6, updated_at = $7, withdrew = $8`,
      [
        decisionId,
        state.displayedAt,
        state.firstCheckOpenedAt,
        state.acknowledgedAt,
        state.decidedAt,
        state.outcome,
        options.now,
        state.withdrew,
      ],
    );
    if (state.outcome !== null && state.outcome !== before.get(decisionId)) {
      changed.push({ decisionId, outcome: state.outcome });
    }
  }
  return changed;
}

/**
 * Writers of outcomes take each outcome row and then the shared measurement rollup rows (the
 * triggers of migration 003), statement by statement; two such transactions in parallel on a
 * PostgreSQL server can deadlock. They take this transaction-scoped lock first, so they run one at
 * a time (as they do on the single-connection embedded store anyway).
 */
async function lockOutcomeWriters(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(727274001)');
}
