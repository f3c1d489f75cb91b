/**
 * Upper bounds (seconds) of the time-to-decide buckets; must match caveat_decide_bucket() in
 * migration 003. Bucket i holds times in [bound[i-1], bound[i]); the last is open-ended.
 */
export const DECIDE_BUCKET_BOUNDS = [1, 2, 3, 5, 8, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 1800];

/**
 * A quantile read from the histogram: the upper bound of the bucket that holds it, so a reported
 * median of 30 s means "at most 30 s". null without data; Infinity past the last bound.
 */
export function bucketQuantile(buckets: ReadonlyMap<number, number>, q: number): number | null {
  const total = [...buckets.values()].reduce((sum, n) => sum + n, 0);
  if (total <= 0) return null;
  const target = q * total;
  let seen = 0;
  for (const bucket of [...buckets.keys()].sort((a, b) => a - b)) {
    seen += buckets.get(bucket) ?? 0;
    if (seen >= target) return DECIDE_BUCKET_BOUNDS[bucket] ?? Number.POSITIVE_INFINITY;
  }
  return Number.POSITIVE_INFINITY;
}
