/** STIX timestamps (§3.2 of STIX 2.1): RFC 3339 in UTC with the Z designator. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Epoch milliseconds of a STIX timestamp, or undefined when the value is not one. */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== 'string' || !TIMESTAMP.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** created and modified must be precise to the millisecond: toISOString always writes three digits. */
export const timestamp = (ms: number): string => new Date(ms).toISOString();
