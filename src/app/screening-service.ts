import { createHash, randomUUID } from 'node:crypto';
import { RequestProblem } from '../errors.js';
import type { Decision, DecisionResponse } from '../screening/decision.js';
import { decide, degradedVerdict } from '../screening/engine.js';
import type { FrequencyLedger } from '../screening/frequency-ledger.js';
import type { ScreeningRequest } from '../screening/request.js';
import type { RiskCheck } from '../screening/risk-check.js';
import type { DecisionRecorder } from '../store/decision-recorder.js';
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
    const base = {
      id: `dec_${randomUUID().replaceAll('-', '')}`,
      idempotencyKey: request.idempotencyKey,
      createdAt: now.toISOString(),
    };
    let decision: Decision;
    try {
      decision = {
        ...base,
        ...decide(request, {
          snapshot,
          ledger: this.ledger,
          riskChecks: this.riskChecks,
          nowMs: now.getTime(),
        }),
      };
    } catch (error) {
      this.options.onDegraded('engine_failed', error);
      decision = {
        ...base,
        ...degradedVerdict(request, snapshot, 'The screening engine failed; showing the generic warning'),
      };
    }
    try {
      const result = await withTimeout(
        this.recorder.record({ decision, request, requestHash: fingerprint(request) }),
        this.options.recordTimeoutMs,
      );
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
      // Fail safe, never a silent allow: the store could not confirm the decision in time.
      this.options.onDegraded('store_unavailable', error);
      const fallback = degradedVerdict(
        request,
        snapshot,
        'The decision could not be recorded; showing the generic warning',
      );
      return { response: { ...base, ...fallback, eventToken: null }, replayed: false };
    }
  }
}

/** Same withdrawal, same fingerprint: key order in the JSON body does not matter. */
export function fingerprint(request: ScreeningRequest): string {
  return createHash('sha256').update(stableStringify(request)).digest('base64url');
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
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
