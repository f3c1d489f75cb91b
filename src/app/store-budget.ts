import { RequestProblem } from '../errors.js';

/**
 * Waits for the store at most `ms`: a stalled database must not hold a request open until the
 * client gives up. What was asked may still commit later, so only idempotent work goes through
 * here (a retried event with the same id is a duplicate, never counted twice).
 */
export function withinStoreBudget<T>(work: Promise<T>, ms: number, retryAfterSeconds = 2): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      work.catch(() => undefined);
      reject(
        RequestProblem.unavailable(
          `store: did not answer within ${ms} ms; nothing was acknowledged, retry after ${retryAfterSeconds} s`,
          retryAfterSeconds,
        ),
      );
    }, ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
