import { formatCount, formatP, percent } from '../format.js';
import { useT } from '../i18n/index.js';
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

export function SrmBanners({ checks }: { checks: Entry[] }) {
  const { t } = useT('dashboard');
  const alarms = checks.flatMap((entry) =>
    (['assignment', 'analysed'] as const)
      .filter((stage) => entry[stage].mismatch)
      .map((stage) => ({ entry, stage, check: entry[stage] })),
  );
  const reporting = checks.filter((entry) => entry.outcomeReporting.mismatch);
  if (checks.length === 0) return null;
  if (alarms.length === 0 && reporting.length === 0) {
    return <p className="note-ok">{t('srm.ok')}</p>;
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
              {t('srm.title', {
                version: entry.version,
                campaign: entry.campaignId,
                stage: t(`srm.${stage}`),
              })}
            </p>
            <p>{t('srm.body', { observed, expected, p: formatP(check.p) })}</p>
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
            {t('srm.reportingTitle', { version: entry.version, campaign: entry.campaignId })}
          </p>
          <p>
            {t('srm.reportingBody', {
              warned: percent(entry.outcomeReporting.warned.rate),
              holdout: percent(entry.outcomeReporting.holdout.rate),
              p: formatP(entry.outcomeReporting.p),
            })}
          </p>
        </div>
      ))}
    </>
  );
}
