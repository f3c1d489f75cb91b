import type { BreakdownRow } from './pilot-number.js';
import { effectOrTooEarly, escape, rate } from './report-html-format.js';
import { fill, type ReportWords } from './report-language.js';
import type { PilotReport } from './report-model.js';

const table = (caption: string, unit: string, rows: readonly BreakdownRow[], w: ReportWords) =>
  `<table><tr><th>${escape(caption)}</th><th>${escape(unit)}</th><th>${escape(w.didNotWithdrawOrChecked)}</th><th>${escape(w.wentAhead)}</th></tr>${
    rows
      .map(
        (row) =>
          `<tr><td>${escape(row.key)}</td><td>${row.users}</td><td>${rate(row.pilot, w)}</td><td>${rate(row.wentAhead, w)}</td></tr>`,
      )
      .join('') || `<tr><td colspan="4">${escape(w.noWarnedUsers)}</td></tr>`
  }</table>`;

/** The pilot's number in the HTML report: the figure, the rules that produced it, the breakdowns. */
export function pilotNumberHtml(report: PilotReport, w: ReportWords): string {
  const pilot = report.pilotNumber;
  if (!pilot) return '';
  const b = pilot.bases;
  return `<h2>${escape(w.pilotNumber)}</h2>
<p class="pilot-headline" style="font-size:1.3rem">${escape(w.pilotHeadline)}: ${rate(pilot.perUser, w)}</p>
<table>
<tr><th>${escape(w.perUser)}</th><td>${rate(pilot.perUser, w)}</td></tr>
<tr><th>${escape(w.perWithdrawal)}</th><td>${rate(pilot.perWithdrawal, w)}</td></tr>
<tr><th>${escape(w.warnedMoreThanOnce)}</th><td>${pilot.usersWarnedMoreThanOnce}</td></tr>
<tr><th>${escape(w.wentAheadEveryone)}</th><td>${rate(pilot.upliftEveryone.wentAheadWarned, w)} / ${rate(pilot.upliftEveryone.wentAheadHoldout, w)}</td></tr>
<tr><th>${escape(w.effectEveryone)}</th><td>${effectOrTooEarly(pilot.upliftEveryone.difference, report.evidence.upliftEveryone, w)}</td></tr>
</table>
<ul class="rules">${(Object.keys(pilot.rules) as (keyof typeof pilot.rules)[])
    .map((key) => `<li>${escape(w.rules[key])}</li>`)
    .join('')}<li>${escape(
    fill(w.bases, {
      completion: b.completion_event,
      client: b.client_event,
      abandoned: b.abandoned_rule,
      pending: b.pending,
    }),
  )}</li></ul>
<h3>${escape(w.byAnswer)}</h3>
${table(w.answersGiven, w.users, pilot.byAnswerPath, w)}
<p class="ci">${escape(w.noHoldoutByAnswer)}</p>
<h3>${escape(w.byStep)}</h3>
${table(w.whereLadderEnded, w.users, pilot.byStep, w)}
<h3>${escape(w.byPresentation)}</h3>
${table(w.presentation, w.warnings, pilot.byPresentation, w)}`;
}
