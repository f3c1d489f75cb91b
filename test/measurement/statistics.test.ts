import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquareSurvival, normalQuantile } from '../../src/measurement/statistics/distributions.js';
import { sampleRatioCheck, twoProportionZTest } from '../../src/measurement/statistics/hypothesis-tests.js';
import { planPilot } from '../../src/measurement/statistics/power.js';
import {
  newcombeDifference,
  relativeDifference,
  wilson,
} from '../../src/measurement/statistics/proportions.js';
import { alwaysValidDifference } from '../../src/measurement/statistics/sequential.js';

/*
 * Fixtures and their sources:
 * - Wilson intervals: Newcombe RG (1998) "Two-sided confidence intervals for the single proportion:
 *   comparison of seven methods", Stat Med 17:857-872, Table I, method 3 (score), 4 decimals.
 * - Difference intervals: Newcombe RG (1998) "Interval estimation for the difference between
 *   independent proportions: comparison of eleven methods", Stat Med 17:873-890, Table II, method 10.
 * - Normal quantiles, z-test p and χ²(1) tails: Python 3.11 statistics.NormalDist and math.erfc.
 * - χ²(2) and χ²(4) tails: closed forms exp(-x/2) and exp(-x/2)(1 + x/2).
 * - Sample size: R power.prop.test(p1 = 0.5, p2 = 0.6, power = 0.8) gives n = 387.3 per group.
 * - SciPy 1.17.1 (outputs kept here as fixtures): scipy.stats.contingency.relative_risk(...)
 *   .confidence_interval(0.95) (Katz log method), scipy.stats.binomtest(k, n).proportion_ci(
 *   method='wilson'), scipy.stats.chisquare (goodness of fit) and chi2_contingency(correction=False).
 */

describe('Wilson score interval', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i matches Newcombe 1998 Table I', (x, n, low, high) => {
    const estimate = wilson(x, n);
    expect(estimate.low).toBeCloseTo(low, 4);
    expect(estimate.high).toBeCloseTo(high, 4);
  });

  it('gives 100% an honest interval and no traffic no rate at all', () => {
    expect(wilson(20, 20)).toMatchObject({ rate: 1, high: 1 });
    expect(wilson(20, 20).low).toBeCloseTo(1 - 0.1611, 4);
    expect(wilson(0, 0)).toEqual({ x: 0, n: 0, rate: null, low: null, high: null });
  });

  it('always contains the observed rate and stays within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const x = Math.round(n * share);
          const { rate, low, high } = wilson(x, n);
          return (
            low !== null &&
            high !== null &&
            rate !== null &&
            low >= 0 &&
            high <= 1 &&
            low <= rate &&
            rate <= high
          );
        },
      ),
    );
  });
});

describe('difference of proportions', () => {
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
  ])('%i/%i − %i/%i matches Newcombe 1998 Table II (method 10)', (x1, n1, x2, n2, low, high) => {
    const estimate = newcombeDifference(x1, n1, x2, n2);
    expect(estimate.low).toBeCloseTo(low, 4);
    expect(estimate.high).toBeCloseTo(high, 4);
  });

  it('has no difference when an arm has no traffic', () => {
    expect(newcombeDifference(5, 10, 0, 0)).toEqual({ difference: null, low: null, high: null });
    expect(relativeDifference(5, 10, 0, 10).difference).toBeNull();
  });

  it('gives a relative difference whose interval contains it, also with a zero count', () => {
    const relative = relativeDifference(30, 100, 60, 100);
    expect(relative.difference).toBeCloseTo(-0.5, 10);
    expect(relative.low!).toBeLessThan(-0.5);
    expect(relative.high!).toBeGreaterThan(-0.5);
    const zero = relativeDifference(0, 100, 10, 100);
    expect(zero.difference).toBe(-1);
    expect(Number.isFinite(zero.low!) && Number.isFinite(zero.high!)).toBe(true);
  });
});

