import { Link } from 'react-router';
import { api } from '../api.js';
import { LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import { useT } from '../i18n/index.js';
import { fieldLabel } from './field-labels.js';
import { actorLabel, localeLabel } from './locale-label.js';
import { segmentsOf, type Inbox, type InboxItem, type Notifications } from './review-types.js';
import './review.css';

/**
 * The reviewer's inbox: drafts waiting in their jurisdiction (submitted, changes requested,
 * approved and not yet published), newest first, each with what changed; and their notifications.
 */
export function ReviewInboxPage() {
  const { t } = useT('review');
  useDocumentTitle(t('inbox.title'));
  const inbox = useResource<Inbox>('/v1/admin/review-inbox');
  const notes = useResource<Notifications>('/v1/admin/notifications');

  const markRead = async (ids?: string[]) => {
    await api.post('/v1/admin/notifications/read', ids ? { ids } : {});
    notes.reload();
  };

  return (
    <>
      <h1>{t('inbox.title')}</h1>
      <p>{t('inbox.intro')}</p>
      <section aria-labelledby="inbox-heading" className="panel">
        <h2 id="inbox-heading" className="visually-hidden">
          {t('inbox.title')}
        </h2>
        {inbox.state.status !== 'ready' ? (
          <LoadStatus state={inbox.state} what={t('inbox.loading')} />
        ) : inbox.state.data.items.length === 0 ? (
          <p>{t('inbox.empty')}</p>
        ) : (
          <ul className="review-inbox-list">
            {inbox.state.data.items.map((item) => (
              <InboxLine key={item.campaignId} item={item} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="notifications-heading" className="panel">
        <h2 id="notifications-heading">
          {t('notifications.title')}
          {notes.state.status === 'ready' && notes.state.data.unread > 0 && (
            <> ({t('notifications.unread', { count: notes.state.data.unread })})</>
          )}
        </h2>
        {notes.state.status !== 'ready' ? (
          <LoadStatus state={notes.state} what={t('notifications.title')} />
        ) : notes.state.data.notifications.length === 0 ? (
          <p>{t('notifications.none')}</p>
        ) : (
          <>
            {notes.state.data.unread > 0 && (
              <button type="button" className="button-quiet" onClick={() => void markRead()}>
                {t('notifications.markAll')}
              </button>
            )}
            <ul className="notification-list">
              {notes.state.data.notifications.map((n) => (
                <li key={n.id} className={n.readAt ? undefined : 'notification-unread'}>
                  {!n.readAt && <span className="status-chip">{t('notifications.newBadge')}</span>}{' '}
                  <Link to={`/campaigns/${encodeURIComponent(n.campaignId)}`}>
                    {t(`notifications.${n.event}`, {
                      actor: actorLabel(n.actor),
                      campaign: n.campaignName,
                      version: n.version,
                    })}
                  </Link>{' '}
                  <span className="comment-meta">{formatTime(n.createdAt)}</span>
                  {n.note && <p>{n.note}</p>}
                  {!n.readAt && (
                    <button type="button" className="button-quiet" onClick={() => void markRead([n.id])}>
                      {t('notifications.markOne')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

function InboxLine({ item }: { item: InboxItem }) {
  const { t } = useT('review');
  const when = item.reviewedAt ?? item.submittedAt;
  const state = t(`state.${item.reviewState}`, {
    version: item.version,
    by: actorLabel(item.reviewedBy),
    at: formatTime(item.reviewedAt),
  });
  return (
    <li>
      <h3>
        <Link
          to={`/campaigns/${encodeURIComponent(item.campaignId)}`}
          aria-label={t('inbox.open', { name: item.name })}
        >
          {item.name}
        </Link>{' '}
        <span className="comment-meta">
          {item.jurisdiction} · {formatTime(when)}
        </span>
      </h3>
      <p>
        <strong>{state}</strong>
        {item.submittedBy && <> · {actorLabel(item.submittedBy)}</>}
      </p>
      {item.note && <p>{item.note}</p>}
      <p>
        <span className="visually-hidden">{t('inbox.changed')}: </span>
        {item.changes.length === 0
          ? t('inbox.nothingChanged')
          : item.changes
              .map((c) =>
                c.isNew
                  ? t('inbox.allNew', { locale: localeLabel(c.locale) })
                  : t('inbox.fieldsChanged', {
                      locale: localeLabel(c.locale),
                      fields: c.changed.map((p) => fieldLabel(segmentsOf(p), t)).join(', '),
                    }),
              )
              .join('; ')}
      </p>
      <ul className="locale-statuses">
        {item.locales.map((l) => (
          <li key={l.locale}>
            {localeLabel(l.locale)}{' '}
            <span className={`status-chip status-${l.status}`}>{t(`translation.${l.status}`)}</span>
          </li>
        ))}
      </ul>
      {item.unresolvedComments > 0 && <p>{t('inbox.comments', { count: item.unresolvedComments })}</p>}
    </li>
  );
}
