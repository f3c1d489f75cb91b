import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, path } from '../api.js';
import { DataTable } from '../components/data-table.js';
import { SelectField, TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource, useSubmit } from '../hooks.js';
import { useT } from '../i18n/index.js';
import { useUser } from '../session.js';
import type { ReportDetail } from '../types.js';
import { options, labelOf } from './labels.js';
import { useScamReportLabels } from './use-labels.js';
import './scam-reports.css';

/** One report as triage sees it: what was reported, the evidence, the notes, and its cluster. */
export function ReportPage() {
  const { id = '' } = useParams();
  const { state, reload } = useResource<ReportDetail>(path`/v1/admin/scam-reports/${id}`);
  const report = state.status === 'ready' ? state.data : null;
  const { t } = useT('scamReports');
  const labels = useScamReportLabels();
  useDocumentTitle(report ? t('report.named', { reference: report.reference }) : t('report.title'));
  // A partner's reviewer reads what the exchange shares; triage stays with the exchange's staff.
  const readOnly = useUser().role === 'partner_reviewer';

  if (!report) {
    return (
      <>
        <h1>
          {state.status === 'error' && state.httpStatus === 404 ? t('report.notFound') : t('report.title')}
        </h1>
        <LoadStatus state={state} what={t('report.loadWhat')} />
        <p>
          <Link to="/scam-reports">{t('report.all')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p>
        <Link to="/scam-reports">{t('report.all')}</Link>
      </p>
      <h1>{t('report.named', { reference: report.reference })}</h1>
      <dl className="facts">
        <dt>{t('report.status')}</dt>
        <dd>{labelOf(labels.reportStatus, report.status)}</dd>
        <dt>{t('report.category')}</dt>
        <dd>{labelOf(labels.category, report.category)}</dd>
        <dt>{t('report.jurisdiction')}</dt>
        <dd>{report.jurisdiction}</dd>
        <dt>{t('report.received')}</dt>
        <dd>{t('report.receivedVia', { time: formatTime(report.createdAt), channel: report.channel })}</dd>
        <dt>{t('report.assignee')}</dt>
        <dd>{report.assignee ?? t('report.nobody')}</dd>
        <dt>{t('report.cluster')}</dt>
        <dd>
          {report.clusterId ? (
            <Link to={`/scam-clusters/${encodeURIComponent(report.clusterId)}`}>
              {t('report.clusterLink', { id: report.clusterId })}
            </Link>
          ) : (
            t('report.none')
          )}
        </dd>
        <dt>{t('report.loss')}</dt>
        <dd>{report.loss ? t('report.lossOn', { ...report.loss }) : t('report.notGiven')}</dd>
        <dt>{t('report.firstContact')}</dt>
        <dd>
          {report.firstContact ? labelOf(labels.firstContact, report.firstContact) : t('report.notGiven')}
        </dd>
        <dt>{t('report.policeContact')}</dt>
        <dd>{report.consentToPoliceContact ? t('report.yes') : t('report.no')}</dd>
        {report.reporterContact && (
          <>
            <dt>{t('report.reporterContact')}</dt>
            <dd>
              {[report.reporterContact.name, report.reporterContact.email, report.reporterContact.phone]
                .filter(Boolean)
                .join(' · ') || '—'}
            </dd>
          </>
        )}
      </dl>

      <h2>{t('report.identifiers')}</h2>
      <DataTable
        columns={[t('report.columns.identifier'), t('report.columns.kind'), t('report.columns.key')]}
        caption={t('report.identifiersCaption')}
      >
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
          <h3>{t('report.hashes')}</h3>
          <ul>
            {report.transactionHashes.map((hash) => (
              <li key={hash}>
                <code>{hash}</code>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('report.said')}</h2>
      {/* Reporter text is shown as text, never as markup. */}
      <blockquote className="report-text" dir="auto">
        {report.description}
      </blockquote>

      <h2>{t('report.evidence')}</h2>
      {readOnly ? (
        <p>
          {report.evidenceCount === 0
            ? t('report.noFiles')
            : t('report.filesWithheld', { count: report.evidenceCount })}
        </p>
      ) : report.evidence.length === 0 ? (
        <p>{t('report.noFiles')}</p>
      ) : (
        <ul>
          {report.evidence.map((file, i) => (
            <li key={file.id}>
              <a href={path`/v1/admin/scam-reports/${report.id}/evidence/${file.id}`} download>
                {t('report.file', { n: i + 1, type: file.mediaType, size: Math.ceil(file.size / 1024) })}
              </a>{' '}
              <span className="hint">
                SHA-256 <code>{file.sha256.slice(0, 16)}…</code>, {formatTime(file.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}

      {readOnly ? (
        <p className="hint">{t('report.sharedNote')}</p>
      ) : (
        <>
          <TriageForm report={report} onDone={reload} />

          <h2>{t('report.notes')}</h2>
          {report.notes.length === 0 ? (
            <p>{t('report.noNotes')}</p>
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
  const { t } = useT('scamReports');
  const labels = useScamReportLabels();
  const [status, setStatus] = useState<string>(report.status);
  const [assignee, setAssignee] = useState(report.assignee ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const { error, errors, submit } = useSubmit(async () => {
    setSaved(null);
    await api.patch(path`/v1/admin/scam-reports/${report.id}`, {
      status,
      assignee: assignee.trim() || null,
    });
    setSaved(t('report.saved'));
    onDone();
  });
  return (
    <FormPanel
      headingId="triage-heading"
      title={t('report.triage')}
      error={error}
      failedTitle={t('report.notUpdated')}
      submitLabel={t('report.saveTriage')}
      onSubmit={submit}
      status={saved}
    >
      <SelectField
        label={t('report.status')}
        value={status}
        options={options(labels.reportStatus)}
        onChange={setStatus}
        errors={errors('/status')}
      />
      <TextField
        label={t('report.assignee')}
        type="email"
        value={assignee}
        onChange={setAssignee}
        errors={errors('/assignee')}
        hint={t('report.assigneeHint')}
      />
      <div className="field">
        <button type="button" className="button-quiet" onClick={() => setAssignee(user.email)}>
          {t('report.assignToMe')}
        </button>
      </div>
    </FormPanel>
  );
}

function NoteForm({ reportId, onDone }: { reportId: string; onDone(): void }) {
  const { t } = useT('scamReports');
  const [text, setText] = useState('');
  const { error, errors, submit } = useSubmit(async () => {
    await api.post(path`/v1/admin/scam-reports/${reportId}/notes`, { text });
    setText('');
    onDone();
  });
  return (
    <FormPanel
      headingId="note-heading"
      title={t('report.addNote')}
      layout="stack"
      error={error}
      failedTitle={t('report.noteNotAdded')}
      submitLabel={t('report.addNoteSubmit')}
      onSubmit={submit}
    >
      <TextField
        label={t('report.note')}
        multiline
        required
        maxLength={4000}
        value={text}
        onChange={setText}
        errors={errors('/text')}
        hint={t('report.noteHint')}
      />
    </FormPanel>
  );
}
