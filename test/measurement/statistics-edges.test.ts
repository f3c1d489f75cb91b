import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleRatioCheck } from '../../src/measurement/statistics/hypothesis-tests.js';
import { relativeDifference } from '../../src/measurement/statistics/proportions.js';

/** Two-sided exact binomial p-value by brute force (R binom.test / scipy binomtest "minlike"). */
function bruteBinomialP(k: number, n: number, p: number): number {
  const pmf: number[] = [];
  let choose = 1;
  for (let j = 0; j <= n; j += 1) {
    pmf.push(choose * p ** j * (1 - p) ** (n - j));
    choose = (choose * (n - j)) / (j + 1);
  }
  const observed = pmf[k]!;
  return Math.min(
    1,
    pmf.filter((value) => value <= observed * (1 + 1e-7)).reduce((a, b) => a + b, 0),
  );
}

describe('relative difference at 0 and n', () => {
  it('puts the point estimate inside its interval: relativeDifference(0, 121, 29, 29)', () => {
    const r = relativeDifference(0, 121, 29, 29);
    expect(r.difference).toBe(-1);
    expect(r.low!).toBeLessThanOrEqual(r.difference!);
    expect(r.high!).toBeGreaterThanOrEqual(r.difference!);
  });

  it('always contains its point estimate, counts 0 and n included', () => {
    const count = (n: number) => fc.oneof(fc.constant(0), fc.constant(n), fc.integer({ min: 0, max: n }));
    const arm = fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(count(n), fc.constant(n)));
    fc.assert(
      fc.property(arm, arm, ([x1, n1], [x2, n2]) => {
        const r = relativeDifference(x1, n1, x2, n2);
        if (x2 === 0) return r.difference === null;
        return (
          r.low !== null &&
          r.high !== null &&
          r.difference !== null &&
          r.low >= -1 &&
          r.low <= r.difference &&
          r.difference <= r.high
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sample-ratio check with small expected counts', () => {
  it('does not alarm on a tiny variant whose expected count is below 1 (pooled, not χ²-ed alone)', () => {
    // 0.03% of 1,000 users is 0.3 expected; 3 users is unremarkable for so small a cell (P ≈ 0.004),
    // but its χ² term alone would be (3 − 0.3)²/0.3 = 24.3.
    const check = sampleRatioCheck(
      { holdout: 200, 'variant A': 797, 'variant B': 3 },
      { holdout: 0.2, 'variant A': 0.7997, 'variant B': 0.0003 },
    );
    expect(check.mismatch).toBe(false);
    expect(check.pooled).toEqual([['variant B', 'holdout']]);
    expect(check.method).toBe('chi-square');
    expect(check.p!).toBeGreaterThan(0.5);
  });

  it('uses the exact binomial test when two arms cannot both expect 5', () => {
    const check = sampleRatioCheck({ holdout: 3, treatment: 7 }, { holdout: 0.2, treatment: 0.8 });
    expect(check.method).toBe('exact binomial');
    expect(check.chiSquare).toBeNull();
    expect(check.p!).toBeCloseTo(bruteBinomialP(3, 10, 0.2), 10);
    const broken = sampleRatioCheck({ holdout: 12, treatment: 0 }, { holdout: 0.2, treatment: 0.8 });
    expect(broken.method).toBe('exact binomial');
    expect(broken.p!).toBeCloseTo(bruteBinomialP(12, 12, 0.2), 15);
    expect(broken.mismatch).toBe(true);
  });

  it('agrees with the brute-force binomial for any small two-arm split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0.01, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share, at) => {
          const k = Math.round(at * n);
          const check = sampleRatioCheck({ small: k, large: n - k }, { small: share, large: 1 - share });
          if (n * share >= 5) return check.method === 'chi-square';
          return check.method === 'exact binomial' && Math.abs(check.p! - bruteBinomialP(k, n, share)) < 1e-9;
        },
      ),
    );
  });

  it('keeps the χ² test and its SciPy value when every arm expects at least 5', () => {
    const two = sampleRatioCheck({ holdout: 1850, treatment: 8150 }, { holdout: 0.2, treatment: 0.8 });
    expect(two.method).toBe('chi-square');
    expect(two.pooled).toEqual([]);
    expect(two.chiSquare).toBeCloseTo(14.0625, 10);
  });
});
