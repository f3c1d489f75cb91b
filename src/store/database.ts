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

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn inside one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Subscribes to NOTIFY on a channel; resolves to an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}
