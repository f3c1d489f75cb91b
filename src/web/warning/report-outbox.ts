/** What the element sends to POST /v1/scam-reports: the server adds the destination from the decision. */
export interface ReportBody {
  /** A client id: a retry after a lost answer is the same report, not a second one. */
  idempotencyKey: string;
  category: string;
  description: string;
  locale?: string;
}

export interface QueuedReport {
  endpoint: string;
  token: string;
  decisionId: string;
  body: ReportBody;
}

export type ReportResult =
  { kind: 'sent'; reference: string | null } | { kind: 'waiting' } | { kind: 'rejected'; status: number };

export interface ReportOutboxOptions {
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  fetch?: typeof fetch;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

const QUEUE_KEY = 'caveat-warning:reports:v1';

/**
 * Delivers scam reports from the warning like the event outbox delivers reactions: stored in
 * localStorage before the first attempt, retried with jittered backoff on network errors, 5xx, 408
 * and 429, dropped only when the API refuses it for good. One report at a time: there are few.
 */
export class ReportOutbox {
  private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  private readonly send: typeof fetch;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private memory: QueuedReport[] = [];
  private readonly listeners = new Map<string, (result: ReportResult) => void>();
  private inFlight: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;

  constructor(options: ReportOutboxOptions = {}) {
    this.storage = options.storage === undefined ? safeLocalStorage() : options.storage;
    this.send = options.fetch ?? ((input, init) => fetch(input, init));
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.memory = this.load();
  }

  /** Queues a report (persisted first) and sends it; `onResult` hears how it went while the page lives. */
  submit(report: QueuedReport, onResult?: (result: ReportResult) => void): void {
    if (onResult) this.listeners.set(report.body.idempotencyKey, onResult);
    this.memory = [...this.load(), report];
    this.save();
    void this.flush();
  }

  pending(): QueuedReport[] {
    return this.load();
  }

  flush(): Promise<void> {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.inFlight ??= this.drain().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async drain(): Promise<void> {
    for (let next = this.load()[0]; next; next = this.load()[0]) {
      const result = await this.post(next);
      this.listeners.get(next.body.idempotencyKey)?.(result);
      if (result.kind === 'waiting') {
        const delay = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** this.failures);
        this.failures += 1;
        // Jitter keeps many phones that lost the network together from coming back together.
        this.retryTimer = setTimeout(() => void this.flush(), delay * (0.5 + Math.random() / 2));
        return;
      }
      this.failures = 0;
      this.listeners.delete(next.body.idempotencyKey);
      this.memory = this.load().filter((r) => r.body.idempotencyKey !== next?.body.idempotencyKey);
      this.save();
    }
  }

  private async post(report: QueuedReport): Promise<ReportResult> {
    let response: Response;
    try {
      response = await this.send(`${report.endpoint}/v1/scam-reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${report.token}` },
        body: JSON.stringify(report.body),
        keepalive: true,
      });
    } catch {
      return { kind: 'waiting' };
    }
    if (response.ok) {
      const answer = (await response.json().catch(() => null)) as { reference?: unknown } | null;
      return { kind: 'sent', reference: typeof answer?.reference === 'string' ? answer.reference : null };
    }
    if (response.status >= 500 || response.status === 408 || response.status === 429)
      return { kind: 'waiting' };
    return { kind: 'rejected', status: response.status };
  }

  private load(): QueuedReport[] {
    try {
      const raw = this.storage?.getItem(QUEUE_KEY);
      return raw ? (JSON.parse(raw) as QueuedReport[]) : this.memory;
    } catch {
      return this.memory;
    }
  }

  private save(): void {
    try {
      this.storage?.setItem(QUEUE_KEY, JSON.stringify(this.memory));
    } catch {
      // Quota or privacy mode: the report still goes while the page lives.
    }
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

let shared: ReportOutbox | null = null;

/** One report outbox per page; reconnecting sends at once instead of waiting out the backoff. */
export function sharedReportOutbox(): ReportOutbox {
  if (!shared) {
    const outbox = new ReportOutbox();
    shared = outbox;
    addEventListener('online', () => void outbox.flush());
  }
  return shared;
}
