import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, errorMessage, path } from '../api.js';
import { DataTable } from '../components/data-table.js';
import { SelectField, TextField } from '../components/fields.js';
import { LoadError } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import { useT } from '../i18n/index.js';
import { useUser } from '../session.js';
import type { Jurisdiction, ReportList, ReportSummary } from '../types.js';
import { options, labelOf } from './labels.js';
import { SharingPanel } from './sharing-panel.js';
import { useScamReportLabels } from './use-labels.js';
import './scam-reports.css';

const FILTERS = ['status', 'jurisdiction', 'category', 'assignee', 'cluster', 'q'] as const;
type Filter = Record<(typeof FILTERS)[number], string>;

function filterOf(params: URLSearchParams): Filter {
  return Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])) as Filter;
}

function listPath(filter: Filter, cursor: string | null): string {
  const query = new URLSearchParams();
  for (const name of FILTERS) if (filter[name]) query.set(name, filter[name]);
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return `/v1/admin/scam-reports${text ? `?${text}` : ''}`;
}

/** The triage inbox: newest reports first, filtered by what the URL says (so a filter can be shared). */
export function ReportsPage() {
  const { t } = useT('scamReports');
  const labels = useScamReportLabels();
  useDocumentTitle(t('reports.title'));
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const applied = filterOf(params);
  const [draft, setDraft] = useState<Filter>(applied);
  const [items, setItems] = useState<ReportSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const jurisdictions = useResource<{ jurisdictions: Jurisdiction[] }>('/v1/admin/jurisdictions');
  const key = params.toString();

  const load = async (cursor: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<ReportList>(listPath(filterOf(new URLSearchParams(key)), cursor));
      setItems((old) => (cursor === null ? page.items : [...old, ...page.items]));
      setNext(page.nextCursor);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    setDraft(filterOf(new URLSearchParams(key)));
    void load(null);
    // Reloads when the URL's filter changes, not on every render.
  }, [key]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const name of FILTERS) if (draft[name].trim()) query.set(name, draft[name].trim());
    setParams(query);
  };

  const assignToMe = async (report: ReportSummary) => {
    setActionError(null);
    try {
      const patch = {
        assignee: user.email,
        // Taking a new report is starting to review it.
        status: report.status === 'new' ? ('in_review' as const) : report.status,
      };
      await api.patch(path`/v1/admin/scam-reports/${report.id}`, patch);
      setItems((old) => old.map((r) => (r.id === report.id ? { ...r, ...patch } : r)));
    } catch (caught) {
      setActionError(t('reports.notAssigned', { reference: report.reference, reason: errorMessage(caught) }));
    }
  };

  const codes = jurisdictions.state.status === 'ready' ? jurisdictions.state.data.jurisdictions : [];
  const set = (name: keyof Filter) => (value: string) => setDraft((d) => ({ ...d, [name]: value }));
  const filtered = FILTERS.some((name) => applied[name]);

  return (
    <>
      <h1>{t('reports.title')}</h1>
      <p className="lede">{t('reports.lede')}</p>
      {user.role === 'admin' && <SharingPanel />}
      <form onSubmit={apply} className="filter-bar" role="search" aria-label={t('reports.filterLabel')}>
        <SelectField
          label={t('filter.status')}
          value={draft.status}
          placeholder={t('filter.anyStatus')}
          options={options(labels.reportStatus)}
          onChange={set('status')}
        />
        <SelectField
          label={t('filter.jurisdiction')}
          value={draft.jurisdiction}
          placeholder={t('filter.anyJurisdiction')}
          options={codes.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }))}
          onChange={set('jurisdiction')}
        />
        <SelectField
          label={t('filter.category')}
          value={draft.category}
          placeholder={t('filter.anyCategory')}
          options={options(labels.category)}
          onChange={set('category')}
        />
        <TextField
          label={t('filter.assignee')}
          value={draft.assignee}
          onChange={set('assignee')}
          hint={t('filter.assigneeHint')}
        />
        <TextField
          label={t('filter.search')}
          type="search"
          value={draft.q}
          onChange={set('q')}
          hint={t('filter.searchHint')}
        />
        <button type="submit">{t('filter.apply')}</button>
        <button
          type="button"
          className="button-quiet"
          onClick={() => setDraft((d) => ({ ...d, assignee: user.email }))}
        >
          {t('filter.mine')}
        </button>
        {filtered && (
          <button type="button" className="button-quiet" onClick={() => setParams(new URLSearchParams())}>
            {t('filter.clear')}
          </button>
        )}
      </form>
      {applied.cluster && (
        <p>
          {t('reports.ofCluster')}{' '}
          <Link to={`/scam-clusters/${encodeURIComponent(applied.cluster)}`}>{applied.cluster}</Link>.
        </p>
      )}
      {error && <LoadError message={error} />}
      {actionError && <LoadError message={actionError} />}
      {items.length === 0 && !loading && !error ? (
        <p>{filtered ? t('reports.noneMatch') : t('reports.noneYet')}</p>
      ) : (
        <DataTable
          columns={[
            t('reports.columns.reference'),
            t('reports.columns.received'),
            t('reports.columns.category'),
            t('reports.columns.jurisdiction'),
            t('reports.columns.identifiers'),
            t('reports.columns.status'),
            t('reports.columns.assignee'),
            t('reports.columns.cluster'),
          ]}
          actions
          caption={t('reports.title')}
        >
          {items.map((report) => (
            <tr key={report.id}>
              <th scope="row">
                <Link to={`/scam-reports/${encodeURIComponent(report.id)}`}>{report.reference}</Link>
              </th>
              <td>{formatTime(report.createdAt)}</td>
              <td>{labelOf(labels.category, report.category)}</td>
              <td>{report.jurisdiction}</td>
              <td>
                <IdentifierList report={report} />
              </td>
              <td>{labelOf(labels.reportStatus, report.status)}</td>
              <td>{report.assignee ?? '—'}</td>
              <td>
                {report.clusterId ? (
                  <Link to={`/scam-clusters/${encodeURIComponent(report.clusterId)}`}>
                    {t('reports.viewCluster')}
                  </Link>
                ) : (
                  '—'
                )}
              </td>
              <td>
                {user.role !== 'partner_reviewer' && report.assignee !== user.email && (
                  <button type="button" className="button-quiet" onClick={() => void assignToMe(report)}>
                    {t('reports.assignToMe', { reference: report.reference })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <p role="status" className="hint">
        {loading ? t('reports.loading') : t('reports.shown', { count: items.length })}
      </p>
      {next && (
        <button type="button" disabled={loading} onClick={() => void load(next)}>
          {t('reports.more')}
        </button>
      )}
    </>
  );
}

function IdentifierList({ report }: { report: ReportSummary }) {
  const { t } = useT('scamReports');
  const [first, ...rest] = report.identifiers;
  if (!first) return <>—</>;
  return (
    <>
      <code>{first.display}</code>
      {rest.length > 0 && <>{t('reports.andMore', { count: rest.length })}</>}
    </>
  );
}
