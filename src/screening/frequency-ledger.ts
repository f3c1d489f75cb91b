/**
 * How often each user was eligible for each campaign recently, kept in memory so the cap costs no
 * I/O. Filled from recent decisions at start; on several instances each counts what it saw plus
 * what was recorded before it started (a soft cap, documented in ARCHITECTURE.md).
 */
export class FrequencyLedger {
  private readonly seen = new Map<string, number[]>();

  constructor(private readonly maxWindowMs: number = 365 * 24 * 3600 * 1000) {}

  count(userRef: string, campaignId: string, sinceMs: number): number {
    const times = this.seen.get(key(userRef, campaignId));
    if (!times) return 0;
    let count = 0;
    for (const time of times) if (time >= sinceMs) count += 1;
    return count;
  }

  record(userRef: string, campaignId: string, atMs: number): void {
    const k = key(userRef, campaignId);
    const times = this.seen.get(k);
    if (times) {
      times.push(atMs);
      // Forget what no window can reach, so a busy user does not grow the list without bound.
      if (times.length > 64)
        this.seen.set(k, times.filter((time) => time >= atMs - this.maxWindowMs).slice(-64));
    } else {
      this.seen.set(k, [atMs]);
    }
  }

  get size(): number {
    return this.seen.size;
  }
}

function key(userRef: string, campaignId: string): string {
  return `${campaignId}\u0000${userRef}`;
}
