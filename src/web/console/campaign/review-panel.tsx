import { useState } from 'react';
import { api, path } from '../api.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { TextField } from '../components/fields.js';
import { ErrorAlert } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useT } from '../i18n/index.js';
import { ApprovalStatement } from '../review/approval-statement.js';
import { actorLabel, localeLabel } from '../review/locale-label.js';
import type { ReviewDiff, ReviewedCampaign } from '../review/review-types.js';
import { useUser } from '../session.js';
import { canEditDrafts, draftOf, reviewActions } from './campaign-model.js';
import { PublishControls } from './publish-controls.js';
import '../review/review.css';

interface Props {
  campaign: ReviewedCampaign;
  reload(): void;
  /** Unsaved edits: submitting or publishing now would send the saved text, not what is on screen. */
  dirty: boolean;
  /** The draft against the live version; null while it loads or when there is no draft. */
  diff: ReviewDiff | null;
}

type Action = 'submit' | 'request-changes' | 'retire';

/**
 * The top of the Draft & review page: where the review stands (changes requested in full, not at
 * the bottom of a long page), each language's translation status, and what this person can do now:
 * submit, approve with a statement per language, request changes, publish, retire.
 */
export function ReviewPanel({ campaign, reload, dirty, diff }: Props) {
  const user = useUser();
  const { t } = useT('review');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const draft = draftOf(campaign);
  const can = reviewActions(user.role, campaign);
  const showNote = can.submit || can.approve || can.requestChanges;
  const statuses = campaign.translation ?? [];
  const mayMark = draft !== undefined && canEditDrafts(user.role) && campaign.retiredAt === null;

  const run = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await action();
      setNote('');
      setDone(message);
      reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const step = (action: Action, message: string) => {
    if (action === 'request-changes' && note.trim() === '') {
      setError(new Error(t('actions.needNote')));
      return;
    }
    const body = action === 'retire' ? {} : note.trim() ? { note: note.trim() } : {};
    void run(() => api.post(path`/v1/admin/campaigns/${campaign.id}/${action}`, body), message);
  };
  const mark = (locale: string, status: 'translated' | 'untranslated') =>
    void run(
      () => api.put(path`/v1/admin/campaigns/${campaign.id}/translation/${locale}`, { status }),
      `${localeLabel(locale)}: ${t(`translation.${status}`)}`,
    );

  const review = draft?.review;
  const stateLine = draft
    ? t(`state.${draft.review.state}`, {
        version: draft.version,
        by: actorLabel(draft.review.reviewedBy),
        at: formatTime(draft.review.reviewedAt),
      })
    : t('state.noDraft');

  return (
    <section
      aria-labelledby="review-heading"
      className={`panel review-top${review?.state === 'changes_requested' ? ' review-changes' : ''}`}
    >
      <h2 id="review-heading">{t('state.heading')}</h2>
      <p className="review-state-line">
        <strong>{stateLine}</strong>
      </p>
      {review?.submittedBy && review.state !== 'editing' && (
        <p>
          {t('state.submittedBy', { by: actorLabel(review.submittedBy), at: formatTime(review.submittedAt) })}
        </p>
      )}
      {review?.state === 'changes_requested' && review.note && (
        <p className="alert alert-warning">{t('state.changesNote', { note: review.note })}</p>
      )}
      {draft && statuses.length > 0 && (
        <>
          <h3>{t('translation.heading')}</h3>
          <ul className="locale-statuses">
            {statuses.map((s) => (
              <li key={s.locale}>
                <span>{localeLabel(s.locale)}</span>
                <span className={`status-chip status-${s.status}`}>{t(`translation.${s.status}`)}</span>
                {mayMark && s.status !== 'approved' && (
                  <button
                    type="button"
                    className="button-quiet"
                    disabled={busy}
                    onClick={() =>
                      mark(s.locale, s.status === 'untranslated' ? 'translated' : 'untranslated')
                    }
                  >
                    {t(s.status === 'untranslated' ? 'translation.mark' : 'translation.unmark', {
                      locale: localeLabel(s.locale),
                    })}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {statuses.some((s) => s.status === 'untranslated') && (
            <p className="hint">{t('translation.untranslatedHint')}</p>
          )}
        </>
      )}
      {campaign.partnerId && can.publishShown && !can.publishEnabled && (
        <p className="hint">{t('actions.partnerHint')}</p>
      )}
      {dirty && (can.submit || can.publishShown) && (
        <p className="alert alert-warning">{t('actions.unsaved')}</p>
      )}
      {showNote && (
        <TextField
          label={t('actions.note')}
          multiline
          rows={3}
          value={note}
          onChange={setNote}
          hint={can.requestChanges ? t('actions.noteHintChanges') : t('actions.noteHint')}
        />
      )}
      {can.approve && diff && (
        <ApprovalStatement
          campaignId={campaign.id}
          diff={diff}
          statuses={statuses}
          note={note}
          disabled={busy}
          onApproved={(message) => {
            setNote('');
            setDone(message);
            reload();
          }}
        />
      )}
      <div className="button-row">
        {can.submit && (
          <button
            type="button"
            className="button-primary"
            disabled={busy || dirty}
            onClick={() => step('submit', t('actions.submitted'))}
          >
            {t('actions.submit')}
          </button>
        )}
        {can.requestChanges && (
          <button
            type="button"
            disabled={busy}
            onClick={() => step('request-changes', t('actions.changesRequested'))}
          >
            {t('actions.requestChanges')}
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
            label={t('actions.retire')}
            question={t('actions.retireQuestion')}
            confirmLabel={t('actions.retireConfirm')}
            danger
            disabled={busy}
            onConfirm={() => step('retire', t('actions.retired'))}
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
