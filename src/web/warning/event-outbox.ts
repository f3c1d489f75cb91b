import type { ReactionEvent } from './decision.js';

/** An event waiting to be delivered, with where to and under which decision's token. */
export interface QueuedEvent {
  endpoint: string;
  token: string;
  event: ReactionEvent;
  /** Set after a rejected batch: send alone, so one bad event cannot sink the others. */
  alone?: boolean;
}

/** Why some events were dropped for good (a 4xx answer): the host page may want to know. */
export interface DeliveryFailure {
  status: number;
  problem: unknown;
  eventIds: string[];
  decisionIds: string[];
}

export interface OutboxOptions {
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  fetch?: typeof fetch;
  onPermanentFailure?: (failure: DeliveryFailure) => void;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

const QUEUE_KEY = 'caveat-warning:outbox:v1';
const ONCE_KEY = 'caveat-warning:once:v1';
/** The API accepts at most 100 events per request. */
export const MAX_BATCH = 100;
/** Enough to remember recent decisions without growing localStorage without bound. */
const ONCE_MEMORY = 200;

/**
 * Delivers reaction events at least once; the server dedupes by client id, so "at least once" is
 * "exactly once" as measured. The queue is written to localStorage before any network attempt, so a
 * reload or a crash of the tab does not lose what the user did: the next page that loads the element
 * sends it.
 */
export class EventOutbox {
  private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  private readonly send: typeof fetch;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly random: () => number;
  private memoryQueue: QueuedEvent[] = [];
  private inFlight: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private storageBroken = false;
  onPermanentFailure: (failure: DeliveryFailure) => void;

  constructor(options: OutboxOptions = {}) {
    this.storage = options.storage === undefined ? safeLocalStorage() : options.storage;
    this.send = options.fetch ?? ((input, init) => fetch(input, init));
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.random = options.random ?? Math.random;
    this.onPermanentFailure = options.onPermanentFailure ?? (() => undefined);
    this.memoryQueue = this.load();
  }

  /** Queues an event (persisted first) and starts delivery. */
  enqueue(endpoint: string, token: string, event: ReactionEvent): void {
    this.memoryQueue = [...this.load(), { endpoint, token, event }];
    this.save();
    void this.flush();
  }

  /**
   * Queues an event only the first time `onceKey` is seen in this browser, so that a reload of the
   * same decision does not report it as displayed twice.
   */
  enqueueOnce(onceKey: string, endpoint: string, token: string, event: ReactionEvent): boolean {
    const seen = this.readJson<string[]>(ONCE_KEY) ?? [];
    if (seen.includes(onceKey)) return false;
    this.writeJson(ONCE_KEY, [...seen, onceKey].slice(-ONCE_MEMORY));
    this.enqueue(endpoint, token, event);
    return true;
  }

  pending(): QueuedEvent[] {
    return this.load();
  }

  /** Sends everything queued, one batch after another; resolves when the queue is empty or waiting to retry. */
  flush(): Promise<void> {
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    if (!this.inFlight) {
      this.inFlight = this.drain().finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const batch = this.nextBatch();
      if (batch.length === 0) return;
      const outcome = await this.post(batch);
      if (outcome === 'retry') {
        this.scheduleRetry();
        return;
      }
      this.failures = 0;
    }
  }

  /** Events that share an endpoint and token go together, up to MAX_BATCH; an isolated one goes alone. */
  private nextBatch(): QueuedEvent[] {
    const queue = this.load();
    const first = queue[0];
    if (!first) return [];
    if (first.alone) return [first];
    return queue
      .filter((item) => !item.alone && item.endpoint === first.endpoint && item.token === first.token)
      .slice(0, MAX_BATCH);
  }

  private async post(batch: QueuedEvent[]): Promise<'done' | 'retry'> {
    const head = batch[0];
    if (!head) return 'done';
    let response: Response;
    try {
      response = await this.send(`${head.endpoint}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${head.token}` },
        body: JSON.stringify({ events: batch.map((item) => item.event) }),
        // Lets the request outlive the page when the host navigates right after "continue".
        keepalive: true,
      });
    } catch {
      return 'retry';
    }
    if (response.ok) {
      this.remove(batch);
      return 'done';
    }
    if (isTransient(response.status)) return 'retry';
    if (batch.length > 1) {
      // The API takes a batch all or nothing: find the culprit by sending each event alone.
      this.isolate(batch);
      return 'done';
    }
    this.remove(batch);
    this.onPermanentFailure({
      status: response.status,
      problem: await response.json().catch(() => null),
      eventIds: batch.map((item) => item.event.id),
      decisionIds: [...new Set(batch.map((item) => item.event.decisionId))],
    });
    return 'done';
  }

  private scheduleRetry(): void {
    const exponential = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** this.failures);
    this.failures += 1;
    // Jitter keeps many clients that lost the network together from returning together.
    const delay = exponential * (0.5 + this.random() / 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
  }

  private remove(batch: QueuedEvent[]): void {
    const ids = new Set(batch.map((item) => item.event.id));
    this.memoryQueue = this.load().filter((item) => !ids.has(item.event.id));
    this.save();
  }

  private isolate(batch: QueuedEvent[]): void {
    const ids = new Set(batch.map((item) => item.event.id));
    this.memoryQueue = this.load().map((item) => (ids.has(item.event.id) ? { ...item, alone: true } : item));
    this.save();
  }

  /** Storage is the source of truth when there is one, so another tab's additions are not overwritten. */
  private load(): QueuedEvent[] {
    if (!this.storage || this.storageBroken) return this.memoryQueue;
    return this.readJson<QueuedEvent[]>(QUEUE_KEY) ?? this.memoryQueue;
  }

  private save(): void {
    this.writeJson(QUEUE_KEY, this.memoryQueue);
  }

  private readJson<T>(key: string): T | null {
    try {
      const raw = this.storage?.getItem(key);
      return raw ? (JSON.parse(raw) as T) : null;
    } catch {
      return null;
    }
  }

  private writeJson(key: string, value: unknown): void {
    try {
      this.storage?.setItem(key, JSON.stringify(value));
    } catch {
      // Quota or privacy mode: keep going in memory; delivery still works while the page lives.
      this.storageBroken = true;
    }
  }
}

/** 5xx, timeouts and rate limiting pass; other 4xx will fail the same way every time. */
function isTransient(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

let shared: EventOutbox | null = null;
const failureClaimants = new Set<(failure: DeliveryFailure) => boolean>();

/**
 * One outbox per page, so that several elements (or a reload's leftovers) never race each other
 * over the same stored queue. Reconnecting sends at once instead of waiting out the backoff.
 */
export function sharedOutbox(): EventOutbox {
  if (!shared) {
    const outbox = new EventOutbox({
      onPermanentFailure: (failure) => {
        const claimed = [...failureClaimants].some((claim) => claim(failure));
        // Leftovers from an earlier page have no element to report them: tell the window.
        if (!claimed)
          dispatchEvent(new CustomEvent('caveat-error', { detail: { kind: 'events_rejected', ...failure } }));
      },
    });
    shared = outbox;
    addEventListener('online', () => void outbox.flush());
  }
  return shared;
}

/** An element reports the failures of its own decision's events; returns the unsubscribe. */
export function claimDeliveryFailures(claim: (failure: DeliveryFailure) => boolean): () => void {
  failureClaimants.add(claim);
  return () => failureClaimants.delete(claim);
}
