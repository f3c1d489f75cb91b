import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { DecisionRecord } from './decision-recorder.js';

/** A fail-safe answer given while the store could not confirm, waiting to be written to it. */
export interface SpooledDecision extends DecisionRecord {
  /** The decision computed first and answered instead of (its commit may still land late). */
  supersedes: string;
}

const FILE = 'degraded-decisions.jsonl';
const LOCK = 'spool.lock';

/**
 * A local append-only file (one JSON line per answer, fsync before the answer leaves) holding the
 * degraded decisions the store has not confirmed yet. It survives a crash; the lines are written to
 * the store when it returns (idempotently, by decision id) and then dropped from the file.
 * One instance owns a spool directory at a time (a pid lock), so two replicas never drain one file.
 */
export class DegradedSpool {
  private readonly byKey = new Map<string, SpooledDecision>();
  private chain: Promise<unknown> = Promise.resolve();
  private waiting: { line: string; done: () => void; fail: (error: unknown) => void }[] = [];
  private closed = false;

  private constructor(
    private readonly dir: string,
    private handle: FileHandle,
  ) {}

  static async open(dir: string): Promise<DegradedSpool> {
    mkdirSync(dir, { recursive: true });
    claimLock(dir);
    const entries = readEntries(join(dir, FILE));
    const spool = new DegradedSpool(dir, await open(join(dir, FILE), 'a'));
    for (const entry of entries) spool.byKey.set(entry.decision.idempotencyKey, entry);
    return spool;
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The answer spooled for this idempotency key, so a retry gets what the user was first given. */
  get(idempotencyKey: string): SpooledDecision | undefined {
    return this.byKey.get(idempotencyKey);
  }

  pending(limit: number): SpooledDecision[] {
    return [...this.byKey.values()].slice(0, limit);
  }

  /** Durable when it resolves: appends arriving together share one write and one fsync. */
  append(entry: SpooledDecision): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the degraded-decision spool is closed'));
    this.byKey.set(entry.decision.idempotencyKey, entry);
    return new Promise<void>((done, fail) => {
      this.waiting.push({ line: `${JSON.stringify(entry)}\n`, done, fail });
      if (this.waiting.length === 1) this.serialize(() => this.flush());
    });
  }

  /** Drops entries the store now holds, rewriting the file with what remains (atomically). */
  async remove(entries: readonly SpooledDecision[]): Promise<void> {
    for (const entry of entries) {
      if (this.byKey.get(entry.decision.idempotencyKey) === entry)
        this.byKey.delete(entry.decision.idempotencyKey);
    }
    await this.serialize(async () => {
      const path = join(this.dir, FILE);
      const next = await open(`${path}.next`, 'w');
      const body = [...this.byKey.values()].map((entry) => `${JSON.stringify(entry)}\n`).join('');
      await next.writeFile(body);
      await next.datasync();
      await next.close();
      await this.handle.close();
      await rename(`${path}.next`, path);
      this.handle = await open(path, 'a');
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.chain.catch(() => undefined);
    await this.handle.close().catch(() => undefined);
    rmSync(join(this.dir, LOCK), { force: true });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    try {
      await this.handle.write(batch.map((w) => w.line).join(''));
      await this.handle.datasync();
      for (const w of batch) w.done();
    } catch (error) {
      for (const w of batch) w.fail(error);
    }
  }

  /** File operations one at a time: a rewrite never races an append. */
  private serialize<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.chain.then(operation);
    this.chain = result.catch(() => undefined);
    return result;
  }
}

/** Reads the spool; a torn last line (the process died mid-write, never acknowledged) is skipped. */
function readEntries(path: string): SpooledDecision[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const entries: SpooledDecision[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      entries.push(JSON.parse(line) as SpooledDecision);
    } catch {
      // Only the last line can be torn: appends are whole lines and fsynced before answering.
    }
  }
  return entries;
}

function claimLock(dir: string): void {
  const path = join(dir, LOCK);
  try {
    const holder = Number(readFileSync(path, 'utf8'));
    if (holder !== process.pid && Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
      throw new Error(
        `the degraded-decision spool in ${dir} belongs to the running process ${holder}; ` +
          'give each caveat instance its own DATA_DIR (or SPOOL_DIR)',
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileSync(path, String(process.pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
