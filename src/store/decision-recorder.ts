import { renderResolved } from '../campaigns/render.js';
import type { CampaignSpec } from '../campaigns/spec.js';
import type { Decision } from '../screening/decision.js';
import type { ScreeningRequest } from '../screening/request.js';
import type { Database, Queryable } from './database.js';
import type { SpooledDecision } from './degraded-spool.js';
import { claimSlots, releaseSlots, type CapClaim, type CapState } from './frequency-marks.js';
import { claimAndInsert, DECISION_COLUMNS, DECISION_RECORD_TYPE, decisionRow } from './decision-rows.js';
import { jsonObject } from './rows.js';

export interface DecisionRecord {
  decision: Decision;
  request: ScreeningRequest;
  /** Fingerprint of the request, so a reused idempotency key with another body is caught. */
  requestHash: string;
  /** The frequency-cap slot this decision took, and the decision to record if the store refuses it. */
  cap?: { claim: CapClaim; ifRefused: Decision };
}

export type RecordResult =
  | { status: 'recorded'; decision: Decision }
  | { status: 'replayed'; decision: Decision }
  | { status: 'key_reused'; decision: Decision };

/** Work that must commit in the same transaction as the decisions (e.g. the relay outbox). */
export type DecisionWriteHook = (tx: Queryable, recorded: readonly DecisionRecord[]) => Promise<void>;

/** Whether a hook would write anything for these decisions; without one, it is asked every batch. */
export type DecisionWriteFilter = (records: readonly DecisionRecord[]) => boolean;

interface Pending {
  record: DecisionRecord;
  resolve: (result: RecordResult) => void;
  reject: (error: unknown) => void;
}

export interface RecorderStats {
  batches: number;
  records: number;
}

/** What each batch looked like when it left: how many decisions, and how many batches were in flight with it. */
export type BatchObserver = (size: number, inFlight: number) => void;

/**
 * Group commit for decisions: requests that arrive while a write is in flight are written together
 * in the next transaction, and each caller is answered only after its row is committed. One
 * multi-row insert per batch keeps the embedded store (single-threaded) off the hot path.
 *
 * A PostgreSQL server can commit several transactions at once (its WAL flush is itself grouped), so
 * there the throughput is bounded by commit latency unless more than one batch is in flight;
 * `maxInFlight` allows that. PGlite executes one statement at a time, so it keeps one.
 */
export class DecisionRecorder {
  private queue: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;
  readonly stats: RecorderStats = { batches: 0, records: 0 };
  private readonly hooks: { hook: DecisionWriteHook; wants?: DecisionWriteFilter }[] = [];

  constructor(
    private readonly db: Database,
    private readonly options: {
      maxBatch?: number;
      maxInFlight?: number;
      onBatch?: BatchObserver;
      /** The store's frequency-cap marks after each batch's claims (to refresh a replica's cache). */
      onCapStates?: (states: readonly CapState[]) => void;
    } = {},
  ) {}

  addWriteHook(hook: DecisionWriteHook, wants?: DecisionWriteFilter): void {
    this.hooks.push(wants ? { hook, wants } : { hook });
  }

  record(record: DecisionRecord): Promise<RecordResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Takes a record back that has not been sent to the store yet (its caller gave up waiting), so
   * it can never commit after a different answer was given. False when its batch is already in
   * flight: then only the supersession in recordDegraded can set the record straight.
   */
  withdraw(record: DecisionRecord): boolean {
    const index = this.queue.findIndex((pending) => pending.record === record);
    if (index < 0) return false;
    const [pending] = this.queue.splice(index, 1);
    pending?.reject(new Error('withdrawn: a degraded answer was given instead'));
    return true;
  }

  /**
   * Writes fail-safe answers that were given while the store could not confirm, exactly as they
   * were given. Idempotent by decision id (a spool drained twice changes nothing). If the decision
   * first computed for the same attempt committed late, it is superseded (kept, moved off the key,
   * out of the measurement); whichever commits first, the degraded answer ends up on the key. If
   * the key already named an earlier answer the user got first (a retry during the outage), that one
   * stays on the key and the degraded answer is kept beside it, superseded by it.
   */
  async recordDegraded(entries: readonly SpooledDecision[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db.transaction(async (tx) => {
      let remaining = [...entries];
      const fresh: DecisionRecord[] = [];
      for (let round = 0; round < 3 && remaining.length > 0; round += 1) {
        await supersede(tx, remaining);
        const inserted = new Set(await insertDecisions(tx, remaining));
        fresh.push(...remaining.filter((entry) => inserted.has(entry.decision.idempotencyKey)));
        remaining = remaining.filter((entry) => !inserted.has(entry.decision.idempotencyKey));
        const holders = await keyHolders(
          tx,
          remaining.map((entry) => entry.decision.idempotencyKey),
        );
        // Already written (a drain repeated after a crash), or an earlier answer keeps the key.
        const asides = remaining.filter((entry) => {
          const holder = holders.get(entry.decision.idempotencyKey);
          return holder !== undefined && holder !== entry.decision.id && holder !== entry.supersedes;
        });
        remaining = remaining.filter((entry) => {
          const holder = holders.get(entry.decision.idempotencyKey);
          return holder === entry.supersedes || holder === undefined;
        });
        if (asides.length > 0) await insertAside(tx, asides, holders);
      }
      if (remaining.length > 0) throw new Error('degraded decisions could not take their keys');
      for (const { hook } of this.hooks) if (fresh.length > 0) await hook(tx, fresh);
    });
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0 || this.inFlight >= (this.options.maxInFlight ?? 1)) return;
    this.scheduled = true;
    // Let the requests already parsed in this turn of the event loop join the batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, this.options.maxBatch ?? 1000);
    if (batch.length === 0) return;
    this.inFlight += 1;
    this.options.onBatch?.(batch.length, this.inFlight);
    this.schedule();
    try {
      const results = await this.write(batch.map((pending) => pending.record));
      batch.forEach((pending, index) => pending.resolve(results[index] as RecordResult));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      this.inFlight -= 1;
      this.schedule();
    }
  }

