import { Link } from 'react-router';
import { DataTable } from '../../console/components/data-table.js';
import { LoadStatus } from '../../console/components/problems.js';
import { DueTimer } from '../components/timer.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import { formatTime, statusText, typeText } from '../labels.js';
import { useOfficer } from '../session.js';
import type { PoliceRequest } from '../types.js';

export function RequestsPage() {
  useDocumentTitle('My agency’s requests');
  const officer = useOfficer();
  const { state } = useResource<PoliceRequest[]>('/police/api/requests');
  return (
    <>
      <h1>My agency’s requests</h1>
      <p className="lede">
        Requests filed by officers of {officer.agencyName}. Quote the case number in any message about a
        request. Times are UTC.
      </p>
      <p>
        <Link className="button button-primary" to="/requests/new">
          File a new request
        </Link>
      </p>
      <LoadStatus state={state} what="requests" />
      {state.status === 'ready' &&
        (state.data.length === 0 ? (
          <p className="empty-state">Your agency has not filed any request yet.</p>
        ) : (
          <DataTable
            columns={['Case number', 'Type', 'Your reference', 'Status', 'Deadline', 'Filed']}
            caption="Requests of your agency"
          >
            {state.data.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/requests/${encodeURIComponent(r.id)}`}>{r.caseNumber}</Link>
                </th>
                <td>{typeText(r.type, true)}</td>
                <td>{r.agencyReference}</td>
                <td>{statusText(r.status)}</td>
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
