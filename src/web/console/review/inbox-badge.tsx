import { useEffect } from 'react';
import { useResource } from '../hooks.js';
import { useT } from '../i18n/index.js';
import type { Inbox, Notifications } from './review-types.js';

const REFRESH_MS = 60_000;

/** Beside the Review inbox link: drafts waiting on this person and unread notifications, in words. */
export function ReviewInboxBadge() {
  const { t } = useT('review');
  const inbox = useResource<Inbox>('/v1/admin/review-inbox');
  const notes = useResource<Notifications>('/v1/admin/notifications');
  const { reload: reloadInbox } = inbox;
  const { reload: reloadNotes } = notes;
  useEffect(() => {
    const timer = setInterval(() => {
      reloadInbox();
      reloadNotes();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reloadInbox, reloadNotes]);
  const waiting = inbox.state.status === 'ready' ? inbox.state.data.waiting : 0;
  const unread = notes.state.status === 'ready' ? notes.state.data.unread : 0;
  if (waiting === 0 && unread === 0) return null;
  const parts = [
    ...(waiting > 0 ? [t('badge.waiting', { count: waiting })] : []),
    ...(unread > 0 ? [t('badge.unread', { count: unread })] : []),
  ];
  return <span className="nav-badge"> ({parts.join(', ')})</span>;
}
