import { useState } from 'react';
import { api } from '../api.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { TextField } from '../components/fields.js';
import { ErrorAlert } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useUser } from '../session.js';
import type { CampaignDetail } from '../types.js';
import { draftOf, reviewActions, reviewWords } from './campaign-model.js';
import { PublishControls } from './publish-controls.js';

interface Props {
  campaign: CampaignDetail;
  reload(): void;
  /** Unsaved edits: submitting or publishing now would send the saved text, not what is on screen. */
  dirty: boolean;
}

type Action = 'submit' | 'approve' | 'request-changes' | 'retire';

export function ReviewPanel({ campaign, reload, dirty }: Props) {
  const user = useUser();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const draft = draftOf(campaign);
  const can = reviewActions(user.role, campaign);
  const showNote = can.submit || can.approve || can.requestChanges;

  const run = async (action: Action, message: string) => {
    if (action === 'request-changes' && note.trim() === '') {
      setError(new Error('Write in the review note what needs to change.'));
      return;
    }
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const body = action === 'retire' ? {} : note.trim() ? { note: note.trim() } : {};
      await api.post(`/v1/admin/campaigns/${encodeURIComponent(campaign.id)}/${action}`, body);
      setNote('');
      setDone(message);
      reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="review-heading" className="panel">
      <h2 id="review-heading">Review</h2>
      {draft ? (
        <p className="review-state">
          Draft version {draft.version}: <strong>{reviewWords(draft.review)}</strong>
          {draft.review.state === 'in_review' && draft.review.submittedBy && (
            <>
              {' '}
              (submitted by {draft.review.submittedBy} at {formatTime(draft.review.submittedAt)})
            </>
          )}
        </p>
      ) : (
        <p>There is no draft to review.</p>
      )}
      {campaign.partnerId && can.publishShown && !can.publishEnabled && (
        <p className="hint">
          This campaign has a partner: it can be published once the partner approves the draft.
        </p>
      )}
      {dirty && (can.submit || can.publishShown) && (
        <p className="alert alert-warning">
          You have unsaved changes. Save the draft before submitting or publishing.
        </p>
      )}
      {showNote && (
        <TextField
          label="Review note"
          multiline
          rows={3}
          value={note}
          onChange={setNote}
          hint={can.requestChanges ? 'Required to request changes; optional otherwise.' : 'Optional.'}
        />
      )}
      <div className="button-row">
        {can.submit && (
          <button
            type="button"
            className="button-primary"
            disabled={busy || dirty}
            onClick={() => run('submit', 'Submitted for review.')}
          >
            Submit for review
          </button>
        )}
        {can.approve && (
          <button
            type="button"
            className="button-primary"
            disabled={busy}
            onClick={() => run('approve', 'Approved.')}
          >
            Approve
          </button>
        )}
        {can.requestChanges && (
          <button type="button" disabled={busy} onClick={() => run('request-changes', 'Changes requested.')}>
            Request changes
          </button>
        )}
        <PublishControls
          campaign={campaign}
          reload={reload}
          publishShown={can.publishShown}
          publishEnabled={can.publishEnabled}
          dirty={dirty}
          onDone={setDone}
        />
        {can.retire && (
          <ConfirmButton
            label="Retire"
            question="Retire this campaign? It stops being shown at once; its reports stay."
            confirmLabel="Yes, retire campaign"
            danger
            disabled={busy}
            onConfirm={() => run('retire', 'The campaign is retired.')}
          />
        )}
      </div>
      <ErrorAlert error={error} />
      {done && (
        <p role="status" className="alert alert-success">
          {done}
        </p>
      )}
    </section>
  );
}
