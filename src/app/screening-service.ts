import { createHash, randomUUID } from 'node:crypto';
import stableStringify from 'safe-stable-stringify';
import { RequestProblem } from '../errors.js';
import type { Decision, DecisionResponse } from '../screening/decision.js';
import { decide, degradedVerdict, type CapSlot } from '../screening/engine.js';
import type { FrequencyLedger } from '../screening/frequency-ledger.js';
import type { ScreeningRequest } from '../screening/request.js';
import type { RiskCheck, RiskFinding } from '../screening/risk-check.js';
import type { ScreeningSnapshot } from '../screening/snapshot.js';
import type { DecisionRecord, DecisionRecorder } from '../store/decision-recorder.js';
import type { DegradedSpool, SpooledDecision } from '../store/degraded-spool.js';
import type { EventTokens } from './event-tokens.js';
import type { SnapshotHolder } from './snapshot-holder.js';

export interface ScreeningOutcome {
  response: DecisionResponse;
  /** True when the same idempotency key was seen before and its decision is returned again. */
  replayed: boolean;
}

export interface ScreeningServiceOptions {
  /** How long the store may take to confirm a decision before the fail-safe answer is given. */
  recordTimeoutMs: number;
  onDegraded: (reason: string, error: unknown) => void;
  /** Where fail-safe answers wait for the store; without one they are answered but not recorded. */
  spool?: DegradedSpool;
  /** False while the store is known to be down: answer fail-safe at once instead of waiting. */
  storeAvailable?: () => boolean;
}

/** Screens one withdrawal: decide in memory, record durably, answer. */
export class ScreeningService {
  readonly riskChecks: RiskCheck[] = [];

  constructor(
    private readonly snapshots: SnapshotHolder,
    private readonly ledger: FrequencyLedger,
    private readonly recorder: DecisionRecorder,
    private readonly tokens: EventTokens,
    private readonly options: ScreeningServiceOptions,
  ) {}

  async screen(request: ScreeningRequest, now = new Date()): Promise<ScreeningOutcome> {
    const snapshot = this.snapshots.snapshot;
    if (!snapshot.jurisdictions.has(request.jurisdiction)) {
      throw RequestProblem.invalid('body/jurisdiction', `unknown jurisdiction ${request.jurisdiction}`);
    }
    const requestHash = fingerprint(request);
    const spooled = this.options.spool?.get(request.idempotencyKey);
    if (spooled) return replayOf(spooled, requestHash);
    const base = {
      id: newDecisionId(),
      idempotencyKey: request.idempotencyKey,
      createdAt: now.toISOString(),
    };
    let decision: Decision;
    let slot: CapSlot | undefined;
    try {
      decision = {
        ...base,
        ...decide(request, {
          snapshot,
          ledger: this.ledger,
          riskChecks: this.riskChecks,
          nowMs: now.getTime(),
          onCapSlot: (taken) => (slot = taken),
        }),
      };
    } catch (error) {
      slot = undefined;
      this.options.onDegraded('engine_failed', error);
      decision = {
        ...base,
        ...degradedVerdict(
          request,
          snapshot,
          'The screening engine failed; showing the generic warning',
          this.findings(request),
        ),
      };
    }
    const record: DecisionRecord = {
      decision,
      request,
      requestHash,
      ...(slot
        ? {
            cap: {
              claim: {
                campaignId: slot.campaignId,
                userRef: request.userRef,
                decisionId: decision.id,
                atMs: now.getTime(),
                windowStartMs: slot.windowStartMs,
                maxPerUser: slot.maxPerUser,
              },
              ifRefused: { ...base, ...slot.ifRefused },
            },
          }
        : {}),
    };
    if (this.options.storeAvailable?.() === false) {
      return this.failSafe(record, snapshot, new Error('the store is down'));
    }
    const recorded = this.recorder.record(record);
    try {
      const result = await withTimeout(recorded, this.options.recordTimeoutMs);
      if (result.status === 'key_reused') {
        throw RequestProblem.conflict(
          'body/idempotencyKey',
          'was already used for a different withdrawal; use a new key for a new attempt',
        );
      }
      return {
        response: { ...result.decision, eventToken: this.tokens.issue(result.decision.id) },
        replayed: result.status === 'replayed',
      };
    } catch (error) {
      if (error instanceof RequestProblem) throw error;
      // The caller no longer waits for it; a late failure must not become an unhandled rejection.
      recorded.catch(() => undefined);
      this.recorder.withdraw(record);
      return this.failSafe(record, snapshot, error);
    }
  }

  /**
   * Fail safe, never a silent allow: the store could not confirm the decision in time. The degraded
   * answer gets its own id and is spooled durably before it leaves, so what is recorded is what the
   * user was shown, whatever becomes of the decision computed first.
   */
  private async failSafe(
    original: DecisionRecord,
    snapshot: ScreeningSnapshot,
    error: unknown,
  ): Promise<ScreeningOutcome> {
    const { request, requestHash } = original;
    // A concurrent retry of the same attempt already got a fail-safe answer: give the same one.
    const earlier = this.options.spool?.get(request.idempotencyKey);
    if (earlier) return replayOf(earlier, requestHash);
    this.options.onDegraded('store_unavailable', error);
    const decision: Decision = {
      id: newDecisionId(),
      idempotencyKey: request.idempotencyKey,
      createdAt: original.decision.createdAt,
      ...degradedVerdict(
        request,
        snapshot,
        'The decision could not be recorded; showing the generic warning',
        this.findings(request),
      ),
    };
    await this.options.spool
      ?.append({ decision, request, requestHash, supersedes: original.decision.id })
      .catch((spoolError: unknown) => this.options.onDegraded('spool_failed', spoolError));
    return { response: { ...decision, eventToken: null }, replayed: false };
  }

  /** The in-memory intelligence needs no store, so its holds and warnings survive an outage. */
  private findings(request: ScreeningRequest): RiskFinding[] {
    try {
      return this.riskChecks.flatMap((check) => check(request));
    } catch {
      return [];
    }
  }
}

function replayOf(spooled: SpooledDecision, requestHash: string): ScreeningOutcome {
  if (spooled.requestHash !== requestHash) {
    throw RequestProblem.conflict(
      'body/idempotencyKey',
      'was already used for a different withdrawal; use a new key for a new attempt',
    );
  }
  // Not in the store yet, so no event token: events for it could not be accepted.
  return { response: { ...spooled.decision, eventToken: null }, replayed: true };
}

const newDecisionId = () => `dec_${randomUUID().replaceAll('-', '')}`;

/**
 * Same withdrawal, same fingerprint: key order in the JSON body does not matter. safe-stable-stringify
 * writes the same canonical JSON the hand-written version did (sorted keys, undefined left out), at
 * about half its cost on the hot path.
 */
export function fingerprint(request: ScreeningRequest): string {
  return createHash('sha256')
    .update(stableStringify(request) ?? '')
    .digest('base64url');
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
