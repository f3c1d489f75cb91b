import { useState } from 'react';
import { api, errorMessage, path } from '../api.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { DataTable } from '../components/data-table.js';
import { LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useResource } from '../hooks.js';

interface Sharing {
  jurisdiction: string;
  shared: boolean;
  sharedBy: string | null;
  sharedAt: string | null;
}

/**
 * The exchange decides, per jurisdiction, whether its police partner's reviewers may read that
 * jurisdiction's reports (never the reporter's contact, pseudonym, staff notes or evidence files).
 */
export function SharingPanel() {
  const { state, reload } = useResource<{ jurisdictions: Sharing[] }>('/v1/admin/scam-report-sharing');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const change = async (row: Sharing, shared: boolean) => {
    setError(null);
    try {
      await api.put(path`/v1/admin/scam-report-sharing/${row.jurisdiction}`, { shared });
      setMessage(
        shared
          ? `${row.jurisdiction} reports are now shared with its partner's reviewers.`
          : `${row.jurisdiction} reports are no longer shared.`,
      );
      reload();
    } catch (caught) {
      setError(`Sharing of ${row.jurisdiction} did not change: ${errorMessage(caught)}`);
    }
  };

  return (
    <section aria-labelledby="sharing-heading" className="panel">
      <h2 id="sharing-heading">Sharing with police reviewers</h2>
      <p className="hint">
        Off by default. When on, the partner&apos;s reviewers of that jurisdiction can read its reports and
        clusters, without the reporter&apos;s contact, pseudonym, staff notes or evidence files, and cannot
        triage.
      </p>
      <LoadStatus state={state} what="sharing" />
      {error && (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      )}
      <p role="status" className="save-state">
        {message}
      </p>
      {state.status === 'ready' && (
        <DataTable columns={['Jurisdiction', 'Shared', 'Since']} actions className="reflow">
          {state.data.jurisdictions.map((row) => (
            <tr key={row.jurisdiction}>
              <th scope="row" data-label="Jurisdiction">
                {row.jurisdiction}
              </th>
              <td data-label="Shared">{row.shared ? 'Yes' : 'No'}</td>
              <td data-label="Since">
                {row.sharedAt ? `${formatTime(row.sharedAt)} by ${row.sharedBy ?? '—'}` : '—'}
              </td>
              <td>
                {row.shared ? (
                  <ConfirmButton
                    label={`Stop sharing ${row.jurisdiction} reports`}
                    question={`Stop sharing ${row.jurisdiction} reports? Its reviewers lose access at once.`}
                    confirmLabel="Stop sharing"
                    danger
                    onConfirm={() => change(row, false)}
                  />
                ) : (
                  <ConfirmButton
                    label={`Share ${row.jurisdiction} reports`}
                    question={`Let the ${row.jurisdiction} partner's reviewers read its reports (no reporter data)?`}
                    confirmLabel="Share"
                    onConfirm={() => change(row, true)}
                  />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
