import { useState } from 'react';
import { api, path } from '../api.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { DataTable } from '../components/data-table.js';
import { SelectField } from '../components/fields.js';
import { ErrorAlert, LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import type { Officer } from '../types.js';

const STATUS_OPTIONS = [
  { value: 'pending', label: 'Awaiting approval (email confirmed)' },
  { value: 'unconfirmed', label: 'Email not confirmed yet' },
  { value: 'approved', label: 'Approved' },
  { value: 'rejected', label: 'Rejected' },
];

/** Officers who signed up on the police portal; an approved officer can file requests for their agency. */
export function OfficersPage() {
  useDocumentTitle('Police officers');
  const [status, setStatus] = useState('pending');
  const { state, reload } = useResource<Officer[]>(
    `/v1/admin/officers${status ? `?status=${encodeURIComponent(status)}` : ''}`,
  );
  const [actionError, setActionError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const decide = async (officer: Officer, decision: 'approve' | 'reject') => {
    setActionError(null);
    setDone(null);
    try {
      await api.post(path`/v1/admin/officers/${officer.id}/${decision}`);
      setDone(
        decision === 'approve'
          ? `${officer.name} (${officer.agencyName}) can now sign in and file requests.`
          : `${officer.name}’s account was rejected.`,
      );
      reload();
    } catch (error) {
      setActionError(error);
    }
  };

  return (
    <>
      <h1>Police officers</h1>
      <p className="lede">
        Officers sign up on the police portal with an email of their agency’s official domain and confirm it.
        Check with the agency before approving: an approved officer can file requests on its behalf.
      </p>
      <div className="filter-bar">
        <SelectField
          label="Show"
          value={status}
          onChange={setStatus}
          placeholder="All officers"
          options={STATUS_OPTIONS}
        />
      </div>
      <ErrorAlert error={actionError} />
      {done && (
        <p role="status" className="alert alert-success">
          {done}
        </p>
      )}
      <LoadStatus state={state} what="officers" />
      {state.status === 'ready' &&
        (state.data.length === 0 ? (
          <p className="empty-state">No officers here.</p>
        ) : (
          <DataTable columns={['Name', 'Email', 'Agency', 'Signed up', 'Email confirmed', 'Status']} actions>
            {state.data.map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.name}</th>
                <td>{o.email}</td>
                <td>{o.agencyName}</td>
                <td>{formatTime(o.createdAt)}</td>
                <td>{o.confirmedAt ? formatTime(o.confirmedAt) : 'Not yet'}</td>
                <td>
                  {o.status}
                  {o.decidedBy && ` (by ${o.decidedBy}, ${formatTime(o.decidedAt)})`}
                </td>
                <td className="actions">
                  {o.status === 'pending' && (
                    <>
                      <button type="button" className="button-primary" onClick={() => decide(o, 'approve')}>
                        Approve {o.email}
                      </button>{' '}
                      <ConfirmButton
                        label={`Reject ${o.email}`}
                        question="Reject this officer? They cannot sign in to file requests."
                        confirmLabel="Yes, reject"
                        danger
                        onConfirm={() => decide(o, 'reject')}
                      />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        ))}
    </>
  );
}
