import type { Evidence } from './evidence.js';
import { EVIDENCE_RULE } from './evidence.js';
import { fill, type ReportWords } from './report-language.js';
import type { DifferenceEstimate, RateEstimate } from './statistics/proportions.js';

/** Formatting shared by the HTML report's sections: every value escaped, every figure with its interval. */
export const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
export const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
export const rate = (r: RateEstimate, words: ReportWords) =>
  r.rate === null
    ? escape(words.noData)
    : `${pct(r.rate)} <span class="ci">(95% ${pct(r.low)} – ${pct(r.high)}; ${r.x}/${r.n})</span>`;
export const diff = (d: DifferenceEstimate, words: ReportWords) =>
  d.difference === null || d.low === null || d.high === null
    ? escape(words.notEstimable)
    : `${(d.difference * 100).toFixed(1)} ${escape(words.points)} <span class="ci">(${(d.low * 100).toFixed(1)} to ${(d.high * 100).toFixed(1)})</span>`;

/** "Too early to tell: 98 more warned and 99 more comparison users are needed", with the rule. */
export function tooEarly(evidence: Evidence, words: ReportWords): string {
  const why =
    evidence.reason === 'no_comparison_group'
      ? words.tooEarlyNoComparison
      : fill(words.tooEarlyMore, { warned: evidence.more.warned, holdout: evidence.more.holdout });
  const rule = fill(words.tooEarlyRule, {
    minimum: EVIDENCE_RULE.minimumPerArm,
    needWarned: evidence.need.warned,
    needHoldout: evidence.need.holdout,
    effect: Math.abs(EVIDENCE_RULE.plannedEffect * 100),
    power: EVIDENCE_RULE.power * 100,
  });
  return `<strong class="too-early">${escape(words.tooEarly)}</strong>: ${escape(why)} <span class="ci">${escape(rule)}</span>`;
}

/** The effect when it may be read, else "too early to tell" (the figure is not shown as a finding). */
export const effectOrTooEarly = (d: DifferenceEstimate, evidence: Evidence | null, words: ReportWords) =>
  evidence && !evidence.enough ? tooEarly(evidence, words) : diff(d, words);
