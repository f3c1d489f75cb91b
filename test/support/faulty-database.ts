import type { Database } from '../../src/store/database.js';

/**
 * A real store with a switch in front of it, for the faults an in-process store can have: every
 * transaction held open before it commits (a stall between the last statement and COMMIT) and every
 * writing statement outside a transaction held before it runs (it commits late, the same fault), or
 * every statement failing as if the connection were gone.
 */
export interface FaultyDatabase extends Database {
  /** Hold transactions and writing statements until release() (they commit afterwards). */
  holdCommits(): void;
  release(): void;
  /** Fail every statement and transaction until heal(). */
  fail(): void;
  heal(): void;
}

const WRITES = /^\s*(WITH|INSERT|UPDATE|DELETE)\b/i;

export function faulty(db: Database): FaultyDatabase {
  let gate: Promise<void> | undefined;
  let open: (() => void) | undefined;
  let failing = false;
  const refuse = () =>
    Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
  return {
    ...db,
    async query(text, params) {
      if (failing) return refuse();
      const held = gate;
      if (held && WRITES.test(text)) await held;
      return db.query(text, params);
    },
    exec: (text) => (failing ? refuse() : db.exec(text)),
    transaction(fn) {
      if (failing) return refuse();
      const held = gate;
      return db.transaction(async (tx) => {
        const result = await fn(tx);
        if (held) await held;
        return result;
      });
    },
    holdCommits() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      open?.();
      gate = undefined;
    },
    fail() {
      failing = true;
    },
    heal() {
      failing = false;
    },
  };
}
