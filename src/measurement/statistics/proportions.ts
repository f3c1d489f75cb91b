import { normalQuantile } from './distributions.js';

/** A rate with its interval; `rate` is null when there is nothing to divide by (n = 0). */
export interface RateEstimate {
  x: number;
  n: number;
  rate: number | null;
  low: number | null;
  high: number | null;
}

export const zFor = (confidence: number) => normalQuantile(1 - (1 - confidence) / 2);

/**
 * Wilson score interval (Wilson 1927; Newcombe 1998, method 3): stays inside [0, 1] and behaves at
 * 0% and 100%, where the textbook Wald interval collapses to a point.
 */
export function wilson(x: number, n: number, confidence = 0.95): RateEstimate {
  if (n <= 0) return { x, n: 0, rate: null, low: null, high: null };
  if (x < 0 || x > n) throw new RangeError(`wilson needs 0 <= x <= n, got ${x}/${n}`);
  const z = zFor(confidence);
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return {
    x,
    n,
    rate: p,
    low: x === 0 ? 0 : (centre - spread) / denominator,
    high: x === n ? 1 : (centre + spread) / denominator,
  };
}

export interface DifferenceEstimate {
  /** p1 − p2 */
  difference: number | null;
  low: number | null;
  high: number | null;
}

/**
 * Interval for a difference of independent proportions by Newcombe's hybrid score method
 * (Newcombe 1998, "Interval estimation for the difference between independent proportions",
 * method 10), built from the two Wilson intervals.
 */
export function newcombeDifference(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  confidence = 0.95,
): DifferenceEstimate {
  const a = wilson(x1, n1, confidence);
  const b = wilson(x2, n2, confidence);
  if (
    a.rate === null ||
    b.rate === null ||
    a.low === null ||
    a.high === null ||
    b.low === null ||
    b.high === null
  )
    return { difference: null, low: null, high: null };
  const d = a.rate - b.rate;
  return {
    difference: d,
    low: d - Math.sqrt((a.rate - a.low) ** 2 + (b.high - b.rate) ** 2),
    high: d + Math.sqrt((a.high - a.rate) ** 2 + (b.rate - b.low) ** 2),
  };
}

/**
 * Relative difference p1/p2 − 1 with the Katz log interval for the risk ratio; with a zero count
 * the log interval is undefined, so 0.5 is added to each cell (Haldane–Anscombe), and with no
 * baseline at all there is no relative difference to report.
 *
 * The corrected interval is centred on the corrected ratio, but the point reported is the observed
 * one. With x1 = 0 that point is a ratio of 0 (−100%), below any corrected lower bound: no event in
 * the first arm cannot rule out a ratio of 0, so the lower bound is 0 there (as the exact and score
 * intervals for a zero count reach 0). Every other 0-or-n case keeps the point inside (checked
 * exhaustively for n ≤ 60 and by property test).
 */
export function relativeDifference(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  confidence = 0.95,
): DifferenceEstimate {
  if (n1 <= 0 || n2 <= 0 || x2 === 0) return { difference: null, low: null, high: null };
  const corrected = x1 === 0 || x1 === n1 || x2 === n2;
  const [a, b, c, d] = corrected ? [x1 + 0.5, n1 + 1, x2 + 0.5, n2 + 1] : [x1, n1, x2, n2];
  const ratio = a / b / (c / d);
  const se = Math.sqrt(1 / a - 1 / b + 1 / c - 1 / d);
  const z = zFor(confidence);
  return {
    difference: x1 / n1 / (x2 / n2) - 1,
    low: x1 === 0 ? -1 : ratio * Math.exp(-z * se) - 1,
    high: ratio * Math.exp(z * se) - 1,
  };
}