describe('tests and distributions', () => {
  it('normal quantiles match Python statistics.NormalDist (to 1e-6: erf is accurate to ~1e-8)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.9599639845400536, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 6);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729144, 6);
  });

  it('χ² tails match closed forms and erfc', () => {
    expect(chiSquareSurvival(6, 2)).toBeCloseTo(0.049787068367863944, 10);
    expect(chiSquareSurvival(10, 4)).toBeCloseTo(0.0404276819945128, 10);
    expect(chiSquareSurvival(10.83, 1)).toBeCloseTo(0.0009986863791802592, 10);
    expect(chiSquareSurvival(0.5, 3)).toBeGreaterThan(0.9);
  });

  it('two-proportion z test: 56/70 vs 48/80', () => {
    const result = twoProportionZTest(56, 70, 48, 80);
    expect(result.statistic).toBeCloseTo(2.6501719512585336, 9);
    expect(result.p).toBeCloseTo(0.008045081368196705, 8);
    expect(twoProportionZTest(0, 50, 0, 50)).toEqual({ statistic: 0, p: 1 });
  });

  it('sample-ratio check flags a broken split and passes a healthy one', () => {
    const near = sampleRatioCheck({ holdout: 5000, treatment: 5200 }, { holdout: 0.5, treatment: 0.5 });
    expect(near.chiSquare).toBeCloseTo(3.9215686274509802, 9);
    expect(near.p).toBeCloseTo(0.04767038065616144, 8);
    expect(near.mismatch).toBe(false);
    const broken = sampleRatioCheck({ holdout: 1400, treatment: 8600 }, { holdout: 0.2, treatment: 0.8 });
    expect(broken.mismatch).toBe(true);
    const empty = sampleRatioCheck({}, { holdout: 0.2, treatment: 0.8 });
    expect(empty).toMatchObject({ p: null, mismatch: false });
  });
});

describe('always-valid interval', () => {
  it('is wider than the fixed-horizon interval, contains the estimate, and narrows with data', () => {
    const fixed = newcombeDifference(300, 1000, 350, 1000);
    const sequential = alwaysValidDifference(300, 1000, 350, 1000);
    expect(sequential.low!).toBeLessThan(fixed.low!);
    expect(sequential.high!).toBeGreaterThan(fixed.high!);
    expect(sequential.low!).toBeLessThan(-0.05);
    expect(sequential.high!).toBeGreaterThan(-0.05);
    const more = alwaysValidDifference(3000, 10_000, 3500, 10_000);
    expect(more.high! - more.low!).toBeLessThan(sequential.high! - sequential.low!);
  });

  it('keeps its coverage when watched every day (simulated pilots under no effect)', () => {
    // 400 pilots of 28 daily looks at two arms with the same true rate: the share that ever
    // excludes 0 must stay near α = 5%, where daily fixed-horizon intervals would exceed it.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let sequentialFalseAlarms = 0;
    let fixedFalseAlarms = 0;
    for (let pilot = 0; pilot < 400; pilot += 1) {
      let x1 = 0;
      let x2 = 0;
      let n = 0;
      let sequentialAlarm = false;
      let fixedAlarm = false;
      for (let day = 0; day < 28; day += 1) {
        for (let i = 0; i < 50; i += 1) {
          x1 += random() < 0.3 ? 1 : 0;
          x2 += random() < 0.3 ? 1 : 0;
        }
        n += 50;
        const s = alwaysValidDifference(x1, n, x2, n);
        const f = newcombeDifference(x1, n, x2, n);
        if (s.low! > 0 || s.high! < 0) sequentialAlarm = true;
        if (f.low! > 0 || f.high! < 0) fixedAlarm = true;
      }
      if (sequentialAlarm) sequentialFalseAlarms += 1;
      if (fixedAlarm) fixedFalseAlarms += 1;
    }
    expect(sequentialFalseAlarms / 400).toBeLessThanOrEqual(0.06);
    expect(fixedFalseAlarms).toBeGreaterThan(sequentialFalseAlarms);
  });
});

