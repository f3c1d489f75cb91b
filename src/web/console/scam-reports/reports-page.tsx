import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, errorMessage, path } from '../api.js';
import { DataTable } from '../components/data-table.js';
import { SelectField, TextField } from '../components/fields.js';
import { LoadError } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import { useUser } from '../session.js';
import type { Jurisdiction, ReportList, ReportSummary } from '../types.js';
import { categoryLabel, options, reportStatusLabel, labelOf } from './labels.js';
import { SharingPanel } from './sharing-panel.js';
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
  useDocumentTitle('Scam reports');
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
      setActionError(`${report.reference} was not assigned: ${errorMessage(caught)}`);
    }
  };

  const codes = jurisdictions.state.status === 'ready' ? jurisdictions.state.data.jurisdictions : [];
  const set = (name: keyof Filter) => (value: string) => setDraft((d) => ({ ...d, [name]: value }));
  const filtered = FILTERS.some((name) => applied[name]);

  return (
    <>
      <h1>Scam reports</h1>
      <p className="lede">
        Reports from users, exchanges and the public check page. Unconfirmed reports never block anyone;
        confirm a cluster to turn its identifiers into warnings.
      </p>
      {user.role === 'admin' && <SharingPanel />}
      <form onSubmit={apply} className="filter-bar" role="search" aria-label="Filter the reports">
        <SelectField
          label="Status"
          value={draft.status}
          placeholder="Any status"
          options={options(reportStatusLabel)}
          onChange={set('status')}
        />
        <SelectField
          label="Jurisdiction"
          value={draft.jurisdiction}
          placeholder="Any jurisdiction"
          options={codes.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }))}
          onChange={set('jurisdiction')}
        />
        <SelectField
          label="Category"
          value={draft.category}
          placeholder="Any category"
          options={options(categoryLabel)}
          onChange={set('category')}
        />
        <TextField label="Assignee" value={draft.assignee} onChange={set('assignee')} hint="An email" />
        <TextField
          label="Search"
          type="search"
          value={draft.q}
          onChange={set('q')}
          hint="Reference or identifier"
        />
        <button type="submit">Apply filter</button>
        <button
          type="button"
          className="button-quiet"
          onClick={() => setDraft((d) => ({ ...d, assignee: user.email }))}
        >
          Mine
        </button>
        {filtered && (
          <button type="button" className="button-quiet" onClick={() => setParams(new URLSearchParams())}>
            Clear filter
          </button>
        )}
      </form>
      {applied.cluster && (
        <p>
          Reports of cluster{' '}
          <Link to={`/scam-clusters/${encodeURIComponent(applied.cluster)}`}>{applied.cluster}</Link>.
        </p>
      )}
      {error && <LoadError message={error} />}
      {actionError && <LoadError message={actionError} />}
      {items.length === 0 && !loading && !error ? (
        <p>No reports{filtered ? ' match this filter' : ' yet'}.</p>
      ) : (
        <DataTable
          columns={[
            'Reference',
            'Received',
            'Category',
            'Jurisdiction',
            'Identifiers',
            'Status',
            'Assignee',
            'Cluster',
          ]}
          actions
          caption="Scam reports"
        >
          {items.map((report) => (
            <tr key={report.id}>
              <th scope="row">
                <Link to={`/scam-reports/${encodeURIComponent(report.id)}`}>{report.reference}</Link>
              </th>
              <td>{formatTime(report.createdAt)}</td>
              <td>{labelOf(categoryLabel, report.category)}</td>
              <td>{report.jurisdiction}</td>
              <td>
                <IdentifierList report={report} />
              </td>
              <td>{labelOf(reportStatusLabel, report.status)}</td>
              <td>{report.assignee ?? '—'}</td>
              <td>
                {report.clusterId ? (
                  <Link to={`/scam-clusters/${encodeURIComponent(report.clusterId)}`}>View cluster</Link>
                ) : (
                  '—'
                )}
              </td>
              <td>
                {user.role !== 'partner_reviewer' && report.assignee !== user.email && (
                  <button type="button" className="button-quiet" onClick={() => void assignToMe(report)}>
                    Assign {report.reference} to me
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <p role="status" className="hint">
        {loading ? 'Loading reports…' : `${items.length} reports shown.`}
      </p>
      {next && (
        <button type="button" disabled={loading} onClick={() => void load(next)}>
          More
        </button>
      )}
    </>
  );
}

function IdentifierList({ report }: { report: ReportSummary }) {
  const [first, ...rest] = report.identifiers;
  if (!first) return <>—</>;
  return (
    <>
      <code>{first.display}</code>
      {rest.length > 0 && <> and {rest.length} more</>}
    </>
  );
}
