import { CLOSED_STATUSES, type RequestStatus, type RequestType, type Timer } from './model.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** caveat's own answering time per type: a threat to life cannot wait, a preservation must beat deletion. */
export const ANSWER_WITHIN_MS: Record<RequestType, number> = {
  emergency: DAY_MS,
  preservation: 3 * DAY_MS,
  disclosure: 30 * DAY_MS,
  intelligence: 30 * DAY_MS,
};

/**
 * When caveat must answer. The officer's requested date (end of that UTC day) shortens an emergency
 * only: for the other types it is the officer's wish, shown beside caveat's own deadline.
 */
export function dueAt(type: RequestType, receivedAt: Date, requestedDeadline: string): Date {
  const own = receivedAt.getTime() + ANSWER_WITHIN_MS[type];
  if (type !== 'emergency') return new Date(own);
  const requested = Date.parse(`${requestedDeadline}T23:59:59.999Z`);
  return new Date(
    Number.isFinite(requested) && requested < own ? Math.max(requested, receivedAt.getTime()) : own,
  );
}

/** Due soon: the last fifth of the time allowed, at least the last 2 hours, at most the last 3 days. */
export function dueSoonWindowMs(type: RequestType): number {
  return Math.min(3 * DAY_MS, Math.max(2 * HOUR_MS, ANSWER_WITHIN_MS[type] / 5));
}

export function timer(
  request: { type: RequestType; status: RequestStatus; dueAt: Date },
  now: Date,
): Timer | null {
  if (CLOSED_STATUSES.includes(request.status)) return null;
  const left = request.dueAt.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left <= dueSoonWindowMs(request.type) ? 'due_soon' : 'due';
}

/** The inbox order: open emergencies first, then open requests by deadline, closed ones last. */
export function inboxOrder<
  T extends { type: RequestType; status: RequestStatus; dueAt: Date; createdAt: Date },
>(requests: readonly T[]): T[] {
  const rank = (r: T) => (CLOSED_STATUSES.includes(r.status) ? 2 : r.type === 'emergency' ? 0 : 1);
  return [...requests].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.dueAt.getTime() - b.dueAt.getTime() ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  );
}
