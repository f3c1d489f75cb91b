import { useState } from 'react';
import { api, path } from '../api.js';
import { TextField } from '../components/fields.js';
import { ErrorAlert } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useT } from '../i18n/index.js';
import { actorLabel } from './locale-label.js';
import type { ReviewComment } from './review-types.js';

interface Props {
  campaignId: string;
  locale: string | null;
  field: string;
  /** "English → Tip 2": how the field is named in buttons and the comment box. */
  place: string;
  comments: ReviewComment[];
  canComment: boolean;
  onChanged(): void;
}

/** The comments on one field, beside it: each with its resolve/reopen history, and a box to add one. */
export function FieldComments({ campaignId, locale, field, place, comments, canComment, onChanged }: Props) {
  const { t } = useT('review');
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const base = path`/v1/admin/campaigns/${campaignId}/comments`;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async () => {
    const ok = await run(() => api.post(base, { locale, field, body: text.trim() }));
    if (ok) {
      setText('');
      setOpen(false);
    }
  };

  return (
    <div className="field-comments">
      {comments.map((comment) => (
        <article key={comment.id} className={`comment${comment.resolved ? ' comment-resolved' : ''}`}>
          <p>{comment.body}</p>
          <p className="comment-meta">
            {t('comments.by', { author: actorLabel(comment.author), at: formatTime(comment.createdAt) })}
            {comment.resolved && <> · {t('comments.resolved')}</>}
          </p>
          {comment.history.map((event, i) => (
            <p key={i} className="comment-meta">
              {t('comments.history', {
                action: t(
                  event.action === 'resolved' ? 'comments.historyResolved' : 'comments.historyReopened',
                ),
                actor: actorLabel(event.actor),
                at: formatTime(event.at),
              })}
            </p>
          ))}
          {canComment && (
            <button
              type="button"
              className="button-quiet"
              disabled={busy}
              onClick={() =>
                void run(() =>
                  api.post(`${base}/${comment.id}/${comment.resolved ? 'reopen' : 'resolve'}`, {}),
                )
              }
            >
              {comment.resolved ? t('comments.reopen') : t('comments.resolve')}
            </button>
          )}
        </article>
      ))}
      {canComment && !open && (
        <button type="button" className="button-quiet" onClick={() => setOpen(true)}>
          {t('comments.add', { field: place })}
        </button>
      )}
      {canComment && open && (
        <div>
          <TextField
            label={t('comments.label', { field: place })}
            multiline
            rows={3}
            value={text}
            onChange={setText}
          />
          <div className="button-row">
            <button type="button" disabled={busy || text.trim() === ''} onClick={() => void add()}>
              {t('comments.send')}
            </button>
            <button type="button" className="button-quiet" onClick={() => setOpen(false)}>
              {t('comments.cancel')}
            </button>
          </div>
        </div>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
