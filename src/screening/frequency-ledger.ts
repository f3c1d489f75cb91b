import { LRUCache } from 'lru-cache';

/**
 * This replica's bounded cache of recent frequency-cap marks per user × campaign. The truth is in
 * the store (frequency_marks), claimed in the transaction that records each decision, so the cap is
 * exact across replicas; the cache only answers "already capped" without I/O for users seen lately.
 * It may miss (evicted, or seen by another replica): then the store's claim decides. It never holds
 * more than `capacity` users, whatever the size of the user base.
 */
export class FrequencyLedger {
  private readonly seen: LRUCache<string, number[]>;

  constructor(
    readonly capacity: number = 200_000,
    private readonly maxWindowMs: number = 365 * 24 * 3600 * 1000,
  ) {
    this.seen = new LRUCache({ max: capacity });
  }

  count(userRef: string, campaignId: string, sinceMs: number): number {
    const times = this.seen.get(key(userRef, campaignId));
    if (!times) return 0;
    let count = 0;
    for (const time of times) if (time >= sinceMs) count += 1;
    return count;
  }

  /** A slot this replica is about to claim (the store may still refuse it; learn() corrects). */
  record(userRef: string, campaignId: string, atMs: number): void {
    const k = key(userRef, campaignId);
    const times = this.seen.get(k);
    if (!times) {
      this.seen.set(k, [atMs]);
      return;
    }
    times.push(atMs);
    // Forget what no window can reach, so a busy user does not grow the list without bound.
    if (times.length > 64)
      this.seen.set(k, times.filter((time) => time >= atMs - this.maxWindowMs).slice(-64));
  }

  /** What the store holds after a claim: replaces the guess. */
  learn(userRef: string, campaignId: string, marksMs: readonly number[]): void {
    this.seen.set(key(userRef, campaignId), marksMs.slice(-64));
  }

  get size(): number {
    return this.seen.size;
  }
}

function key(userRef: string, campaignId: string): string {
  return `${campaignId}\u0000${userRef}`;
}
