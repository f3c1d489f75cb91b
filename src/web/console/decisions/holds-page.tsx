import { useState } from 'react';
import { api, path } from '../api.js';
import { DataTable } from '../components/data-table.js';
import { TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { LoadStatus } from '../components/problems.js';
import { formatCount, formatTime } from '../format.js';
import { useDocumentTitle, useResource, useSubmit } from '../hooks.js';

interface WaitingHold {
  decisionId: string;
  jurisdiction: string;
  decidedAt: string;
  heldSince: string;
  asset: string;
  amountUsd: number;
  campaignId: string | null;
  step: 'warn' | 'questions' | 'cooling_off' | 'review';
  releaseAt: string | null;
}

const STEP_LABELS: Record<WaitingHold['step'], string> = {
  warn: 'Warning',
  questions: 'Questions',
  cooling_off: 'Cooling-off',
  review: 'Review by staff',
};

/**
 * Withdrawals the friction ladder holds: cooling-offs end by themselves, reviews wait for a person
 * here who has talked to the user. Every release is in the audit log with its note.
 */
export function HoldsPage() {
  useDocumentTitle('Held withdrawals');
  const { state, reload } = useResource<{ items: WaitingHold[] }>('/v1/decisions/holds');
  const [releasing, setReleasing] = useState<WaitingHold | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <h1>Held withdrawals</h1>
      <p className="lede">
        Withdrawals paused by a user&apos;s answers or held for a reported destination. Release one only after
        talking to the user; the release and its note are audited.
      </p>
      {done && (
        <p role="status" className="alert alert-success">
          {done}
        </p>
      )}
      <LoadStatus state={state} what="held withdrawals" />
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <p>No withdrawal is held now.</p>
        ) : (
          <DataTable
            columns={['Decision', 'Step', 'Held since', 'Ends', 'Withdrawal']}
            actions
            caption="Held withdrawals"
          >
            {state.data.items.map((hold) => (
              <tr key={hold.decisionId}>
                <th scope="row">
                  <code>{hold.decisionId}</code>
                  <div className="hint">
                    {hold.jurisdiction}
                    {hold.campaignId && ` · ${hold.campaignId}`}
                  </div>
                </th>
                <td>{STEP_LABELS[hold.step]}</td>
                <td>{formatTime(hold.heldSince)}</td>
                <td>{hold.releaseAt ? formatTime(hold.releaseAt) : 'When released'}</td>
                <td>
                  {formatCount(hold.amountUsd)} USD in {hold.asset}
                </td>
                <td>
                  <button type="button" className="button-quiet" onClick={() => setReleasing(hold)}>
                    Release {hold.decisionId}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        ))}
      {releasing && (
        <ReleaseForm
          key={releasing.decisionId}
          hold={releasing}
          onCancel={() => setReleasing(null)}
          onDone={() => {
            setDone(`${releasing.decisionId} released.`);
            setReleasing(null);
            reload();
          }}
        />
      )}
    </>
  );
}

function ReleaseForm({ hold, onDone, onCancel }: { hold: WaitingHold; onDone(): void; onCancel(): void }) {
  const [note, setNote] = useState('');
  const { error, errors, submit } = useSubmit(async () => {
    await api.post(path`/v1/decisions/${hold.decisionId}/release`, note.trim() ? { note: note.trim() } : {});
    onDone();
  });
  return (
    <FormPanel
      headingId="release-heading"
      title={`Release ${hold.decisionId}`}
      focusOnOpen
      layout="stack"
      error={error}
      failedTitle="The withdrawal was not released."
      submitLabel="Release the withdrawal"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField
        label="Note for the audit log"
        multiline
        rows={3}
        maxLength={1000}
        value={note}
        onChange={setNote}
        errors={errors('/note')}
        hint="What the user told you, e.g. “Called back; they know the recipient and no one asked them to send.”"
      />
    </FormPanel>
  );
}
