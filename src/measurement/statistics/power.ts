import { normalQuantile } from './distributions.js';

export interface PowerPlan {
  baselineRate: number;
  targetRate: number;
  alpha: number;
  power: number;
  holdoutShare: number;
  treatmentUsers: number;
  holdoutUsers: number;
  totalUsers: number;
  /** null when there is no traffic to project from. */
  weeks: number | null;
}

/**
 * Users a pilot needs to detect a change in a rate (two-sided two-proportion z test, unequal
 * allocation: Fleiss, Levin & Paik, Statistical Methods for Rates and Proportions, 3rd ed., §4.2),
 * and weeks at the given weekly traffic of eligible withdrawals.
 */
export function planPilot(options: {
  baselineRate: number;
  /** Absolute change to detect, e.g. -0.05 for five points fewer completed withdrawals. */
  effect: number;
  holdoutShare: number;
  alpha?: number;
  power?: number;
  weeklyEligible?: number;
}): PowerPlan {
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  const { baselineRate: p0, effect, holdoutShare: h } = options;
  const p1 = p0 + effect;
  if (!(p0 > 0 && p0 < 1)) throw new RangeError('baselineRate must be between 0 and 1');
  if (!(p1 > 0 && p1 < 1)) throw new RangeError('baselineRate + effect must be between 0 and 1');
  if (effect === 0) throw new RangeError('effect must not be 0');
  if (!(h > 0 && h < 1)) throw new RangeError('holdoutShare must be between 0 and 1');
  if (!(alpha > 0 && alpha < 1)) throw new RangeError('alpha must be between 0 and 1');
  if (!(power > 0 && power < 1)) throw new RangeError('power must be between 0 and 1');
  // k treatment users per holdout user.
  const k = (1 - h) / h;
  const za = normalQuantile(1 - alpha / 2);
  const zb = normalQuantile(power);
  const pBar = (p0 + k * p1) / (1 + k);
  const holdout =
    (za * Math.sqrt(pBar * (1 - pBar) * (1 + 1 / k)) + zb * Math.sqrt(p0 * (1 - p0) + (p1 * (1 - p1)) / k)) **
      2 /
    effect ** 2;
  const holdoutUsers = Math.ceil(holdout);
  const treatmentUsers = Math.ceil(holdout * k);
  const totalUsers = holdoutUsers + treatmentUsers;
  const weekly = options.weeklyEligible ?? 0;
  return {
    baselineRate: p0,
    targetRate: p1,
    alpha,
    power,
    holdoutShare: h,
    treatmentUsers,
    holdoutUsers,
    totalUsers,
    weeks: weekly > 0 ? Math.ceil((totalUsers / weekly) * 10) / 10 : null,
  };
}
