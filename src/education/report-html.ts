import type { RateEstimate } from '../measurement/statistics/proportions.js';
import type { QuizMeasurement } from './measurement.js';
import { QUIZ_STRINGS } from './strings/index.js';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const rate = (r: RateEstimate) =>
  r.rate === null
    ? 'no data'
    : `${pct(r.rate)} <span class="ci">(95% ${pct(r.low)} – ${pct(r.high)}; ${r.x}/${r.n})</span>`;
const points = (value: number | null) => (value === null ? '—' : (value * 100).toFixed(1));

/**
 * The quiz's part of the pilot report, in the report's own style: which tricks fool people (share
 * fooled per trick, Wilson 95%) and the later-warning comparisons, each with its own caveat.
 */
export function quizReportHtml(measurement: QuizMeasurement): string {
  const compared = [...measurement.laterWarnings, ...measurement.experiment].filter((c) =>
    c.groups.some((g) => g.users > 0),
  );
  // No answers and no one to compare in the period: the report says nothing about a quiz.
  if (measurement.byTrick.length === 0 && compared.length === 0) return '';
  const words = QUIZ_STRINGS.en.tricks;
  const rows = measurement.byTrick
    .map((row) => `<tr><td>${escape(words[row.trick] ?? row.trick)}</td><td>${rate(row.fooled)}</td></tr>`)
    .join('');
  const comparisons = compared
    .map(
      (
        c,
      ) => `<h3>${c.design === 'observational' ? 'At the next warning (observational)' : 'Offer experiment (intention to treat)'}, ${escape(c.jurisdiction)}</h3>
<p>${escape(c.statement)}</p>
<table><tr><th>Group</th><th>Users</th><th>Cancelled or checked first</th></tr>
${c.groups.map((g) => `<tr><td>${escape(g.group.replace(/_/g, ' '))}</td><td>${g.users}</td><td>${rate(g.protected)}</td></tr>`).join('')}
</table>
<p>Difference: ${points(c.difference.difference)} points <span class="ci">(${points(c.difference.low)} to ${points(c.difference.high)})</span></p>`,
    )
    .join('');
  return `<h2>Phishing quiz</h2>
<p class="scope">Answers from ${escape(measurement.from.slice(0, 10))} to ${escape(measurement.to.slice(0, 10))}: the share of answers that picked what the scammer wanted.</p>
<table><tr><th>Trick</th><th>Fooled</th></tr>${rows || '<tr><td colspan="2">No quiz answers in this period.</td></tr>'}</table>
${comparisons}`;
}
