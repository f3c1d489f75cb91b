import { useState } from 'react';
import { useCampaign } from '../campaign/campaign-page.js';
import { LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useResource } from '../hooks.js';
import type { CampaignDetail, PilotReport } from '../types.js';
import { emptyQuery, ReportFilter, reportQueryString, type ReportQuery } from './report-filter.js';
import { OutcomesTable, ResourcesTable, VariantsTable } from './detail-tables.js';
import { HeadlineCards } from './headline-cards.js';
import { PilotNumberSection } from './pilot-number-section.js';
import { QuizSection } from './quiz-section.js';
import { SeriesCharts } from './series-charts.js';
import { SrmBanners } from './srm-banners.js';

export function DashboardTab() {
  const { campaign } = useCampaign();
  const [filter, setFilter] = useState<ReportQuery>(emptyQuery);
  const query = reportQueryString(campaign.id, filter);
  const { state, reload } = useResource<PilotReport>(`/v1/reports/pilot${query}`);
  const [unit, setUnit] = useState<'day' | 'week'>('day');

  return (
    <>
      <ReportFilter campaign={campaign} query={filter} onChange={setFilter} />
      <div className="toolbar">
        <a className="button" href={`/v1/reports/pilot.csv${query}`} download>
          Download CSV
        </a>
        <a className="button" href={`/v1/reports/pilot.html${query}`} download>
          Download HTML report
        </a>
        <button type="button" className="button-quiet" onClick={reload}>
          Refresh
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
  const periods = unit === 'day' ? report.daily : report.weekly;
  return (
    <>
      <p className="meta">Generated {formatTime(report.generatedAt)}. Days are UTC days.</p>
      <SrmBanners checks={report.sampleRatio} />
      {report.notes.length > 0 && (
        <ul className="notes" aria-label="Notes on these figures">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {report.totals.decisions === 0 ? (
        <div className="empty-state">
          <h2>No data yet</h2>
          {filtered ? (
            <p>No decisions match this version and date range (n = 0).</p>
          ) : (
            <p>
              No withdrawal has been screened by this campaign yet (n = 0). Figures appear here once it is
              live and exchanges send decisions and reactions.
            </p>
          )}
        </div>
      ) : (
        <>
          <HeadlineCards report={report} />
          {report.pilotNumber && <PilotNumberSection pilot={report.pilotNumber} campaign={campaign} />}
          <section aria-labelledby="over-time-heading">
            <h2 id="over-time-heading">Over time</h2>
            <fieldset className="segmented">
              <legend>Group by</legend>
              <label>
                <input type="radio" name="unit" checked={unit === 'day'} onChange={() => onUnit('day')} /> Day
              </label>
              <label>
                <input type="radio" name="unit" checked={unit === 'week'} onChange={() => onUnit('week')} />{' '}
                Week
              </label>
            </fieldset>
            {periods.length > 0 ? (
              <SeriesCharts periods={periods} unit={unit} />
            ) : (
              <p>No periods to chart.</p>
            )}
          </section>
          <OutcomesTable report={report} />
          <VariantsTable report={report} />
          <ResourcesTable report={report} />
        </>
      )}
    </>
  );
}
