import type { DifferenceEstimate } from './proportions.js';

/**
 * Always-valid interval for a difference of two proportions: the normal-mixture sequential
 * probability ratio test inverted into a confidence sequence (Robbins 1970; Johari, Koomen, Pekelis
 * & Walsh 2017, "Peeking at A/B tests", eq. for the mSPRT with a N(0, τ²) mixture). It holds at every
 * look simultaneously with probability 1 − α, so a pilot can be watched daily without inflating
 * false positives; the price is a wider interval than the fixed-horizon one.
 *
 * `tau` is the scale of effects the pilot cares about (default 0.05: five percentage points).
 */
export function alwaysValidDifference(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  alpha = 0.05,
  tau = 0.05,
): DifferenceEstimate {
  if (n1 <= 0 || n2 <= 0) return { difference: null, low: null, high: null };
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  // Plug-in variance, floored so a 0% or 100% arm does not claim perfect certainty.
  const floor = (n: number) => 1 / (4 * n * n);
  const variance = Math.max((p1 * (1 - p1)) / n1, floor(n1)) + Math.max((p2 * (1 - p2)) / n2, floor(n2));
  const tau2 = tau * tau;
  const halfWidth = Math.sqrt(
    ((variance * (variance + tau2)) / tau2) * (Math.log((variance + tau2) / variance) - 2 * Math.log(alpha)),
  );
  const d = p1 - p2;
  return { difference: d, low: d - halfWidth, high: d + halfWidth };
}