describe('power planning', () => {
  it('matches R power.prop.test for 50% vs 60% with an even split', () => {
    const plan = planPilot({ baselineRate: 0.5, effect: 0.1, holdoutShare: 0.5 });
    expect(plan.holdoutUsers).toBe(388);
    expect(plan.treatmentUsers).toBe(388);
  });

  it('needs more users with a small holdout, and turns traffic into weeks', () => {
    const plan = planPilot({ baselineRate: 0.5, effect: -0.05, holdoutShare: 0.2, weeklyEligible: 1000 });
    expect(plan.holdoutUsers).toBeGreaterThan(
      planPilot({ baselineRate: 0.5, effect: -0.05, holdoutShare: 0.5 }).holdoutUsers / 2,
    );
    expect(plan.totalUsers).toBe(plan.holdoutUsers + plan.treatmentUsers);
    expect(plan.weeks).toBeCloseTo(Math.ceil((plan.totalUsers / 1000) * 10) / 10, 5);
    expect(planPilot({ baselineRate: 0.5, effect: -0.05, holdoutShare: 0.2 }).weeks).toBeNull();
    expect(() => planPilot({ baselineRate: 0.98, effect: 0.05, holdoutShare: 0.2 })).toThrow(
      /between 0 and 1/,
    );
  });
});

describe('fixtures from SciPy 1.17.1', () => {
  it.each([
    [30, 100, 60, 100, 0.356071793693903, 0.7021055990043188],
    [651, 1000, 930, 1000, 0.6668856424329528, 0.7347586584895828],
    [15, 148, 81, 263, 0.1970586263024593, 0.5495473216245762],
  ])(
    'relative risk %i/%i vs %i/%i: Katz interval as relative_risk().confidence_interval()',
    (x1, n1, x2, n2, low, high) => {
      const relative = relativeDifference(x1, n1, x2, n2);
      expect(relative.difference! + 1).toBeCloseTo(x1 / n1 / (x2 / n2), 12);
      expect(relative.low! + 1).toBeCloseTo(low, 7);
      expect(relative.high! + 1).toBeCloseTo(high, 7);
    },
  );

  it.each([
    [81, 263, 0.99, 0.24013690268760768, 0.3852825023182298],
    [2, 50, 0.95, 0.011038884327619812, 0.1346009068750702],
  ])('Wilson %i/%i at %f as binomtest().proportion_ci(method="wilson")', (x, n, confidence, low, high) => {
    const estimate = wilson(x, n, confidence);
    expect(estimate.low).toBeCloseTo(low, 7);
    expect(estimate.high).toBeCloseTo(high, 7);
  });

  it('sample-ratio χ² as scipy.stats.chisquare, with three arms and two', () => {
    const three = sampleRatioCheck(
      { holdout: 1980, 'variant A': 3950, 'variant B': 4070 },
      { holdout: 0.2, 'variant A': 0.4, 'variant B': 0.4 },
    );
    expect(three.chiSquare).toBeCloseTo(2.05, 10);
    expect(three.p).toBeCloseTo(0.3587964654059517, 10);
    expect(three.mismatch).toBe(false);
    const two = sampleRatioCheck({ holdout: 1850, treatment: 8150 }, { holdout: 0.2, treatment: 0.8 });
    expect(two.chiSquare).toBeCloseTo(14.0625, 10);
    expect(two.p).toBeCloseTo(0.00017683457040160785, 12);
    expect(two.mismatch).toBe(true);
  });

  it('a far-tail two-proportion test keeps its p-value (z² is chi2_contingency without correction)', () => {
    const result = twoProportionZTest(651, 1000, 930, 1000);
    expect(result.statistic! ** 2).toBeCloseTo(235.01333707707425, 8);
    // Relative accuracy far out in the tail, where 1 − Φ(z) would round to 0.
    expect(result.p! / 4.809139493830709e-53).toBeCloseTo(1, 6);
  });
});
