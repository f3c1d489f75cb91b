import { Link, useParams } from 'react-router';
import { path } from '../api.js';
import { DataTable } from '../components/data-table.js';
import { LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import type { PoliceRequestDetail } from '../types.js';
import { AnswerPanel } from './answer-panel.js';
import { DueTimer } from './due-timer.js';
import { HandlingForm } from './handling-form.js';
import { statusText, typeText } from './labels.js';
import { MessagesPanel } from './messages-panel.js';

const CLOSED = new Set(['answered', 'partially_answered', 'declined', 'redirected']);

function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function PoliceRequestPage() {
  const { id = '' } = useParams();
  const { state, reload } = useResource<PoliceRequestDetail>(path`/v1/admin/police-requests/${id}`);
  const request = state.status === 'ready' ? state.data : null;
  useDocumentTitle(request ? `Police request ${request.caseNumber}` : 'Police request');
  if (!request) {
    return (
      <>
        <h1>Police request</h1>
        <LoadStatus state={state} what="the request" />
      </>
    );
  }
  return (
    <>
      <p>
        <Link to="/police-requests">← All police requests</Link>
      </p>
      <h1>
        Police request {request.caseNumber}
        {request.type === 'emergency' && <span className="badge-emergency"> Emergency</span>}
      </h1>
      <dl className="facts">
        <dt>Deadline</dt>
        <dd>
          <DueTimer request={request} />
        </dd>
        <dt>Status</dt>
        <dd>
          {statusText(request.status)}
          {request.statusReason && <> — {request.statusReason}</>}
        </dd>
        <dt>Agency</dt>
        <dd>
          {request.agencyName} · officer {request.officerName} · their reference {request.agencyReference}
        </dd>
        <dt>Type</dt>
        <dd>
          {typeText(request.type)}
          {request.threatToLife && <strong> — threat to life stated</strong>}
        </dd>
        <dt>Legal basis</dt>
        <dd className="prose">{request.legalBasis}</dd>
        <dt>Identifiers</dt>
        <dd>
          <ul className="plain-list">
            {request.identifiers.map((i) => (
              <li key={i.subject}>
                <code>{i.value}</code> ({i.kind}
                {i.network ? `, ${i.network}` : ''})
              </li>
            ))}
          </ul>
        </dd>
        <dt>Fields asked for</dt>
        <dd>{request.fields.length > 0 ? request.fields.join(', ') : '—'}</dd>
        <dt>Requested deadline</dt>
        <dd>{request.requestedDeadline}</dd>
        <dt>Description</dt>
        <dd className="prose">{request.description}</dd>
        <dt>Orders and warrants</dt>
        <dd>
          {request.attachments.length === 0
            ? 'None attached'
            : request.attachments.map((a) => (
                <span key={a.id}>
                  <a href={path`/v1/admin/police-requests/${request.id}/attachments/${a.id}`} download>
                    {a.filename}
                  </a>{' '}
                  ({Math.ceil(a.bytes / 1024)} KB, SHA-256 <code>{a.sha256.slice(0, 16)}…</code>){' '}
                </span>
              ))}
        </dd>
        <dt>Filed</dt>
        <dd>{formatTime(request.createdAt)}</dd>
      </dl>
      <HandlingForm request={request} onSaved={reload} />
      {request.answer ? (
        <section aria-labelledby="answered-heading" className="panel">
          <h2 id="answered-heading">Answer sent</h2>
          <p>
            {formatTime(request.answer.answeredAt)} by {request.answer.answeredBy}.{' '}
            <Link to={`/disclosures?requestId=${encodeURIComponent(request.id)}`}>
              See it in the disclosure log
            </Link>
            {request.answer.evidencePackAvailable && (
              <>
                {' '}
                or{' '}
                <a href={path`/v1/admin/police-requests/${request.id}/evidence-pack`} download>
                  download the evidence pack sent
                </a>
              </>
            )}
            .
          </p>
          {request.answer.records.length > 0 && (
            <DataTable columns={['Subject', 'Field', 'Value']} caption="Disclosed records">
              {request.answer.records.map((r) => (
                <tr key={`${r.subject}:${r.field}`}>
                  <th scope="row">
                    <code>{r.subject}</code>
                  </th>
                  <td>{r.field}</td>
                  <td>
                    <code className="json">{shown(r.value)}</code>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      ) : (
        !CLOSED.has(request.status) && <AnswerPanel request={request} onAnswered={reload} />
      )}
      <MessagesPanel request={request} onSent={reload} />
    </>
  );
}
