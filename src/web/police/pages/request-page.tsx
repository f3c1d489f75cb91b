import { useId, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { api, ApiError, path } from '../api.js';
import { DataTable } from '../../console/components/data-table.js';
import { TextField } from '../../console/components/fields.js';
import { LoadStatus } from '../../console/components/problems.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { DueTimer } from '../components/timer.js';
import { useDocumentTitle, useResource, useSubmit } from '../hooks.js';
import { formatTime, statusText, typeText } from '../labels.js';
import type { PoliceRequestDetail } from '../types.js';
import { uploadOrder } from './upload.js';

function noticeOf(state: unknown): string | null {
  return typeof state === 'object' && state !== null && 'notice' in state && typeof state.notice === 'string'
    ? state.notice
    : null;
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function RequestPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { state, reload } = useResource<PoliceRequestDetail>(path`/police/api/requests/${id}`);
  const request = state.status === 'ready' ? state.data : null;
  useDocumentTitle(request ? `Request ${request.caseNumber}` : 'Request');
  const notice = noticeOf(location.state);

  if (!request) {
    return (
      <>
        <h1>Request</h1>
        {state.status === 'error' && state.httpStatus === 404 ? (
          <p role="alert" className="alert alert-error">
            There is no request of your agency at this address.
          </p>
        ) : (
          <LoadStatus state={state} what="the request" />
        )}
      </>
    );
  }

  return (
    <>
      <h1>Request {request.caseNumber}</h1>
      {notice && (
        <p role="status" className="alert alert-success">
          {notice}
        </p>
      )}
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          {statusText(request.status)}
          {request.statusReason && <> — {request.statusReason}</>}
        </dd>
        <dt>Deadline</dt>
        <dd>
          <DueTimer request={request} />
        </dd>
        <dt>Type</dt>
        <dd>{typeText(request.type)}</dd>
        <dt>Your reference</dt>
        <dd>{request.agencyReference}</dd>
        <dt>Filed</dt>
        <dd>
          {formatTime(request.createdAt)} by {request.officerName}
        </dd>
        <dt>Legal basis</dt>
        <dd className="prose">{request.legalBasis}</dd>
        <dt>Identifiers</dt>
        <dd>
          <ul className="plain-list">
            {request.identifiers.map((i) => (
              <li key={i.subject}>
                <code>{i.value}</code>
                {i.network && <> ({i.network})</>}
              </li>
            ))}
          </ul>
        </dd>
        {request.fields.length > 0 && (
          <>
            <dt>Fields asked for</dt>
            <dd>{request.fields.join(', ')}</dd>
          </>
        )}
        <dt>Description</dt>
        <dd className="prose">{request.description}</dd>
      </dl>

      <Answer request={request} />
      <Attachments request={request} onUploaded={reload} />
      <Messages request={request} onSent={reload} />
    </>
  );
}

function Answer({ request }: { request: PoliceRequestDetail }) {
  const { answer } = request;
  return (
    <section aria-labelledby="answer-heading" className="panel">
      <h2 id="answer-heading">Answer</h2>
      {!answer ? (
        <p>Not answered yet. The exchange answers by the deadline above, or writes to you below.</p>
      ) : (
        <>
          <p>
            Answered {formatTime(answer.answeredAt)} by {answer.answeredBy}.{' '}
            {answer.records.length === 0 && 'No data was disclosed.'}
          </p>
          {answer.records.length > 0 && (
            <DataTable columns={['Subject', 'Field', 'Value']} caption="Disclosed records">
              {answer.records.map((record) => (
                <tr key={`${record.subject}:${record.field}`}>
                  <th scope="row">
                    <code>{record.subject}</code>
                  </th>
                  <td>{record.field}</td>
                  <td>
                    <code className="json">{shown(record.value)}</code>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          {answer.evidencePackAvailable && (
            <p>
              <a
                className="button button-primary"
                href={path`/police/api/requests/${request.id}/evidence-pack`}
                download
              >
                Download the evidence pack (ZIP)
              </a>
              <span className="hint">
                {' '}
                Signed by the exchange: check it with <code>caveat evidence verify</code>.
              </span>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function Attachments({ request, onUploaded }: { request: PoliceRequestDetail; onUploaded(): void }) {
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { error, busy, submit } = useSubmit(async () => {
    setDone(null);
    if (!file)
      throw new ApiError(422, 'Choose a PDF file first.', [
        { field: 'file', message: 'Choose a PDF file first.' },
      ]);
    await uploadOrder(request.id, file);
    setDone(`${file.name} was attached.`);
    onUploaded();
  });
  const fileErrors = error instanceof ApiError ? error.errors.filter((e) => /(^|\/)file$/.test(e.field)) : [];
  return (
    <section aria-labelledby="attachments-heading" className="panel">
      <h2 id="attachments-heading">Orders and warrants</h2>
      {request.attachments.length === 0 ? (
        <p>None attached.</p>
      ) : (
        <ul className="plain-list">
          {request.attachments.map((a) => (
            <li key={a.id}>
              {a.filename} ({Math.ceil(a.bytes / 1024)} KB, uploaded {formatTime(a.uploadedAt)})
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="stack">
        <div className="field">
          <label htmlFor={fileId}>Attach an order or warrant (PDF, up to 10 MB)</label>
          <input
            id={fileId}
            type="file"
            accept="application/pdf,.pdf"
            aria-invalid={fileErrors.length > 0 ? true : undefined}
            aria-describedby={fileErrors.length > 0 ? `${fileId}-error` : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {fileErrors.length > 0 && (
            <p id={`${fileId}-error`} className="field-error">
              {fileErrors.map((e) => e.message).join('; ')}
            </p>
          )}
        </div>
        {fileErrors.length === 0 && (
          <ProblemAlert error={error} title="The file was not attached." labels={{ '/file': 'File' }} />
        )}
        <button type="submit" disabled={busy}>
          Attach
        </button>
        {done && (
          <p role="status" className="save-state">
            {done}
          </p>
        )}
      </form>
    </section>
  );
}

function Messages({ request, onSent }: { request: PoliceRequestDetail; onSent(): void }) {
  const [text, setText] = useState('');
  const { error, errors, busy, submit } = useSubmit(async () => {
    await api.post(path`/police/api/requests/${request.id}/messages`, { text: text.trim() });
    setText('');
    onSent();
  });
  return (
    <section aria-labelledby="messages-heading" className="panel">
      <h2 id="messages-heading">Messages</h2>
      {request.messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <ol className="messages">
          {request.messages.map((m) => (
            <li key={m.id} className={`message message-${m.from}`}>
              <p className="meta">
                {m.from === 'exchange' ? 'The exchange' : m.author} · {formatTime(m.at)}
              </p>
              <p className="prose">{m.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={submit} className="stack">
        <TextField
          label="Message to the exchange"
          multiline
          rows={3}
          required
          value={text}
          onChange={setText}
          errors={errors('/text')}
        />
        <ProblemAlert error={error} title="The message was not sent." labels={{ '/text': 'Message' }} />
        <button type="submit" disabled={busy}>
          Send message
        </button>
      </form>
    </section>
  );
}
