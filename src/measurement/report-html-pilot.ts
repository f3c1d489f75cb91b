import type { BreakdownRow } from './pilot-number.js';
import type { PilotReport } from './report-model.js';
import type { DifferenceEstimate, RateEstimate } from './statistics/proportions.js';

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
const diff = (d: DifferenceEstimate) =>
  d.difference === null || d.low === null || d.high === null
    ? 'not estimable'
    : `${(d.difference * 100).toFixed(1)} points <span class="ci">(${(d.low * 100).toFixed(1)} to ${(d.high * 100).toFixed(1)})</span>`;

const table = (caption: string, unit: string, rows: readonly BreakdownRow[]) =>
  `<table><tr><th>${escape(caption)}</th><th>${escape(unit)}</th><th>Did not withdraw or checked first</th><th>Went ahead</th></tr>${
    rows
      .map(
        (row) =>
          `<tr><td>${escape(row.key)}</td><td>${row.users}</td><td>${rate(row.pilot)}</td><td>${rate(row.wentAhead)}</td></tr>`,
      )
      .join('') || '<tr><td colspan="4">No warned users.</td></tr>'
  }</table>`;

/** The pilot's number in the HTML report: the figure, the rules that produced it, the breakdowns. */
export function pilotNumberHtml(report: PilotReport): string {
  const pilot = report.pilotNumber;
  if (!pilot) return '';
  const b = pilot.bases;
  return `<h2>The pilot's number</h2>
<p class="pilot-headline" style="font-size:1.3rem">Warned users who did not withdraw or checked first: ${rate(pilot.perUser)}</p>
<table>
<tr><th>Per user (first warning in the period)</th><td>${rate(pilot.perUser)}</td></tr>
<tr><th>Per withdrawal</th><td>${rate(pilot.perWithdrawal)}</td></tr>
<tr><th>Users warned more than once</th><td>${pilot.usersWarnedMoreThanOnce}</td></tr>
<tr><th>Went ahead, counting everyone: warned / holdout</th><td>${rate(pilot.upliftEveryone.wentAheadWarned)} / ${rate(pilot.upliftEveryone.wentAheadHoldout)}</td></tr>
<tr><th>Effect counting everyone</th><td>${diff(pilot.upliftEveryone.difference)}</td></tr>
</table>
<ul class="rules">${Object.values(pilot.rules)
    .map((rule) => `<li>${escape(rule)}</li>`)
    .join(
      '',
    )}<li>First warnings decided by the exchange's completion event: ${b.completion_event}; by the user's cancel or proceed: ${b.client_event}; abandoned, counted as not withdrawn: ${b.abandoned_rule}; still open, left out: ${b.pending}.</li></ul>
<h3>By answer</h3>
${table('Answers given', 'Users', pilot.byAnswerPath)}
<p class="ci">The holdout is asked no questions: answers have no holdout comparison.</p>
<h3>By ladder step</h3>
${table('Where the ladder ended', 'Users', pilot.byStep)}
<h3>By presentation</h3>
${table('Presentation', 'Warnings', pilot.byPresentation)}`;
}
