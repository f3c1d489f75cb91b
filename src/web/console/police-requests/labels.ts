import type { RequestStatus, RequestType } from '../types.js';

export const typeLabel: Record<RequestType, string> = {
  preservation: 'Preservation (keep data, freeze funds)',
  disclosure: 'Disclosure of named fields',
  emergency: 'Emergency disclosure (threat to life)',
  intelligence: 'Intelligence (are these identifiers known?)',
};

export const typeShortLabel: Record<RequestType, string> = {
  preservation: 'Preservation',
  disclosure: 'Disclosure',
  emergency: 'Emergency',
  intelligence: 'Intelligence',
};

export const statusLabel: Record<RequestStatus, string> = {
  received: 'Received',
  verifying: 'Verifying',
  in_progress: 'In progress',
  answered: 'Answered',
  partially_answered: 'Partially answered',
  declined: 'Declined',
  redirected: 'Redirected to a formal channel',
};

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** Times in UTC, as the exchange's records and the evidence pack give them. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${dateTime.format(date)} UTC`;
}

/** "due in 3 days", "due in 5 hours", "overdue by 2 hours": the clock the officer is waiting on. */
export function timeLeft(dueAt: string, now: number = Date.now()): string {
  const ms = new Date(dueAt).getTime() - now;
  if (Number.isNaN(ms)) return '';
  const span = humanSpan(Math.abs(ms));
  return ms >= 0 ? `due in ${span}` : `overdue by ${span}`;
}

function humanSpan(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  if (hours >= 48) return `${Math.floor(hours / 24)} days`;
  if (hours >= 1) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

// The API's status and type come typed as strings: look them up with a fallback to the raw value.
export function statusText(status: string): string {
  return (statusLabel as Record<string, string>)[status] ?? status;
}

export function typeText(type: string, short = false): string {
  return ((short ? typeShortLabel : typeLabel) as Record<string, string>)[type] ?? type;
}
