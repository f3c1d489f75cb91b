/**
 * One small interface over the two stores caveat runs on: embedded PGlite (default) and a
 * PostgreSQL server (when DATABASE_URL is set). Both speak the same SQL, so repositories are
 * written once against this interface.
 */
export type SqlValue = string | number | boolean | null | Date | readonly unknown[] | Uint8Array;

export interface Queryable {
  query<Row extends object>(text: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs parameterless, possibly multi-statement SQL (migrations). */
  exec(text: string): Promise<void>;
}

/** Whether notifications are being received; `reconnecting` means some may be missed right now. */
export type ListenerState = 'connected' | 'reconnecting';

export interface ListenOptions {
  /**
   * Called after the listening connection came back from a loss: notifications sent meanwhile
   * were missed, so whoever listens must re-read what it keeps from the store.
   */
  onResync?: () => void;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn inside one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Subscribes to NOTIFY on a channel; resolves to an unsubscribe function. */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    options?: ListenOptions,
  ): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  /** The state of the connection that receives notifications (always connected in process). */
  listenerState(): ListenerState;
  /** How many times a lost listening connection was re-established. */
  reconnects(): number;
  close(): Promise<void>;
}
