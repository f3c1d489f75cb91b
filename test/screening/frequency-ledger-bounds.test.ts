import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FrequencyLedger } from '../../src/screening/frequency-ledger.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

describe('the frequency cache of one replica', () => {
  it('stays within its bound with a million users through the cap', () => {
    const capacity = 50_000;
    const ledger = new FrequencyLedger(capacity);
    const before = heapAfterGc();
    const now = Date.now();
    for (let i = 0; i < 1_000_000; i += 1) {
      const user = `user-${i.toString(36)}-a-long-pseudonymous-reference`;
      if (ledger.count(user, 'hk-pilot', now - 86_400_000) < 3) ledger.record(user, 'hk-pilot', now + i);
    }
    const grown = heapAfterGc() - before;
    const perEntry = grown / ledger.size;
    process.stdout.write(
      `frequency cache: ${ledger.size} entries, ${(grown / 1e6).toFixed(1)} MB, ${perEntry.toFixed(0)} B/entry\n`,
    );
    expect(ledger.size).toBe(capacity);
    // The bound stated in ARCHITECTURE.md: under 400 bytes per cached user × campaign.
    expect(grown).toBeLessThan(capacity * 400);
    // The most recent users are the ones kept.
    expect(ledger.count(`user-${(999_999).toString(36)}-a-long-pseudonymous-reference`, 'hk-pilot', 0)).toBe(
      1,
    );
    expect(ledger.count(`user-${(0).toString(36)}-a-long-pseudonymous-reference`, 'hk-pilot', 0)).toBe(0);
  });

  it('takes what the store says over its own guess', () => {
    const ledger = new FrequencyLedger(1000);
    ledger.record('u', 'c', 1000);
    ledger.learn('u', 'c', [10, 20, 30]);
    expect(ledger.count('u', 'c', 0)).toBe(3);
    expect(ledger.count('u', 'c', 15)).toBe(2);
  });
});
