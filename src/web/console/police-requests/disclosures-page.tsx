import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { DataTable } from '../components/data-table.js';
import { TextField } from '../components/fields.js';
import { LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import type { Disclosure } from '../types.js';

/**
 * The disclosure log: every field about every subject that left for police, under which request.
 * "Who has received data about this account?" is a search by subject; the export is for a
 * regulator or the data protection officer.
 */
export function DisclosuresPage() {
  useDocumentTitle('Disclosure log');
  const [params, setParams] = useSearchParams();
  const subject = params.get('subject') ?? '';
  const requestId = params.get('requestId') ?? '';
  const [typed, setTyped] = useState(subject);
  const query = new URLSearchParams();
  if (subject) query.set('subject', subject);
  if (requestId) query.set('requestId', requestId);
  const q = query.toString();
  const { state } = useResource<Disclosure[]>(`/v1/admin/disclosures${q ? `?${q}` : ''}`);
  const exportQuery = new URLSearchParams({ format: 'csv' });
  if (subject) exportQuery.set('subject', subject);

  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (typed.trim()) next.set('subject', typed.trim());
    setParams(next);
  };

  return (
    <>
      <h1>Disclosure log</h1>
      <p className="lede">
        Every piece of data disclosed to police: to whom, under which request and legal basis, by whom and
        when. Append-only: nothing here can be changed or deleted. Times are UTC.
      </p>
      <form onSubmit={search} className="filter-bar" role="search" aria-label="Search the disclosure log">
        <TextField
          label="Subject"
          type="search"
          value={typed}
          onChange={setTyped}
          hint="An address, account, domain or pseudonym: who has received data about it?"
        />
        <button type="submit">Search</button>
        {(subject || requestId) && (
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
              setTyped('');
              setParams(new URLSearchParams());
            }}
          >
            Show all
          </button>
        )}
        <a className="button" href={`/v1/admin/disclosures/export?${exportQuery.toString()}`} download>
          Export as CSV{subject ? ' (this subject)' : ''}
        </a>
      </form>
      {requestId && <p>Showing the disclosures of one request.</p>}
      <LoadStatus state={state} what="the disclosure log" />
      {state.status === 'ready' &&
        (state.data.length === 0 ? (
          <p className="empty-state">
            {subject ? `Nothing about ${subject} has been disclosed.` : 'Nothing has been disclosed yet.'}
          </p>
        ) : (
          <DataTable
            columns={[
              'When',
              'Subject',
              'Field',
              'Agency',
              'Officer',
              'Case',
              'Legal basis',
              'Disclosed by',
              'Override',
            ]}
            caption="Disclosures"
            className="audit"
          >
            {state.data.map((d) => (
              <tr key={d.id}>
                <th scope="row">{formatTime(d.disclosedAt)}</th>
                <td>
                  <code>{d.subject}</code>
                </td>
                <td>{d.field}</td>
                <td>{d.agencyName}</td>
                <td>{d.officerEmail}</td>
                <td>{d.caseNumber}</td>
                <td>{d.legalBasis}</td>
                <td>{d.disclosedBy}</td>
                <td>{d.overrideReason ?? '—'}</td>
              </tr>
            ))}
          </DataTable>
        ))}
    </>
  );
}
