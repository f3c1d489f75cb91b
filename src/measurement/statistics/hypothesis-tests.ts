import { chiSquareSurvival, twoSidedP } from './distributions.js';

export interface TestResult {
  statistic: number | null;
  p: number | null;
}

/** Pooled two-proportion z test (equivalent to the uncorrected 2×2 χ² test). */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): TestResult {
  if (n1 <= 0 || n2 <= 0) return { statistic: null, p: null };
  const pooled = (x1 + x2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  // Both arms at 0% or both at 100%: no evidence of a difference, and no variance to divide by.
  if (variance === 0) return { statistic: 0, p: 1 };
  const z = (x1 / n1 - x2 / n2) / Math.sqrt(variance);
  return { statistic: z, p: twoSidedP(z) };
}

export interface SampleRatioCheck {
  observed: Record<string, number>;
  expectedShare: Record<string, number>;
  chiSquare: number | null;
  p: number | null;
  /** True when p is below the threshold: the split that happened is not the split configured. */
  mismatch: boolean;
  threshold: number;
}

/**
 * Sample-ratio-mismatch check: χ² goodness of fit of the observed arm counts against the
 * configured shares. A tiny p (default threshold 0.001, as is usual for SRM alarms, which run often)
 * means assignment or data collection is broken and the comparison cannot be trusted.
 */
export function sampleRatioCheck(
  observed: Record<string, number>,
  expectedShare: Record<string, number>,
  threshold = 0.001,
): SampleRatioCheck {
  const keys = Object.keys(expectedShare).filter((key) => (expectedShare[key] ?? 0) > 0);
  const total = keys.reduce((sum, key) => sum + (observed[key] ?? 0), 0);
  const shareTotal = keys.reduce((sum, key) => sum + (expectedShare[key] ?? 0), 0);
  if (keys.length < 2 || total === 0)
    return { observed, expectedShare, chiSquare: null, p: null, mismatch: false, threshold };
  let chiSquare = 0;
  for (const key of keys) {
    const expected = (total * (expectedShare[key] ?? 0)) / shareTotal;
    chiSquare += ((observed[key] ?? 0) - expected) ** 2 / expected;
  }
  const p = chiSquareSurvival(chiSquare, keys.length - 1);
  return { observed, expectedShare, chiSquare, p, mismatch: p < threshold, threshold };
}
