import type { DifferenceEstimate, RateEstimate } from './types.js';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** Times are shown in UTC: the audit trail and the reports (UTC days) must read the same everywhere. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${dateTime.format(date)} UTC`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

export function percent(share: number | null, digits = 1): string {
  return share === null ? '—' : `${(share * 100).toFixed(digits)}%`;
}

/** "12.3% (95% CI 10.1–14.8%)", or "no data" when the denominator is 0. */
export function rateWithInterval(estimate: RateEstimate): string {
  if (estimate.rate === null || estimate.low === null || estimate.high === null) return 'no data';
  return `${percent(estimate.rate)} (95% CI ${(estimate.low * 100).toFixed(1)}–${percent(estimate.high)})`;
}

/** A difference of shares in percentage points, signed: "−4.2 pp (95% CI −6.0 to −2.3 pp)". */
export function differenceWithInterval(estimate: DifferenceEstimate): string {
  const { difference, low, high } = estimate;
  if (difference === null || low === null || high === null) return 'not estimable';
  return `${points(difference)} pp (95% CI ${points(low)} to ${points(high)} pp)`;
}

/** A relative change: "−18.5% (95% CI −25.0% to −11.2%)". */
export function relativeWithInterval(estimate: DifferenceEstimate): string {
  const { difference, low, high } = estimate;
  if (difference === null || low === null || high === null) return 'not estimable';
  return `${signedPercent(difference)} (95% CI ${signedPercent(low)} to ${signedPercent(high)})`;
}

function points(share: number): string {
  const value = share * 100;
  return `${value < 0 ? '−' : value > 0 ? '+' : ''}${Math.abs(value).toFixed(1)}`;
}

function signedPercent(share: number): string {
  return `${points(share)}%`;
}

export function formatP(p: number | null): string {
  if (p === null) return '—';
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** Compact one-line JSON for audit details; long values are cut so the table stays readable. */
export function compactJson(value: unknown, max = 240): string {
  if (value === null || value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
