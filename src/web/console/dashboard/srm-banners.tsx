import { formatCount, formatP, percent } from '../format.js';
import type { PilotReport, SampleRatioCheck } from '../types.js';

type Entry = PilotReport['sampleRatio'][number];

/** "treatment 812 (81.2%) / holdout 188 (18.8%)" against "treatment 80.0% / holdout 20.0%". */
function splitWords(check: SampleRatioCheck): { observed: string; expected: string } {
  const arms = Object.keys(check.expectedShare);
  for (const arm of Object.keys(check.observed)) if (!arms.includes(arm)) arms.push(arm);
  const total = arms.reduce((sum, arm) => sum + (check.observed[arm] ?? 0), 0);
  const observed = arms
    .map((arm) => {
      const n = check.observed[arm] ?? 0;
      return `${arm} ${formatCount(n)} (${percent(total > 0 ? n / total : null)})`;
    })
    .join(' / ');
  const expected = arms.map((arm) => `${arm} ${percent(check.expectedShare[arm] ?? 0)}`).join(' / ');
  return { observed, expected };
}

const stageWords = {
  assignment: 'in who was assigned to each arm',
  analysed: 'in the decisions whose outcome was reported',
} as const;

export function SrmBanners({ checks }: { checks: Entry[] }) {
  const alarms = checks.flatMap((entry) =>
    (['assignment', 'analysed'] as const)
      .filter((stage) => entry[stage].mismatch)
      .map((stage) => ({ entry, stage, check: entry[stage] })),
  );
  const reporting = checks.filter((entry) => entry.outcomeReporting.mismatch);
  if (checks.length === 0) return null;
  if (alarms.length === 0 && reporting.length === 0) {
    return (
      <p className="note-ok">Sample ratio OK: every version split users between the arms as configured.</p>
    );
  }
  return (
    <>
      {alarms.map(({ entry, stage, check }) => {
        const { observed, expected } = splitWords(check);
        return (
          <div
            role="alert"
            className="alert alert-error srm"
            key={`${entry.campaignId}:${entry.version}:${stage}`}
          >
            <p className="alert-title">
              Sample ratio mismatch in version {entry.version} of {entry.campaignId}, {stageWords[stage]}
            </p>
            <p>
              Observed {observed}; expected {expected} ({formatP(check.p)}). Assignment or data collection is
              broken for this version, so its comparison with the holdout cannot be trusted until the cause is
              found.
            </p>
          </div>
        );
      })}
      {reporting.map((entry) => (
        <div
          role="alert"
          className="alert alert-error srm"
          key={`${entry.campaignId}:${entry.version}:reporting`}
        >
          <p className="alert-title">
            Outcome reporting differs between the arms in version {entry.version} of {entry.campaignId}
          </p>
          <p>
            Outcomes reported for {percent(entry.outcomeReporting.warned.rate)} of warned and{' '}
            {percent(entry.outcomeReporting.holdout.rate)} of holdout decisions (
            {formatP(entry.outcomeReporting.p)}). One arm loses more reports than the other, so its comparison
            with the holdout cannot be trusted until the cause is found.
          </p>
        </div>
      ))}
    </>
  );
}
