import { useState } from 'react';
import { useCampaign } from '../campaign/campaign-page.js';
import { LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useResource } from '../hooks.js';
import { fill, isReportLanguage, REPORT_WORDS } from '../../../measurement/report-language.js';
import { useT } from '../i18n/index.js';
import type { CampaignDetail, PilotReport } from '../types.js';
import { emptyQuery, ReportFilter, reportQueryString, type ReportQuery } from './report-filter.js';
import { OutcomesTable, ResourcesTable, VariantsTable } from './detail-tables.js';
import { HeadlineCards } from './headline-cards.js';
import { PilotNumberSection } from './pilot-number-section.js';
import { QuizSection } from './quiz-section.js';
import { SeriesCharts } from './series-charts.js';
import { SrmBanners } from './srm-banners.js';

/** The languages the HTML report is written in (src/measurement/report-language.ts). */
const REPORT_LANGUAGES = [
  ['en', 'English'],
  ['zh-Hant', '繁體中文'],
  ['pt', 'Português'],
] as const;

export function DashboardTab() {
  const { t } = useT('dashboard');
  const { campaign } = useCampaign();
  const [filter, setFilter] = useState<ReportQuery>(emptyQuery);
  const query = reportQueryString(campaign.id, filter);
  const { state, reload } = useResource<PilotReport>(`/v1/reports/pilot${query}`);
  const [unit, setUnit] = useState<'day' | 'week'>('day');
  // Empty: the report picks the partner's (the jurisdiction's) language itself.
  const [reportLanguage, setReportLanguage] = useState('');
  const htmlQuery = reportLanguage ? `${query}&lang=${encodeURIComponent(reportLanguage)}` : query;

  return (
    <>
      <ReportFilter campaign={campaign} query={filter} onChange={setFilter} />
      <div className="toolbar">
        <a className="button" href={`/v1/reports/pilot.csv${query}`} download>
          {t('toolbar.downloadCsv')}
        </a>
        <label className="inline-field">
          <span>{t('toolbar.reportLanguage')}</span>
          <select value={reportLanguage} onChange={(event) => setReportLanguage(event.target.value)}>
            <option value="">{t('toolbar.partnerLanguage')}</option>
            {REPORT_LANGUAGES.map(([code, name]) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <a className="button" href={`/v1/reports/pilot.html${htmlQuery}`} download>
          {t('toolbar.downloadHtml')}
        </a>
        <button type="button" className="button-quiet" onClick={reload}>
          {t('toolbar.refresh')}
        </button>
      </div>
      <LoadStatus state={state} what="the report" />
      {state.status === 'ready' && (
        <Report
          report={state.data}
          campaign={campaign}
          unit={unit}
          onUnit={setUnit}
          filtered={filter !== emptyQuery}
        />
      )}
      <QuizSection jurisdiction={campaign.jurisdiction} />
    </>
  );
}

function Report({
  report,
  campaign,
  unit,
  onUnit,
  filtered,
}: {
  report: PilotReport;
  campaign: CampaignDetail;
  unit: 'day' | 'week';
  onUnit(u: 'day' | 'week'): void;
  filtered: boolean;
}) {
  const { t, i18n } = useT('dashboard');
  const periods = unit === 'day' ? report.daily : report.weekly;
  // The notes in the console's language, worded like the HTML report's (report-language.ts).
  const words = REPORT_WORDS[isReportLanguage(i18n.language) ? i18n.language : 'en'];
  return (
    <>
      <p className="meta">{t('generated', { time: formatTime(report.generatedAt) })}</p>
      <SrmBanners checks={report.sampleRatio} />
      {report.notes.length > 0 && (
        <ul className="notes" aria-label={t('notesLabel')}>
          {report.noteKeys.map((note, index) => (
            <li key={`${note.key}-${index}`}>{fill(words.notes[note.key], note.params)}</li>
          ))}
        </ul>
      )}
      {report.totals.decisions === 0 ? (
        <div className="empty-state">
          <h2>{t('empty.title')}</h2>
          <p>{filtered ? t('empty.filtered') : t('empty.none')}</p>
        </div>
      ) : (
        <>
          <HeadlineCards report={report} />
          <OutcomesTable report={report} />
          {report.pilotNumber && (
            <PilotNumberSection
              pilot={report.pilotNumber}
              evidence={report.evidence.upliftEveryone}
              campaign={campaign}
            />
          )}
          <section aria-labelledby="over-time-heading">
            <h2 id="over-time-heading">{t('overTime.heading')}</h2>
            <fieldset className="segmented">
              <legend>{t('overTime.groupBy')}</legend>
              <label>
                <input type="radio" name="unit" checked={unit === 'day'} onChange={() => onUnit('day')} />{' '}
                {t('overTime.day')}
              </label>
              <label>
                <input type="radio" name="unit" checked={unit === 'week'} onChange={() => onUnit('week')} />{' '}
                {t('overTime.week')}
              </label>
            </fieldset>
            {periods.length > 0 ? (
              <SeriesCharts periods={periods} unit={unit} />
            ) : (
              <p>{t('overTime.none')}</p>
            )}
          </section>
          <VariantsTable report={report} />
          <ResourcesTable report={report} />
        </>
      )}
    </>
  );
}
