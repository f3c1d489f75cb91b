import type { DecisionRecorder } from '../store/decision-recorder.js';
import type { DegradedSpool } from '../store/degraded-spool.js';

const BATCH = 500;

/**
 * Writes the spooled fail-safe answers to the store once it is back, oldest first, in batches;
 * each batch leaves the spool file only after its transaction committed, so a crash in between
 * writes it again (idempotent by decision id) rather than losing it.
 */
export class DegradedRecovery {
  private draining: Promise<number> | undefined;

  constructor(
    private readonly spool: DegradedSpool,
    private readonly recorder: DecisionRecorder,
    private readonly onRecorded: (count: number) => void,
  ) {}

  /** Drains what is spooled; concurrent calls share one pass. Resolves to how many were written. */
  drain(): Promise<number> {
    this.draining ??= this.pass().finally(() => (this.draining = undefined));
    return this.draining;
  }

  private async pass(): Promise<number> {
    let written = 0;
    for (;;) {
      const batch = this.spool.pending(BATCH);
      if (batch.length === 0) return written;
      await this.recorder.recordDegraded(batch);
      await this.spool.remove(batch);
      written += batch.length;
      this.onRecorded(batch.length);
    }
  }
}
