import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/app/screening-service.js';
import { withdrawal } from '../support/fixtures.js';

/** The canonical form decisions were fingerprinted with before the library took over. */
function handWritten(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(handWritten).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${handWritten(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('the withdrawal fingerprint', () => {
  it('is the one decisions already in the store carry, so a retry across the upgrade is still a replay', () => {
    fc.assert(
      fc.property(
        fc.record({
          userRef: fc.string(),
          amount: fc.string(),
          amountUsd: fc.double({ noNaN: true, noDefaultInfinity: true }),
          locale: fc.constantFrom('en', 'zh-Hant-HK', 'pt-MO'),
          hours: fc.option(fc.integer(), { nil: undefined }),
        }),
        (fields) => {
          const request = withdrawal({
            userRef: fields.userRef,
            amount: fields.amount,
            amountUsd: fields.amountUsd,
            locale: fields.locale,
            account: {
              ageDays: 3,
              ...(fields.hours === undefined ? {} : { hoursSinceSecurityChange: fields.hours }),
            },
          });
          const reference = createHash('sha256').update(handWritten(request)).digest('base64url');
          expect(fingerprint(request)).toBe(reference);
        },
      ),
    );
  });

  it('does not depend on key order, and differs when a field differs', () => {
    const request = withdrawal();
    const reordered = Object.fromEntries(Object.entries(request).reverse()) as typeof request;
    expect(fingerprint(reordered)).toBe(fingerprint(request));
    expect(fingerprint({ ...request, amountUsd: request.amountUsd + 1 })).not.toBe(fingerprint(request));
  });
});
