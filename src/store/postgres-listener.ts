import pg from 'pg';
import type { ListenerState, ListenOptions } from './database.js';

interface Subscription {
  onPayload: (payload: string) => void;
  onResync: (() => void) | undefined;
}

const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5000;

/**
 * The one dedicated connection every LISTEN shares (a connection per channel would take pool
 * slots that queries need). When it is lost — the server restarted, the backend was terminated,
 * the network dropped — it reconnects with exponential backoff and jitter, LISTENs again, and tells
 * every subscriber to resync, because notifications sent while it was away are gone for good.
 */
export class NotificationListener {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private readonly channels = new Map<string, Set<Subscription>>();
  private retryTimer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private closed = false;
  state: ListenerState = 'connected';
  reconnects = 0;

  constructor(private readonly config: pg.ClientConfig) {}

  async listen(
    channel: string,
    onPayload: (payload: string) => void,
    options: ListenOptions = {},
  ): Promise<() => Promise<void>> {
    const client = await this.connected();
    const subscription: Subscription = { onPayload, onResync: options.onResync };
    const set = this.channels.get(channel) ?? new Set<Subscription>();
    if (set.size === 0) await client.query(`LISTEN ${quote(channel)}`);
    set.add(subscription);
    this.channels.set(channel, set);
    return async () => {
      set.delete(subscription);
      if (set.size === 0 && this.state === 'connected')
        await this.client?.query(`UNLISTEN ${quote(channel)}`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** The current connection, or the first one (whose failure is the caller's start-up error). */
  private connected(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client(this.config);
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    // Registered before connect: an error event without a listener would end the process.
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (message) => {
      for (const subscription of this.channels.get(message.channel) ?? [])
        subscription.onPayload(message.payload ?? '');
    });
    try {
      await client.connect();
    } catch (error) {
      lost = true;
      client.removeAllListeners();
      client.on('error', () => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    this.state = 'reconnecting';
    const ceiling = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** this.attempt);
    this.attempt += 1;
    // Full jitter: every replica losing the same server does not knock on it in step.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.reconnect();
    }, delay);
    this.retryTimer.unref();
  }

  private async reconnect(): Promise<void> {
    if (this.closed) return;
    try {
      const client = await this.connected();
      for (const [channel, set] of this.channels)
        if (set.size > 0) await client.query(`LISTEN ${quote(channel)}`);
      if (this.client !== client) return; // lost again while re-listening; a retry is scheduled
      this.state = 'connected';
      this.attempt = 0;
      this.reconnects += 1;
      for (const set of this.channels.values()) for (const subscription of set) subscription.onResync?.();
    } catch {
      this.client?.end().catch(() => undefined);
      this.client = undefined;
      this.scheduleReconnect();
    }
  }
}

const quote = (channel: string) => `"${channel.replaceAll('"', '')}"`;
