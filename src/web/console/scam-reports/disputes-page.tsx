import { useState } from 'react';
import { api, path } from '../api.js';
import { DataTable } from '../components/data-table.js';
import { SelectField, TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource, useSubmit } from '../hooks.js';
import type { DisputeAdmin, DisputeDecision, DisputeStatus } from '../types.js';
import { disputeStatusLabel, options, labelOf } from './labels.js';
import './scam-reports.css';

const decisions: { value: DisputeDecision; label: string }[] = [
  { value: 'delist', label: 'Delist: the listing was wrong' },
  { value: 'keep', label: 'Keep: the listing stands' },
];

/**
 * "This is my site and it is wrongly flagged": each dispute has a deadline and gets one decision with
 * a public note. Nothing here is a conversation — a scammer filing disputes reaches no one but staff.
 */
export function DisputesPage() {
  useDocumentTitle('Disputes');
  const { state, reload } = useResource<{ items: DisputeAdmin[] }>('/v1/admin/disputes');
  const [status, setStatus] = useState<DisputeStatus | ''>('open');
  const [deciding, setDeciding] = useState<DisputeAdmin | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const shown =
    state.status === 'ready' ? state.data.items.filter((d) => status === '' || d.status === status) : [];

  return (
    <>
      <h1>Disputes</h1>
      <p className="lede">
        Owners who say a listed site or address is theirs and wrongly flagged. Decide by the deadline (5
        business days); the public note is what the disputer sees under the reference.
      </p>
      <div className="filter-bar">
        <SelectField
          label="Show"
          value={status}
          placeholder="All disputes"
          options={options(disputeStatusLabel)}
          onChange={(value) => setStatus(value as DisputeStatus | '')}
        />
      </div>
      {done && (
        <p role="status" className="alert alert-success">
          {done}
        </p>
      )}
      <LoadStatus state={state} what="disputes" />
      {state.status === 'ready' &&
        (shown.length === 0 ? (
          <p>No disputes to show.</p>
        ) : (
          <DataTable
            columns={['Reference', 'Identifier', 'Reason', 'Filed', 'Deadline', 'Status']}
            actions
            caption="Disputes"
          >
            {shown.map((dispute) => (
              <tr key={dispute.id}>
                <th scope="row">{dispute.reference}</th>
                <td>
                  <code>{dispute.identifier}</code>
                </td>
                <td dir="auto" className="report-text-cell">
                  {dispute.reason}
                  {dispute.contactEmail && <div className="hint">Contact: {dispute.contactEmail}</div>}
                </td>
                <td>{formatTime(dispute.createdAt)}</td>
                <td className={dispute.overdue && dispute.status === 'open' ? 'overdue' : undefined}>
                  {dispute.deadline}
                  {dispute.overdue && dispute.status === 'open' && ' (overdue)'}
                </td>
                <td>
                  {labelOf(disputeStatusLabel, dispute.status)}
                  {dispute.decidedAt && (
                    <div className="hint">
                      {formatTime(dispute.decidedAt)}
                      {dispute.decidedBy && ` by ${dispute.decidedBy}`}
                    </div>
                  )}
                  {dispute.publicNote && <div className="hint">Note: {dispute.publicNote}</div>}
                </td>
                <td>
                  {dispute.status === 'open' && (
                    <button type="button" className="button-quiet" onClick={() => setDeciding(dispute)}>
                      Decide {dispute.reference}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        ))}
      {deciding && (
        <DecideForm
          key={deciding.id}
          dispute={deciding}
          onCancel={() => setDeciding(null)}
          onDone={(decision) => {
            setDone(
              `${deciding.reference}: ${decision === 'delist' ? 'delisted — its indicators expired' : 'listing kept'}.`,
            );
            setDeciding(null);
            reload();
          }}
        />
      )}
    </>
  );
}

interface DecideProps {
  dispute: DisputeAdmin;
  onDone(decision: DisputeDecision): void;
  onCancel(): void;
}

function DecideForm({ dispute, onDone, onCancel }: DecideProps) {
  const [decision, setDecision] = useState<DisputeDecision>('keep');
  const [publicNote, setPublicNote] = useState('');
  const { error, errors, submit } = useSubmit(async () => {
    await api.post(path`/v1/admin/disputes/${dispute.id}/decide`, { decision, publicNote });
    onDone(decision);
  });
  return (
    <FormPanel
      headingId="decide-heading"
      title={`Decide ${dispute.reference} (${dispute.identifier})`}
      focusOnOpen
      layout="stack"
      error={error}
      failedTitle="The dispute was not decided."
      submitLabel="Record decision"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <SelectField
        label="Decision"
        value={decision}
        options={decisions}
        onChange={(value) => setDecision(value === 'delist' ? 'delist' : 'keep')}
        errors={errors('/decision')}
      />
      <TextField
        label="Public note"
        multiline
        rows={3}
        required
        maxLength={2000}
        value={publicNote}
        onChange={setPublicNote}
        errors={errors('/publicNote')}
        hint="Anyone with the reference reads this. Never name a reporter or quote a report."
      />
    </FormPanel>
  );
}
