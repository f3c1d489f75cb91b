import { errorFunction, gammaln } from 'simple-statistics';

/**
 * The distribution functions the reports need. simple-statistics gives erf and ln Γ to about 1e-9;
 * its own probit and χ² helpers are table-based or approximate to 1e-3, too coarse for interval
 * bounds and p-values, so the quantile and the χ² tail are computed here from those primitives.
 */

export function normalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/**
 * Two-sided p-value of a standard normal statistic: P(|Z| ≥ |z|) = P(χ²₁ ≥ z²), taken from the χ²
 * tail, which keeps its relative accuracy far out where 1 − Φ(z) would round to 0.
 */
export function twoSidedP(z: number): number {
  return chiSquareSurvival(z * z, 1);
}

/**
 * Inverse of the standard normal CDF: Acklam's rational approximation (relative error 1.15e-9),
 * polished by one Newton step on normalCdf.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  }
  const density = Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  return x - (normalCdf(x) - p) / density;
}

/**
 * Upper tail P(X ≥ x) of a χ² distribution with `df` degrees of freedom: the regularized upper
 * incomplete gamma Q(df/2, x/2), by its series below a+1 and its continued fraction above
 * (Numerical Recipes, 3rd ed., §6.2).
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (df <= 0) throw new RangeError('df must be positive');
  if (x <= 0) return 1;
  const a = df / 2;
  const z = x / 2;
  const logPrefactor = -z + a * Math.log(z) - gammaln(a);
  if (z < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(sum) * 1e-15; n += 1) {
      term *= z / (a + n);
      sum += term;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefactor));
  }
  const tiny = 1e-300;
  let b = z + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i += 1) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.min(1, Math.exp(logPrefactor) * h);
}
