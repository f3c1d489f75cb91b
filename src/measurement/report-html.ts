import { interventionOverTime, outcomeMix, upliftChart } from './report-charts.js';
import { pilotNumberHtml } from './report-html-pilot.js';
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
  d.difference === null
    ? 'not estimable'
    : `${(d.difference * 100).toFixed(1)} points <span class="ci">(${(d.low! * 100).toFixed(1)} to ${(d.high! * 100).toFixed(1)})</span>`;
// Quantiles come from a histogram: an upper bound, or past its last bucket (30 minutes).
const seconds = (value: number | null) => (value === null ? '—' : `≤ ${value} s`);
const p = (value: number | null) => (value === null ? '—' : value < 0.0001 ? '< 0.0001' : value.toFixed(4));

/**
 * A self-contained pilot report: inline CSS and SVG, no scripts, prints on A4. `extra` is HTML other
 * parts add in the same style (the phishing quiz), already escaped.
 */
export function reportHtml(report: PilotReport, title: string, extra = ''): string {
  const f = report.filter;
  const scope = [
    f.campaign && `campaign ${f.campaign}`,
    f.jurisdiction && `jurisdiction ${f.jurisdiction}`,
    f.version !== undefined && `version ${f.version}`,
    f.variant && `variant ${f.variant}`,
    f.locale && `locale ${f.locale}`,
    f.asset && `asset ${f.asset}`,
    f.amountBand && `amount ${f.amountBand} USD`,
    `${f.from ?? 'start'} to ${f.to ?? 'today'}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const u = report.uplift;
  const srm = report.sampleRatio
    .map(
      (s) =>
        `<tr><td>${escape(s.campaignId)} v${s.version}</td><td>${Object.entries(s.assignment.observed)
          .map(([k, n]) => `${escape(k)}: ${n}`)
          .join(
            ', ',
          )}</td><td>${p(s.assignment.p)}</td><td>${p(s.analysed.p)}</td><td>${p(s.outcomeReporting.p)}</td><td>${
          s.assignment.mismatch || s.analysed.mismatch || s.outcomeReporting.mismatch
            ? '<strong class="alarm">MISMATCH</strong>'
            : 'ok'
        }</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:780px;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.2rem} h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ccc}
.scope{color:#444} .ci{color:#555;font-size:.9em} .headline{font-size:1.3rem}
table{border-collapse:collapse;width:100%;font-size:.92rem} td,th{border-bottom:1px solid #e5e5e5;padding:.3rem;text-align:left}
.alarm{color:#b00020} .notes li{color:#7a4a00} figure{margin:1rem 0;break-inside:avoid}
@media print{body{margin:0;max-width:none} h2{break-after:avoid}}
</style></head><body>
<h1>${escape(title)}</h1>
<p class="scope">${escape(scope)}<br>Generated ${escape(report.generatedAt)}</p>
${report.notes.length > 0 ? `<ul class="notes">${report.notes.map((n) => `<li>${escape(n)}</li>`).join('')}</ul>` : ''}
<h2>Headline</h2>
<p class="headline">Intervention rate (cancelled or checked, of users shown the warning): ${rate(report.rates.intervention)}</p>
<table>
<tr><th>Warned users</th><td>${report.totals.treatment}</td><th>Holdout users</th><td>${report.totals.holdout}</td></tr>
<tr><th>Displayed</th><td>${rate(report.rates.displayed)}</td><th>Cancelled</th><td>${rate(report.rates.cancelled)}</td></tr>
<tr><th>Verified (checked, then decided)</th><td>${rate(report.rates.verified)}</td><th>Proceeded</th><td>${rate(report.rates.proceeded)}</td></tr>
<tr><th>Abandoned</th><td>${rate(report.rates.abandoned)}</td><th>Time to decide</th><td>median ${seconds(report.timeToDecide.medianSeconds)}, p90 ${seconds(report.timeToDecide.p90Seconds)}</td></tr>
</table>
${pilotNumberHtml(report)}
<figure>${interventionOverTime(report)}</figure>
<figure>${outcomeMix(report)}</figure>
<h2>Effect against the holdout</h2>
<table>
<tr><th>Outcome reported, warned / holdout</th><td>${rate(u.outcomeReported.warned)} / ${rate(u.outcomeReported.holdout)}</td></tr>
<tr><th>Completed withdrawals, warned</th><td>${rate(u.completionWarned)}</td></tr>
<tr><th>Completed withdrawals, holdout</th><td>${rate(u.completionHoldout)}</td></tr>
<tr><th>Difference</th><td>${diff(u.difference)}</td></tr>
<tr><th>Relative difference</th><td>${u.relative.difference === null ? 'not estimable' : `${pct(u.relative.difference)} <span class="ci">(${pct(u.relative.low)} to ${pct(u.relative.high)})</span>`}</td></tr>
<tr><th>Two-proportion test</th><td>z = ${u.test.statistic?.toFixed(2) ?? '—'}, p = ${p(u.test.p)}</td></tr>
${u.alwaysValid ? `<tr><th>Always-valid interval (safe to watch daily)</th><td>${diff(u.alwaysValid)}</td></tr>` : ''}
</table>
<figure>${upliftChart(report)}</figure>
<h2>Sample ratio check</h2>
<table><tr><th>Version</th><th>Observed</th><th>p (assignment)</th><th>p (reported outcomes)</th><th>p (share reported, warned vs holdout)</th><th></th></tr>${srm || '<tr><td colspan="6">No experiment data.</td></tr>'}</table>
<h2>Variants</h2>
<table><tr><th>Variant</th><th>Warned</th><th>Intervention rate</th><th>Completion</th></tr>
${report.variants.map((v) => `<tr><td>${escape(v.variant || '—')}</td><td>${v.decisions}</td><td>${rate(v.intervention)}</td><td>${rate(v.completion)}</td></tr>`).join('')}
</table>
${report.variantComparison ? `<p>${escape(report.variantComparison.a)} − ${escape(report.variantComparison.b)} intervention: ${diff(report.variantComparison.intervention)}, p = ${p(report.variantComparison.test.p)}</p>` : ''}
<h2>Resources opened</h2>
<table><tr><th>Resource</th><th>Opened by</th></tr>
${report.resources.map((r) => `<tr><td>${escape(r.resourceId)}</td><td>${rate(r.opened)}</td></tr>`).join('') || '<tr><td colspan="2">None opened.</td></tr>'}
</table>
<h2>Per week</h2>
<table><tr><th>Week of</th><th>Warned</th><th>Holdout</th><th>Intervention rate</th></tr>
${report.weekly.map((w) => `<tr><td>${w.period}</td><td>${w.treatment}</td><td>${w.holdout}</td><td>${rate(w.intervention)}</td></tr>`).join('')}
</table>
${extra}
<p class="ci">Intervals are 95% Wilson score intervals (rates) and Newcombe hybrid score intervals (differences).</p>
</body></html>`;
}
