import { interventionOverTime, outcomeMix, upliftChart } from './report-charts.js';
import { diff, effectOrTooEarly, escape, pct, rate, tooEarly } from './report-html-format.js';
import { pilotNumberHtml } from './report-html-pilot.js';
import { fill, REPORT_WORDS, type ReportLanguage, type ReportWords } from './report-language.js';
import type { PilotReport } from './report-model.js';

// Quantiles come from a histogram: an upper bound, or past its last bucket (30 minutes).
const seconds = (value: number | null) => (value === null ? '—' : `≤ ${value} s`);
const p = (value: number | null) => (value === null ? '—' : value < 0.0001 ? '< 0.0001' : value.toFixed(4));

/** Who the report is about, in the heading: the campaign's and the partner's names, not an id. */
export interface ReportHeading {
  language: ReportLanguage;
  /** The campaign's name (its id when it has none); absent for a report across campaigns. */
  campaignName?: string;
  partnerName?: string;
}

function scopeLine(report: PilotReport, w: ReportWords): string {
  const f = report.filter;
  return [
    f.campaign && `${w.campaign} ${f.campaign}`,
    f.jurisdiction && `${w.jurisdiction} ${f.jurisdiction}`,
    f.version !== undefined && `${w.version} ${f.version}`,
    f.variant && `${w.variant} ${f.variant}`,
    f.locale && `${w.locale} ${f.locale}`,
    f.asset && `${w.asset} ${f.asset}`,
    f.amountBand && fill(w.amountUsd, { band: f.amountBand }),
    `${f.from ?? w.start} ${w.to} ${f.to ?? w.today}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** What warned users did: one plain name per user when the report has them, else the rollup's four. */
function outcomesHtml(report: PilotReport, w: ReportWords): string {
  const breakdown = report.pilotNumber?.outcomes;
  if (breakdown) {
    const n = breakdown.users;
    const sentence = (template: string, x: number) => escape(fill(template, { x, n }));
    return `<h2>${escape(w.whatWarnedUsersDid)}</h2>
<p class="headline">${sentence(w.usersCancelled, breakdown.cancelled.x)} · ${sentence(w.usersWentAhead, breakdown.wentAhead.x)} · ${sentence(w.usersCheckedFirst, breakdown.checkedFirst.x)}</p>
<table class="outcomes"><tr><th>${escape(w.outcome)}</th><th>${escape(w.users)}</th><th>${escape(w.share)}</th></tr>
${breakdown.rows.map((row) => `<tr><td>${escape(w.outcomes[row.outcome])}</td><td>${escape(fill('{{x}} / {{n}}', { x: row.users, n }))}</td><td>${rate(row.share, w)}</td></tr>`).join('')}
</table>`;
  }
  const r = report.rates;
  const names = w.rollupOutcomes;
  return `<h2>${escape(w.whatWarnedUsersDid)}</h2>
<table class="outcomes"><tr><th>${escape(w.outcome)}</th><th>${escape(w.share)}</th></tr>
<tr><td>${escape(names.cancelled)}</td><td>${rate(r.cancelled, w)}</td></tr>
<tr><td>${escape(names.verified)}</td><td>${rate(r.verified, w)}</td></tr>
<tr><td>${escape(names.proceeded)}</td><td>${rate(r.proceeded, w)}</td></tr>
<tr><td>${escape(names.abandoned)}</td><td>${rate(r.abandoned, w)}</td></tr>
</table>`;
}

/**
 * A self-contained pilot report in the partner's language: inline CSS and SVG, no scripts, prints
 * on A4. `extra` is HTML other parts add in the same style (the phishing quiz), already escaped.
 * The notes are worded from their kinds and figures (`noteKeys`), in the same language.
 */
export function reportHtml(report: PilotReport, heading: ReportHeading, extra = ''): string {
  const w = REPORT_WORDS[heading.language];
  const title = heading.campaignName
    ? fill(w.campaignReport, { campaign: heading.campaignName })
    : w.pilotReport;
  const u = report.uplift;
  const upliftEvidence = report.evidence.uplift;
  const srm = report.sampleRatio
    .map(
      (s) =>
        `<tr><td>${escape(s.campaignId)} v${s.version}</td><td>${Object.entries(s.assignment.observed)
          .map(([k, n]) => `${escape(k)}: ${n}`)
          .join(
            ', ',
          )}</td><td>${p(s.assignment.p)}</td><td>${p(s.analysed.p)}</td><td>${p(s.outcomeReporting.p)}</td><td>${
          s.assignment.mismatch || s.analysed.mismatch || s.outcomeReporting.mismatch
            ? `<strong class="alarm">${escape(w.mismatch)}</strong>`
            : escape(w.ok)
        }</td></tr>`,
    )
    .join('');
  const notes =
    report.noteKeys.length > 0
      ? `<ul class="notes">${report.noteKeys.map((n) => `<li>${escape(fill(w.notes[n.key], n.params))}</li>`).join('')}</ul>`
      : '';
  const comparison = report.variantComparison;
  return `<!doctype html>
<html lang="${heading.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:780px;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.2rem} h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ccc}
.partner{font-size:1.1rem;margin:.2rem 0} .scope{color:#444} .ci{color:#555;font-size:.9em} .headline{font-size:1.3rem}
table{border-collapse:collapse;width:100%;font-size:.92rem} td,th{border-bottom:1px solid #e5e5e5;padding:.3rem;text-align:left}
.alarm{color:#b00020} .too-early{color:#7a4a00} .notes li{color:#7a4a00} figure{margin:1rem 0;break-inside:avoid}
svg{max-width:100%;height:auto}
@media print{body{margin:0;max-width:none} h2{break-after:avoid}}
</style></head><body>
<h1>${escape(title)}</h1>
${heading.partnerName ? `<p class="partner">${escape(fill(w.partner, { partner: heading.partnerName }))}</p>` : ''}
<p class="scope">${escape(scopeLine(report, w))}<br>${escape(w.generated)} ${escape(report.generatedAt)}</p>
${notes}
<h2>${escape(w.headline)}</h2>
<p class="headline">${escape(w.interventionHeadline)}: ${rate(report.rates.intervention, w)}</p>
<table>
<tr><th>${escape(w.warnedUsers)}</th><td>${report.totals.treatment}</td><th>${escape(w.holdoutUsers)}</th><td>${report.totals.holdout}</td></tr>
<tr><th>${escape(w.displayed)}</th><td>${rate(report.rates.displayed, w)}</td><th>${escape(w.timeToDecide)}</th><td>${escape(w.median)} ${seconds(report.timeToDecide.medianSeconds)}, ${escape(w.p90)} ${seconds(report.timeToDecide.p90Seconds)}</td></tr>
</table>
${outcomesHtml(report, w)}
${pilotNumberHtml(report, w)}
<figure>${interventionOverTime(report, w)}</figure>
<figure>${outcomeMix(report, w)}</figure>
<h2>${escape(w.effectHeading)}</h2>
${upliftEvidence.enough ? '' : `<p class="headline">${tooEarly(upliftEvidence, w)}</p>`}
<table>
<tr><th>${escape(w.outcomeReported)}</th><td>${rate(u.outcomeReported.warned, w)} / ${rate(u.outcomeReported.holdout, w)}</td></tr>
<tr><th>${escape(w.completedWarned)}</th><td>${rate(u.completionWarned, w)}</td></tr>
<tr><th>${escape(w.completedHoldout)}</th><td>${rate(u.completionHoldout, w)}</td></tr>
${
  upliftEvidence.enough
    ? `<tr><th>${escape(w.difference)}</th><td>${diff(u.difference, w)}</td></tr>
<tr><th>${escape(w.relativeDifference)}</th><td>${u.relative.difference === null ? escape(w.notEstimable) : `${pct(u.relative.difference)} <span class="ci">(${pct(u.relative.low)} to ${pct(u.relative.high)})</span>`}</td></tr>
<tr><th>${escape(w.test)}</th><td>z = ${u.test.statistic?.toFixed(2) ?? '—'}, p = ${p(u.test.p)}</td></tr>
${u.alwaysValid ? `<tr><th>${escape(w.alwaysValid)}</th><td>${diff(u.alwaysValid, w)}</td></tr>` : ''}`
    : ''
}
</table>
<figure>${upliftChart(report, w)}</figure>
<h2>${escape(w.sampleRatio)}</h2>
<table><tr><th>${escape(w.version)}</th><th>${escape(w.observed)}</th><th>${escape(w.pAssignment)}</th><th>${escape(w.pReported)}</th><th>${escape(w.pShareReported)}</th><th></th></tr>${srm || `<tr><td colspan="6">${escape(w.noExperimentData)}</td></tr>`}</table>
<h2>${escape(w.variants)}</h2>
<table><tr><th>${escape(w.variant)}</th><th>${escape(w.warned)}</th><th>${escape(w.interventionRate)}</th><th>${escape(w.completion)}</th></tr>
${report.variants.map((v) => `<tr><td>${escape(v.variant || '—')}</td><td>${v.decisions}</td><td>${rate(v.intervention, w)}</td><td>${rate(v.completion, w)}</td></tr>`).join('')}
</table>
${comparison ? `<p>${escape(fill(w.variantDifference, { a: comparison.a, b: comparison.b }))}: ${effectOrTooEarly(comparison.intervention, report.evidence.variants, w)}${report.evidence.variants?.enough ? `, p = ${p(comparison.test.p)}` : ''}</p>` : ''}
<h2>${escape(w.resourcesOpened)}</h2>
<table><tr><th>${escape(w.resource)}</th><th>${escape(w.openedBy)}</th></tr>
${report.resources.map((r) => `<tr><td>${escape(r.resourceId)}</td><td>${rate(r.opened, w)}</td></tr>`).join('') || `<tr><td colspan="2">${escape(w.noneOpened)}</td></tr>`}
</table>
<h2>${escape(w.perWeek)}</h2>
<table><tr><th>${escape(w.weekOf)}</th><th>${escape(w.warned)}</th><th>${escape(w.holdout)}</th><th>${escape(w.interventionRate)}</th></tr>
${report.weekly.map((wk) => `<tr><td>${wk.period}</td><td>${wk.treatment}</td><td>${wk.holdout}</td><td>${rate(wk.intervention, w)}</td></tr>`).join('')}
</table>
${extra}
<p class="ci">${escape(w.intervalsNote)}</p>
</body></html>`;
}
