import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../components/data-table.js';
import { SelectField } from '../components/fields.js';
import { LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import type { PoliceRequest } from '../types.js';
import { DueTimer } from './due-timer.js';
import { statusLabel, statusText, typeText } from './labels.js';

const TIMER_OPTIONS = [
  { value: 'overdue', label: 'Overdue' },
  { value: 'due_soon', label: 'Due soon' },
  { value: 'due', label: 'Due' },
];

function inboxPath(status: string, due: string): string {
  const query = new URLSearchParams();
  if (status) query.set('status', status);
  if (due) query.set('due', due);
  const q = query.toString();
  return `/v1/admin/police-requests${q ? `?${q}` : ''}`;
}

/** Requests from police agencies, by deadline (the server puts emergencies first). */
export function PoliceInboxPage() {
  useDocumentTitle('Police requests');
  const [status, setStatus] = useState('');
  const [due, setDue] = useState('');
  const { state, reload } = useResource<PoliceRequest[]>(inboxPath(status, due));
  return (
    <>
      <h1>Police requests</h1>
      <p className="lede">
        Requests from verified officers of partner agencies, soonest deadline first, emergencies on top. Times
        are UTC.
      </p>
      <div className="filter-bar" role="search" aria-label="Filter police requests">
        <SelectField
          label="Status"
          value={status}
          onChange={setStatus}
          placeholder="Any status"
          options={Object.entries(statusLabel).map(([value, label]) => ({ value, label }))}
        />
        <SelectField
          label="Deadline"
          value={due}
          onChange={setDue}
          placeholder="Any deadline"
          options={TIMER_OPTIONS}
        />
        <button type="button" onClick={reload}>
          Refresh
        </button>
      </div>
      <LoadStatus state={state} what="police requests" />
      {state.status === 'ready' &&
        (state.data.length === 0 ? (
          <p className="empty-state">No requests{status || due ? ' match this filter' : ''}.</p>
        ) : (
          <DataTable
            columns={['Case number', 'Agency', 'Type', 'Status', 'Assignee', 'Deadline', 'Filed']}
            caption="Police requests by deadline"
            className="police-inbox"
          >
            {state.data.map((r) => (
              <tr key={r.id} className={r.type === 'emergency' ? 'row-emergency' : undefined}>
                <th scope="row">
                  <Link to={`/police-requests/${encodeURIComponent(r.id)}`}>{r.caseNumber}</Link>
                </th>
                <td>{r.agencyName}</td>
                <td>
                  {r.type === 'emergency' ? (
                    <strong className="badge-emergency">Emergency</strong>
                  ) : (
                    typeText(r.type, true)
                  )}
                </td>
                <td>{statusText(r.status)}</td>
                <td>{r.assignee ?? 'Unassigned'}</td>
                <td>
                  <DueTimer request={r} />
                </td>
                <td>{formatTime(r.createdAt)}</td>
              </tr>
            ))}
          </DataTable>
        ))}
    </>
  );
}