  private async write(records: readonly DecisionRecord[]): Promise<RecordResult[]> {
    // The same key twice in one batch: write the first, answer the rest from it.
    const firstByKey = new Map<string, DecisionRecord>();
    for (const record of records) {
      if (!firstByKey.has(record.decision.idempotencyKey))
        firstByKey.set(record.decision.idempotencyKey, record);
    }
    const claimed = [...firstByKey.values()];
    // The usual batch has nothing for any hook: one statement, no BEGIN/COMMIT round trips.
    const stored = this.hooks.some(({ wants }) => !wants || wants(claimed))
      ? await this.writeInTransaction(claimed)
      : await this.writeInOneStatement(claimed);
    this.stats.batches += 1;
    this.stats.records += stored.insertedKeys.size;
    if (stored.states.length > 0) this.options.onCapStates?.(stored.states);
    return records.map((record) => {
      const key = record.decision.idempotencyKey;
      const winner = firstByKey.get(key);
      if (winner === record && stored.insertedKeys.has(key))
        return {
          status: 'recorded',
          decision: stored.written.get(record.decision.id)?.decision ?? record.decision,
        };
      const earlier = stored.existing.get(key) ?? {
        decision: winner && (stored.written.get(winner.decision.id)?.decision ?? winner.decision),
        requestHash: winner?.requestHash,
      };
      if (!earlier.decision) throw new Error(`decision for idempotency key ${key} vanished`);
      return earlier.requestHash === record.requestHash
        ? { status: 'replayed', decision: earlier.decision }
        : { status: 'key_reused', decision: earlier.decision };
    });
  }
  /** Claims, decisions and hooks in one transaction (BEGIN, claim, insert, hooks, COMMIT). */
  private async writeInTransaction(claimed: readonly DecisionRecord[]): Promise<BatchWrite> {
    return this.db.transaction(async (tx) => {
      // Claims first, so a refused slot turns into the capped decision before anything is written.
      const { refused, states } = await claimSlots(tx, claimsOf(claimed));
      const unique = settle(claimed, refused);
      const insertedKeys = new Set(await insertDecisions(tx, unique));
      const fresh = unique.filter((record) => insertedKeys.has(record.decision.idempotencyKey));
      for (const { hook } of this.hooks) if (fresh.length > 0) await hook(tx, fresh);
      const existing = await this.settleReplays(tx, unique, refused, insertedKeys);
      return { insertedKeys, existing, written: byId(unique), states };
    });
  }

  /**
   * Claims and decisions in a single statement (data-modifying CTEs): one round trip to the store
   * per batch instead of four, and atomic like any statement. The decision written for a refused
   * claim is its capped alternative, chosen inside the statement by the same rule the caller uses.
   */
  private async writeInOneStatement(claimed: readonly DecisionRecord[]): Promise<BatchWrite> {
    const { insertedKeys, refused, states } = await claimAndInsert(this.db, claimed);
    const unique = settle(claimed, refused);
    // The capped alternatives of refused claims, written now (their claim took nothing).
    const capped = unique.filter((record) => refused.has(record.decision.id));
    for (const key of capped.length > 0 ? await insertDecisions(this.db, capped) : []) insertedKeys.add(key);
    const hasReplays = unique.some((record) => !insertedKeys.has(record.decision.idempotencyKey));
    const existing = hasReplays
      ? await this.db.transaction((tx) => this.settleReplays(tx, unique, refused, insertedKeys))
      : new Map<string, StoredDecision>();
    return { insertedKeys, existing, written: byId(unique), states };
  }

