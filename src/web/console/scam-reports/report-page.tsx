import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, path } from '../api.js';
import { DataTable } from '../components/data-table.js';
import { SelectField, TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource, useSubmit } from '../hooks.js';
import { useUser } from '../session.js';
import type { ReportDetail } from '../types.js';
import { categoryLabel, firstContactLabel, options, reportStatusLabel, labelOf } from './labels.js';
import './scam-reports.css';

/** One report as triage sees it: what was reported, the evidence, the notes, and its cluster. */
export function ReportPage() {
  const { id = '' } = useParams();
  const { state, reload } = useResource<ReportDetail>(path`/v1/admin/scam-reports/${id}`);
  const report = state.status === 'ready' ? state.data : null;
  useDocumentTitle(report ? `Report ${report.reference}` : 'Scam report');
  // A partner's reviewer reads what the exchange shares; triage stays with the exchange's staff.
  const readOnly = useUser().role === 'partner_reviewer';

  if (!report) {
    return (
      <>
        <h1>{state.status === 'error' && state.httpStatus === 404 ? 'Report not found' : 'Scam report'}</h1>
        <LoadStatus state={state} what="the report" />
        <p>
          <Link to="/scam-reports">All reports</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p>
        <Link to="/scam-reports">All reports</Link>
      </p>
      <h1>Report {report.reference}</h1>
      <dl className="facts">
        <dt>Status</dt>
        <dd>{labelOf(reportStatusLabel, report.status)}</dd>
        <dt>Category</dt>
        <dd>{labelOf(categoryLabel, report.category)}</dd>
        <dt>Jurisdiction</dt>
        <dd>{report.jurisdiction}</dd>
        <dt>Received</dt>
        <dd>
          {formatTime(report.createdAt)} via {report.channel}
        </dd>
        <dt>Assignee</dt>
        <dd>{report.assignee ?? 'Nobody'}</dd>
        <dt>Cluster</dt>
        <dd>
          {report.clusterId ? (
            <Link to={`/scam-clusters/${encodeURIComponent(report.clusterId)}`}>
              Cluster {report.clusterId}
            </Link>
          ) : (
            'None'
          )}
        </dd>
        <dt>Loss</dt>
        <dd>
          {report.loss ? `${report.loss.amount} ${report.loss.asset} on ${report.loss.date}` : 'Not given'}
        </dd>
        <dt>First contact</dt>
        <dd>{report.firstContact ? labelOf(firstContactLabel, report.firstContact) : 'Not given'}</dd>
        <dt>Police may contact the reporter</dt>
        <dd>{report.consentToPoliceContact ? 'Yes' : 'No'}</dd>
        {report.reporterContact && (
          <>
            <dt>Reporter contact</dt>
            <dd>
              {[report.reporterContact.name, report.reporterContact.email, report.reporterContact.phone]
                .filter(Boolean)
                .join(' · ') || '—'}
            </dd>
          </>
        )}
      </dl>

      <h2>Identifiers</h2>
      <DataTable columns={['Identifier', 'Kind', 'Key']} caption="Identifiers named in the report">
        {report.identifiers.map((identifier) => (
          <tr key={identifier.key}>
            <th scope="row">
              <code>{identifier.display}</code>
            </th>
            <td>{identifier.kind}</td>
            <td>
              <code>{identifier.key}</code>
            </td>
          </tr>
        ))}
      </DataTable>
      {report.transactionHashes.length > 0 && (
        <>
          <h3>Transaction hashes</h3>
          <ul>
            {report.transactionHashes.map((hash) => (
              <li key={hash}>
                <code>{hash}</code>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>What the reporter said</h2>
      {/* Reporter text is shown as text, never as markup. */}
      <blockquote className="report-text" dir="auto">
        {report.description}
      </blockquote>

      <h2>Evidence</h2>
      {readOnly ? (
        <p>
          {report.evidenceCount === 0
            ? 'No files attached.'
            : `${report.evidenceCount} file(s) attached; the exchange keeps evidence files for its own staff.`}
        </p>
      ) : report.evidence.length === 0 ? (
        <p>No files attached.</p>
      ) : (
        <ul>
          {report.evidence.map((file, i) => (
            <li key={file.id}>
              <a href={path`/v1/admin/scam-reports/${report.id}/evidence/${file.id}`} download>
                File {i + 1} ({file.mediaType}, {Math.ceil(file.size / 1024)} KB)
              </a>{' '}
              <span className="hint">
                SHA-256 <code>{file.sha256.slice(0, 16)}…</code>, {formatTime(file.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}

      {readOnly ? (
        <p className="hint">
          Shared with you for reading by the exchange: the reporter&apos;s contact, pseudonym and the
          staff&apos;s notes are withheld; the exchange&apos;s analysts triage.
        </p>
      ) : (
        <>
          <TriageForm report={report} onDone={reload} />

          <h2>Notes</h2>
          {report.notes.length === 0 ? (
            <p>No notes yet.</p>
          ) : (
            <ol className="notes-list">
              {report.notes.map((note) => (
                <li key={note.id}>
                  <p className="hint">
                    {note.author}, {formatTime(note.createdAt)}
                  </p>
                  <p dir="auto">{note.text}</p>
                </li>
              ))}
            </ol>
          )}
          <NoteForm reportId={report.id} onDone={reload} />
        </>
      )}
    </>
  );
}

function TriageForm({ report, onDone }: { report: ReportDetail; onDone(): void }) {
  const user = useUser();
  const [status, setStatus] = useState<string>(report.status);
  const [assignee, setAssignee] = useState(report.assignee ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const { error, errors, submit } = useSubmit(async () => {
    setSaved(null);
    await api.patch(path`/v1/admin/scam-reports/${report.id}`, {
      status,
      assignee: assignee.trim() || null,
    });
    setSaved('Saved.');
    onDone();
  });
  return (
    <FormPanel
      headingId="triage-heading"
      title="Triage"
      error={error}
      failedTitle="The report was not updated."
      submitLabel="Save triage"
      onSubmit={submit}
      status={saved}
    >
      <SelectField
        label="Status"
        value={status}
        options={options(reportStatusLabel)}
        onChange={setStatus}
        errors={errors('/status')}
      />
      <TextField
        label="Assignee"
        type="email"
        value={assignee}
        onChange={setAssignee}
        errors={errors('/assignee')}
        hint="Leave empty for nobody."
      />
      <div className="field">
        <button type="button" className="button-quiet" onClick={() => setAssignee(user.email)}>
          Assign to me
        </button>
      </div>
    </FormPanel>
  );
}

function NoteForm({ reportId, onDone }: { reportId: string; onDone(): void }) {
  const [text, setText] = useState('');
  const { error, errors, submit } = useSubmit(async () => {
    await api.post(path`/v1/admin/scam-reports/${reportId}/notes`, { text });
    setText('');
    onDone();
  });
  return (
    <FormPanel
      headingId="note-heading"
      title="Add a note"
      layout="stack"
      error={error}
      failedTitle="The note was not added."
      submitLabel="Add note"
      onSubmit={submit}
    >
      <TextField
        label="Note"
        multiline
        required
        maxLength={4000}
        value={text}
        onChange={setText}
        errors={errors('/text')}
        hint="Staff only; never shown to reporters or the public."
      />
    </FormPanel>
  );
}
