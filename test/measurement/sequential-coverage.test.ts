import { describe, expect, it } from 'vitest';
import { alwaysValidDifference } from '../../src/measurement/statistics/sequential.js';

/** mulberry32: a small seeded PRNG, so the Monte Carlo below is the same run every time. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Share of streams whose always-valid interval ever excludes the true difference over `looks`
 * daily looks. The holdout is 20% of traffic (the demo campaigns' and the console template's
 * holdoutShare), so the warned arm gets four users for each holdout user.
 */
function everExcluded(options: {
  seed: number;
  streams: number;
  looks: number;
  holdoutPerDay: number;
  holdoutRate: number;
  warnedRate: number;
}): number {
  const random = mulberry32(options.seed);
  const warnedPerDay = options.holdoutPerDay * 4;
  const truth = options.warnedRate - options.holdoutRate;
  let excluded = 0;
  for (let stream = 0; stream < options.streams; stream += 1) {
    let x1 = 0;
    let x2 = 0;
    let n1 = 0;
    let n2 = 0;
    for (let day = 0; day < options.looks; day += 1) {
      for (let i = 0; i < warnedPerDay; i += 1) if (random() < options.warnedRate) x1 += 1;
      for (let i = 0; i < options.holdoutPerDay; i += 1) if (random() < options.holdoutRate) x2 += 1;
      n1 += warnedPerDay;
      n2 += options.holdoutPerDay;
      const { low, high } = alwaysValidDifference(x1, n1, x2, n2);
      if (low === null || high === null || low > truth || high < truth) {
        excluded += 1;
        break;
      }
    }
  }
  return excluded / options.streams;
}

describe('always-valid interval near 100% completion (Monte Carlo, seed fixed)', () => {
  it.each([
    [0.95, 10],
    [0.95, 50],
    [0.96, 10],
    [0.96, 50],
  ])(
    'completion %f with %i holdout users a day: ever-excluded rate over 28 daily looks <= 5%',
    (rate, holdoutPerDay) => {
      const share = everExcluded({
        seed: 20_260_413,
        streams: 2000,
        looks: 28,
        holdoutPerDay,
        holdoutRate: rate,
        warnedRate: rate,
      });
      expect(share).toBeLessThanOrEqual(0.05);
    },
  );

  it('also with a real effect (warned 3 points below the holdout)', () => {
    const share = everExcluded({
      seed: 11,
      streams: 2000,
      looks: 28,
      holdoutPerDay: 10,
      holdoutRate: 0.95,
      warnedRate: 0.92,
    });
    expect(share).toBeLessThanOrEqual(0.05);
  });

  it('stays within [-1, 1] even with a handful of users', () => {
    for (const [x1, n1, x2, n2] of [
      [0, 1, 1, 1],
      [1, 1, 0, 1],
      [0, 2, 2, 2],
      [3, 3, 0, 1],
    ] as const) {
      const { low, high } = alwaysValidDifference(x1, n1, x2, n2);
      expect(low!).toBeGreaterThanOrEqual(-1);
      expect(high!).toBeLessThanOrEqual(1);
      expect(low!).toBeLessThanOrEqual(x1 / n1 - x2 / n2);
      expect(high!).toBeGreaterThanOrEqual(x1 / n1 - x2 / n2);
    }
  });
});
