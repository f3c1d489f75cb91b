import type { Indicator } from '../../indicator.js';
import { fill, readCaveatProperties, type StixRow } from './caveat-properties.js';
import { timestampProblem, type AddProblem, type StixObject } from './common.js';
import { indicatorIdOf } from './ids.js';
import { observableOfKind } from './observables.js';
import { readPattern, writePattern } from './pattern.js';
import { parseTimestamp, timestamp } from './timestamps.js';

export type ObjectRead = { row: StixRow } | { ignored: string } | { invalid: true };

/**
 * An indicator as caveat exports it. Everything is derived from the indicator's own history, so the
 * same indicator exports to the same bytes: the id from its key, created from first seen, modified
 * from last seen (never before created).
 */
export function writeIndicator(i: Indicator & { display: string }): StixObject {
  const created = i.firstSeenMs;
  const modified = Math.max(i.firstSeenMs, i.lastSeenMs);
  const observable = observableOfKind(i.kind);
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: indicatorIdOf(i.key),
    created: timestamp(created),
    modified: timestamp(modified),
    name: `${i.scamType} ${i.kind}`,
    indicator_types: ['malicious-activity'],
    pattern: writePattern(observable, observable.write(i)),
    pattern_type: 'stix',
    pattern_version: '2.1',
    // valid_until must be later than valid_from (§4.7): an indicator that expired before it was first
    // seen is written as valid for the millisecond before its expiry (first seen travels in x_caveat_first_seen).
    valid_from: timestamp(i.expiresAtMs !== null && i.expiresAtMs <= created ? i.expiresAtMs - 1 : created),
    ...(i.expiresAtMs !== null ? { valid_until: timestamp(i.expiresAtMs) } : {}),
    x_caveat_scam_type: i.scamType,
    x_caveat_risk_level: i.riskLevel,
    x_caveat_report_count: i.reportCount,
    // STIX lists must not be empty (§2.7): no jurisdictions is no property.
    ...(i.jurisdictions.length > 0 ? { x_caveat_jurisdictions: i.jurisdictions } : {}),
    x_caveat_first_seen: timestamp(i.firstSeenMs),
    x_caveat_last_seen: timestamp(i.lastSeenMs),
    x_caveat_source: i.sources.join(';'),
  };
}

/** Reads one indicator object (common properties are checked by the caller) into a report. */
export function readIndicator(object: StixObject, path: string, feed: string, add: AddProblem): ObjectRead {
  let valid = true;
  const problem = (field: string, message: string) => {
    valid = false;
    add(`${path}/${field}`, message);
  };
  if (typeof object.pattern !== 'string' || object.pattern.trim() === '')
    problem('pattern', 'is required: a STIX pattern');
  if (typeof object.pattern_type !== 'string') problem('pattern_type', 'is required (stix)');
  else if (object.pattern_type !== 'stix')
    problem('pattern_type', `caveat reads stix patterns only, not ${object.pattern_type}`);
  const validFrom = parseTimestamp(object.valid_from);
  if (validFrom === undefined) problem('valid_from', timestampProblem(object.valid_from));
  const validUntil = object.valid_until === undefined ? undefined : parseTimestamp(object.valid_until);
  if (object.valid_until !== undefined && validUntil === undefined)
    problem('valid_until', timestampProblem(object.valid_until));
  if (validFrom !== undefined && validUntil !== undefined && validUntil <= validFrom)
    problem('valid_until', 'must be later than valid_from');
  if (
    object.indicator_types !== undefined &&
    (!Array.isArray(object.indicator_types) ||
      object.indicator_types.length === 0 ||
      !object.indicator_types.every((t) => typeof t === 'string'))
  )
    problem('indicator_types', 'must be a non-empty list of strings');
  const read = readCaveatProperties(object, path, (field, message) => {
    valid = false;
    add(field, message);
  });
  if (typeof object.pattern !== 'string' || object.pattern_type !== 'stix') return { invalid: true };
  const pattern = readPattern(object.pattern);
  if (!pattern.ok && 'problem' in pattern) problem('pattern', pattern.problem);
  if (!valid || validFrom === undefined) return { invalid: true };
  if (!pattern.ok)
    return { ignored: `caveat screens no ${'unscreened' in pattern ? pattern.unscreened : ''}` };
  if (object.revoked === true) return { ignored: 'revoked by its producer' };

  const modified = parseTimestamp(object.modified) ?? validFrom;
  fill(read, 'value', pattern.value, `${path}/pattern`);
  fill(read, 'firstSeen', object.valid_from as string, `${path}/valid_from`);
  // A feed's indicator may become valid after its last edit; last seen is then its start.
  fill(read, 'lastSeen', timestamp(Math.max(modified, validFrom)), `${path}/modified`);
  if (validUntil !== undefined) fill(read, 'expiresAt', object.valid_until as string, `${path}/valid_until`);
  const id = object.id as string;
  return {
    row: {
      ...read,
      indicatorId: id,
      objectId: id,
      row: { ...read.row, ref: `${feed}:${id}:${String(object.modified)}` },
    },
  };
}
