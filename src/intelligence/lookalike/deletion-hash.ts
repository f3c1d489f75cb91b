const BASE = 0x01000193;
/** Reused buffers (labels are at most 63 characters): no allocation per hostname part. */
let suffix = new Int32Array(64);
let powers = new Int32Array(64);

/** A 32-bit polynomial hash of `text`, the key of the typo index. */
export function polyHash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i += 1) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
  return h >>> 0;
}

/**
 * Calls `visit` with the hash of `text` and of `text` with each one character deleted, without
 * building those strings: the typo look-up runs on every part of every hostname checked, and
 * allocating n strings per part made garbage collection the largest cost of a check.
 */
export function forEachDeletionHash(text: string, visit: (hash: number) => void): void {
  const n = text.length;
  if (suffix.length <= n) {
    suffix = new Int32Array(2 * (n + 1));
    powers = new Int32Array(2 * (n + 1));
  }
  suffix[n] = 0;
  let power = 1;
  for (let i = n - 1; i >= 0; i -= 1) {
    powers[n - 1 - i] = power;
    suffix[i] = Math.imul(text.charCodeAt(i), power) + (suffix[i + 1] as number);
    power = Math.imul(power, BASE);
  }
  powers[n] = power;
  visit((suffix[0] as number) >>> 0);
  let prefix = 0;
  for (let i = 0; i < n; i += 1) {
    // Deleting any letter of a run gives the same string: visit the first of the run only.
    if (i === 0 || text.charCodeAt(i) !== text.charCodeAt(i - 1))
      visit((Math.imul(prefix, powers[n - 1 - i] as number) + (suffix[i + 1] as number)) >>> 0);
    prefix = (Math.imul(prefix, BASE) + text.charCodeAt(i)) | 0;
  }
}
