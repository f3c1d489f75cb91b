import { gammaln } from 'simple-statistics';
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
  /** null when the exact test was used (or there was nothing to test). */
  chiSquare: number | null;
  p: number | null;
  /** True when p is below the threshold: the split that happened is not the split configured. */
  mismatch: boolean;
  threshold: number;
  /** 'chi-square' when every (pooled) cell expects at least 5, else 'exact binomial'; null untested. */
  method: 'chi-square' | 'exact binomial' | null;
  /** Arms tested together as one cell because one of them expected fewer than 5. */
  pooled: string[][];
}

/** Cochran's rule for the χ² approximation: every cell should expect at least 5. */
const MIN_EXPECTED = 5;

/**
 * Sample-ratio-mismatch check: goodness of fit of the observed arm counts against the configured
 * shares. A tiny p (default threshold 0.001, as is usual for SRM alarms, which run often) means
 * assignment or data collection is broken and the comparison cannot be trusted.
 *
 * χ² is only trustworthy when every cell expects at least 5 (Cochran 1954): a variant with a
 * handful of users, expecting 0.3, would alone contribute (3 − 0.3)²/0.3 = 24 for three users. So
 * the smallest cells are pooled with the next smallest until every cell expects 5 or only two cells
 * remain; two cells that still cannot both expect 5 get the exact binomial test instead.
 */
export function sampleRatioCheck(
  observed: Record<string, number>,
  expectedShare: Record<string, number>,
  threshold = 0.001,
): SampleRatioCheck {
  const keys = Object.keys(expectedShare).filter((key) => (expectedShare[key] ?? 0) > 0);
  const total = keys.reduce((sum, key) => sum + (observed[key] ?? 0), 0);
  const shareTotal = keys.reduce((sum, key) => sum + (expectedShare[key] ?? 0), 0);
  const untested = { observed, expectedShare, chiSquare: null, p: null, mismatch: false, threshold };
  if (keys.length < 2 || total === 0) return { ...untested, method: null, pooled: [] };
  const cells = keys.map((key) => ({
    arms: [key],
    observed: observed[key] ?? 0,
    expected: (total * (expectedShare[key] ?? 0)) / shareTotal,
  }));
  const bySize = (a: Cell, b: Cell) => a.expected - b.expected;
  cells.sort(bySize);
  while (cells.length > 2 && cells[0]!.expected < MIN_EXPECTED) {
    const [smallest, next] = cells.splice(0, 2) as [Cell, Cell];
    cells.push({
      arms: [...smallest.arms, ...next.arms],
      observed: smallest.observed + next.observed,
      expected: smallest.expected + next.expected,
    });
    cells.sort(bySize);
  }
  const pooled = cells.filter((cell) => cell.arms.length > 1).map((cell) => cell.arms);
  if (cells[0]!.expected < MIN_EXPECTED) {
    const small = cells[0]!;
    const p = exactBinomialP(small.observed, total, small.expected / total);
    return { ...untested, p, mismatch: p < threshold, method: 'exact binomial', pooled };
  }
  let chiSquare = 0;
  for (const cell of cells) chiSquare += (cell.observed - cell.expected) ** 2 / cell.expected;
  const p = chiSquareSurvival(chiSquare, cells.length - 1);
  return { ...untested, chiSquare, p, mismatch: p < threshold, method: 'chi-square', pooled };
}

interface Cell {
  arms: string[];
  observed: number;
  expected: number;
}

/**
 * Two-sided exact binomial test, P(X = j) summed over every j no more likely than the observed k
 * (the "minlike" rule of R's binom.test and SciPy's binomtest, with their 1e-7 relative tolerance).
 * The probabilities come by recurrence from P(X = 0); past the mode and k they only shrink, so the
 * sum stops once they no longer count.
 */
export function exactBinomialP(k: number, n: number, p: number): number {
  if (p <= 0) return k === 0 ? 1 : 0;
  if (p >= 1) return k === n ? 1 : 0;
  const logOdds = Math.log(p / (1 - p));
  const logPmf = (j: number) =>
    gammaln(n + 1) - gammaln(j + 1) - gammaln(n - j + 1) + j * Math.log(p) + (n - j) * Math.log(1 - p);
  const limit = logPmf(k) + Math.log1p(1e-7);
  const mode = Math.floor((n + 1) * p);
  let log = n * Math.log(1 - p);
  let sum = 0;
  for (let j = 0; j <= n; j += 1) {
    if (log <= limit) sum += Math.exp(log);
    if (j > mode && j > k && log < limit - 50) break;
    log += Math.log((n - j) / (j + 1)) + logOdds;
  }
  return Math.min(1, sum);
}
