import { useEffect } from 'react';
import { useResource } from '../hooks.js';
import type { InboxCount } from '../types.js';

const REFRESH_MS = 60_000;

/**
 * The open police requests beside the nav link, in words ("3 open, 1 overdue"), refreshed each
 * minute so a new emergency is seen from any page of the console.
 */
export function PoliceInboxBadge() {
  const { state, reload } = useResource<InboxCount>('/v1/admin/police-requests/count');
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  if (state.status !== 'ready' || state.data.open === 0) return null;
  const { open, overdue, dueSoon, emergency } = state.data;
  const parts = [`${open} open`];
  if (emergency > 0) parts.push(`${emergency} emergency`);
  if (overdue > 0) parts.push(`${overdue} overdue`);
  if (dueSoon > 0) parts.push(`${dueSoon} due soon`);
  return (
    <span className={`nav-badge${overdue > 0 || emergency > 0 ? ' nav-badge-urgent' : ''}`}>
      {' '}
      ({parts.join(', ')})
    </span>
  );
}
