import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign, assignmentPoint } from '../../src/campaigns/assignment.js';
import type { Experiment } from '../../src/campaigns/spec.js';

const experiment: Experiment = {
  key: 'hk-pilot',
  holdoutShare: 0.1,
  variants: [
    { key: 'A', weight: 1 },
    { key: 'B', weight: 3 },
  ],
};

describe('holdout and variant assignment', () => {
  it('gives a user the same arm and variant every time (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        (user, key) => {
          const e = { ...experiment, key };
          expect(assign(e, user)).toEqual(assign(e, user));
          const point = assignmentPoint(key, user);
          expect(point).toBeGreaterThanOrEqual(0);
          expect(point).toBeLessThan(1);
        },
      ),
    );
  });

  it('holds out users below the holdout share and keeps them held out when the share grows', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.double({ min: 0, max: 0.8, noNaN: true }),
        (user, share) => {
          const small = assign({ ...experiment, holdoutShare: share }, user);
          const large = assign({ ...experiment, holdoutShare: Math.min(0.9, share + 0.1) }, user);
          if (small.arm === 'holdout') expect(large.arm).toBe('holdout');
          expect(small.arm === 'holdout').toBe(assignmentPoint(experiment.key, user) < share);
        },
      ),
    );
  });

  it('splits a population close to the configured shares', () => {
    const counts = { holdout: 0, A: 0, B: 0 };
    const n = 40_000;
    for (let i = 0; i < n; i += 1) {
      const result = assign(experiment, `user-${i}`);
      if (result.arm === 'holdout') counts.holdout += 1;
      else if (result.variant === 'A') counts.A += 1;
      else counts.B += 1;
    }
    // Expected shares 10%, 22.5%, 67.5%; a 1 point tolerance is > 6 standard errors at n = 40k.
    expect(Math.abs(counts.holdout / n - 0.1)).toBeLessThan(0.01);
    expect(Math.abs(counts.A / n - 0.225)).toBeLessThan(0.01);
    expect(Math.abs(counts.B / n - 0.675)).toBeLessThan(0.01);
  });

  it('shuffles independently between experiments', () => {
    let same = 0;
    for (let i = 0; i < 10_000; i += 1) {
      const a = assignmentPoint('experiment-1', `u${i}`) < 0.5;
      const b = assignmentPoint('experiment-2', `u${i}`) < 0.5;
      if (a === b) same += 1;
    }
    expect(same / 10_000).toBeGreaterThan(0.47);
    expect(same / 10_000).toBeLessThan(0.53);
  });
});
