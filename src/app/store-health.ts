import type { Database } from '../store/database.js';

export type StoreState = 'ok' | 'degraded' | 'down';

export interface StoreHealthOptions {
  /** How often the store is pinged. */
  intervalMs: number;
  /** A ping slower than this counts as down. */
  timeoutMs: number;
  /** A ping slower than this (but within the timeout) counts as degraded. */
  slowMs: number;
}

export const DEFAULT_STORE_HEALTH: StoreHealthOptions = { intervalMs: 1000, timeoutMs: 1000, slowMs: 250 };

export interface StoreHealthReport {
  state: StoreState;
  /** Latency of the last completed ping, in ms; null until one completed. */
  latencyMs: number | null;
  listener: 'connected' | 'reconnecting';
  reconnects: number;
  checkedAt: string | null;
  since: string;
}

/**
 * Watches the store from the side so nothing on the request path waits to learn its state:
 * /healthz reads the last verdict, screening skips the store while it is down, and the moment it
 * is back every listener is told (drain the spool, reload what may have been missed).
 */
export class StoreHealth {
  private current: StoreState = 'ok';
  private since = new Date();
  private latencyMs: number | null = null;
  private checkedAt: Date | null = null;
  private outstanding: Promise<unknown> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly recoveredHandlers: (() => void)[] = [];
  private readonly checkedHandlers: ((state: StoreState, latencyMs: number | null) => void)[] = [];

  constructor(
    private readonly db: Database,
    private readonly options: StoreHealthOptions = DEFAULT_STORE_HEALTH,
  ) {}

  get state(): StoreState {
    return this.current;
  }

  report(): StoreHealthReport {
    return {
      state: this.current,
      latencyMs: this.latencyMs,
      listener: this.db.listenerState(),
      reconnects: this.db.reconnects(),
      checkedAt: this.checkedAt?.toISOString() ?? null,
      since: this.since.toISOString(),
    };
  }

  /** Called each time the store is usable again after being down or degraded. */
  onRecovered(handler: () => void): void {
    this.recoveredHandlers.push(handler);
  }

  onChecked(handler: (state: StoreState, latencyMs: number | null) => void): void {
    this.checkedHandlers.push(handler);
  }

  start(): void {
    this.timer = setInterval(() => void this.check(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One ping; also called by tests to observe a state without waiting for the interval. */
  async check(): Promise<StoreState> {
    const state = await this.ping();
    this.checkedAt = new Date();
    const previous = this.current;
    if (state !== previous) {
      this.current = state;
      this.since = this.checkedAt;
    }
    for (const handler of this.checkedHandlers) handler(state, this.latencyMs);
    if (state === 'ok' && previous !== 'ok') for (const handler of this.recoveredHandlers) handler();
    return state;
  }

  private async ping(): Promise<StoreState> {
    // A ping still waiting from an earlier round means the store is stalled: do not pile up more.
    if (this.outstanding) return 'down';
    const started = performance.now();
    const ping = this.db.query('SELECT 1');
    this.outstanding = ping;
    void ping.then(
      () => {
        this.latencyMs = performance.now() - started;
        this.outstanding = undefined;
      },
      () => (this.outstanding = undefined),
    );
    let timer: NodeJS.Timeout | undefined;
    const verdict = await Promise.race([
      ping.then(
        () => 'answered' as const,
        () => 'failed' as const,
      ),
      new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), this.options.timeoutMs))),
    ]);
    clearTimeout(timer);
    if (verdict !== 'answered') return 'down';
    const slow = (this.latencyMs ?? 0) > this.options.slowMs;
    return slow || this.db.listenerState() === 'reconnecting' ? 'degraded' : 'ok';
  }
}
