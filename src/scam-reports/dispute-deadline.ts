/**
 * A dispute's deadline: N business days (Monday to Friday, UTC) after the day it was filed. Public
 * holidays differ per jurisdiction and are not modelled; a deadline that falls on one is met a day
 * late at worst, which the queue shows as overdue rather than hiding.
 */
export const DISPUTE_BUSINESS_DAYS = 5;

/** The deadline date (YYYY-MM-DD) for a dispute filed at `filed`. */
export function disputeDeadline(filed: Date, businessDays = DISPUTE_BUSINESS_DAYS): string {
  const day = new Date(Date.UTC(filed.getUTCFullYear(), filed.getUTCMonth(), filed.getUTCDate()));
  let left = businessDays;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return day.toISOString().slice(0, 10);
}

/** Whether an open dispute is past its deadline on `now` (the deadline day itself is still in time). */
export function isOverdue(deadline: string, now: Date): boolean {
  return now.toISOString().slice(0, 10) > deadline;
}