  /** A replayed key wrote nothing: its new claim's slot goes back, and the earlier decision is read. */
  private async settleReplays(
    tx: Queryable,
    unique: readonly DecisionRecord[],
    refused: ReadonlySet<string>,
    insertedKeys: ReadonlySet<string>,
  ): Promise<Map<string, StoredDecision>> {
    const missing = unique.filter((record) => !insertedKeys.has(record.decision.idempotencyKey));
    if (missing.length === 0) return new Map();
    await releaseSlots(
      tx,
      missing.flatMap((record) => (record.cap && !refused.has(record.decision.id) ? [record.cap.claim] : [])),
    );
    return loadByKeys(
      tx,
      missing.map((record) => record.decision.idempotencyKey),
    );
  }
}

interface StoredDecision {
  decision: Decision;
  requestHash: string;
}

interface BatchWrite {
  insertedKeys: ReadonlySet<string>;
  existing: ReadonlyMap<string, StoredDecision>;
  /** What was written for each decision id: the record, or its capped alternative. */
  written: ReadonlyMap<string, DecisionRecord>;
  states: CapState[];
}

const claimsOf = (records: readonly DecisionRecord[]): CapClaim[] =>
  records.flatMap((record) => (record.cap ? [record.cap.claim] : []));

/** Each record as it is written: its capped alternative where the store refused the slot. */
const settle = (records: readonly DecisionRecord[], refused: ReadonlySet<string>): DecisionRecord[] =>
  records.map((record) =>
    record.cap && refused.has(record.decision.id) ? { ...record, decision: record.cap.ifRefused } : record,
  );

const byId = (records: readonly DecisionRecord[]) =>
  new Map(records.map((record) => [record.decision.id, record]));

/** Moves late-committed originals off their keys and out of the measurement. */
async function supersede(tx: Queryable, entries: readonly SpooledDecision[]): Promise<void> {
  const pairs = entries.map((entry) => ({ original: entry.supersedes, degraded: entry.decision.id }));
  await tx.query(
    `UPDATE decisions d SET superseded_by = r.degraded,
       idempotency_key = d.idempotency_key || '~superseded-by~' || r.degraded
     FROM json_to_recordset($1::json) AS r(original text, degraded text)
     WHERE d.id = r.original AND d.superseded_by IS NULL`,
    [JSON.stringify(pairs)],
  );
}

async function keyHolders(tx: Queryable, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.query<{ idempotency_key: string; id: string }>(
    'SELECT idempotency_key, id FROM decisions WHERE idempotency_key = ANY($1::text[])',
    [keys],
  );
  return new Map(rows.map((row) => [row.idempotency_key, row.id]));
}

/** A degraded retry answer kept beside the earlier answer that owns the key. */
async function insertAside(
  tx: Queryable,
  entries: readonly SpooledDecision[],
  holders: ReadonlyMap<string, string>,
): Promise<void> {
  const aside = entries.map((entry) => ({
    ...entry,
    decision: {
      ...entry.decision,
      idempotencyKey: `${entry.decision.idempotencyKey}~degraded-retry~${entry.decision.id}`,
    },
  }));
  await insertDecisions(tx, aside);
  await tx.query(
    `UPDATE decisions d SET superseded_by = r.holder
     FROM json_to_recordset($1::json) AS r(id text, holder text) WHERE d.id = r.id`,
    [
      JSON.stringify(
        entries.map((entry) => ({
          id: entry.decision.id,
          holder: holders.get(entry.decision.idempotencyKey),
        })),
      ),
    ],
  );
}

async function insertDecisions(tx: Queryable, records: readonly DecisionRecord[]): Promise<string[]> {
  const inserted = await tx.query<{ idempotency_key: string }>(
    `INSERT INTO decisions (${DECISION_COLUMNS})
     SELECT * FROM json_to_recordset($1::json) AS r(${DECISION_RECORD_TYPE})
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING idempotency_key`,
    [JSON.stringify(records.map(decisionRow))],
  );
  return inserted.map((row) => row.idempotency_key);
}

interface StoredDecisionRow {
  idempotency_key: string;
  request_hash: string;
  response: unknown;
  content_locale: string | null;
  spec: unknown;
}

/** Recorded decisions by key, with their content re-rendered from the immutable published version. */
async function loadByKeys(
  tx: Queryable,
  keys: readonly string[],
): Promise<Map<string, { decision: Decision; requestHash: string }>> {
  const rows = await tx.query<StoredDecisionRow>(
    `SELECT d.idempotency_key, d.request_hash, d.response, d.content_locale, v.spec
     FROM decisions d
     LEFT JOIN campaign_versions v ON v.campaign_id = d.campaign_id AND v.version = d.campaign_version
     WHERE d.idempotency_key = ANY($1::text[])`,
    [keys],
  );
  return new Map(
    rows.map((row) => {
      const stored = jsonObject<Decision>(row.response);
      const content =
        row.content_locale && row.spec
          ? (renderResolved(
              jsonObject<CampaignSpec>(row.spec),
              row.content_locale,
              stored.campaign?.variant ?? null,
            ) ?? null)
          : null;
      return [row.idempotency_key, { decision: { ...stored, content }, requestHash: row.request_hash }];
    }),
  );
}
