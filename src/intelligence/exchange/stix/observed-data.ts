import { fill, readCaveatProperties, type StixRow } from './caveat-properties.js';
import { isStixObject, timestampProblem, type AddProblem, type StixObject } from './common.js';
import { typeOfRef } from './ids.js';
import { observableType } from './observables.js';
import { parseTimestamp } from './timestamps.js';

/** An SCO as the bundle holds it: at the top level (with its index) or inside observed data. */
export interface LocatedObject {
  object: StixObject;
  path: string;
}

export interface ObservedRead {
  rows: StixRow[];
  /** Types of its embedded SCOs caveat has no identifier kind for (ipv4-addr, file, …). */
  unscreened: string[];
  /** Top-level SCOs it refers to: read as part of it, not again on their own. */
  consumed: string[];
  invalid: boolean;
}

/**
 * Observed data (§4.13): what was seen, how often and when. Each identifier caveat screens becomes a
 * report seen number_observed times between first_observed and last_observed. STIX 2.1 refers to
 * top-level SCOs with object_refs; the deprecated objects dictionary of 2.0 is read too.
 */
export function readObservedData(
  object: StixObject,
  path: string,
  feed: string,
  byId: ReadonlyMap<string, LocatedObject>,
  add: AddProblem,
): ObservedRead {
  const result: ObservedRead = { rows: [], unscreened: [], consumed: [], invalid: false };
  const problem = (field: string, message: string) => {
    result.invalid = true;
    add(`${path}/${field}`, message);
  };
  const first = parseTimestamp(object.first_observed);
  const last = parseTimestamp(object.last_observed);
  if (first === undefined) problem('first_observed', timestampProblem(object.first_observed));
  if (last === undefined) problem('last_observed', timestampProblem(object.last_observed));
  if (first !== undefined && last !== undefined && last < first)
    problem('last_observed', 'is before first_observed');
  const count = object.number_observed;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 999_999_999)
    problem('number_observed', 'is required: a whole number from 1 to 999999999');
  const hasRefs = object.object_refs !== undefined;
  const hasObjects = object.objects !== undefined;
  if (hasRefs === hasObjects)
    problem(hasRefs ? 'objects' : 'object_refs', 'exactly one of object_refs and objects is required');
  const located: LocatedObject[] = [];
  if (hasRefs && !hasObjects) {
    const refs = object.object_refs;
    if (!Array.isArray(refs) || refs.length === 0) problem('object_refs', 'must be a non-empty list of ids');
    else
      refs.forEach((ref, index) => {
        if (!typeOfRef(ref)) problem(`object_refs/${index}`, `${JSON.stringify(ref)} is not <type>--<UUID>`);
        else {
          const target = byId.get(ref as string);
          if (target) {
            located.push(target);
            result.consumed.push(ref as string);
          }
        }
      });
  }
  if (hasObjects && !hasRefs) {
    if (!isStixObject(object.objects) || Object.keys(object.objects).length === 0)
      problem('objects', 'must be a non-empty dictionary of observables');
    else
      for (const [name, sco] of Object.entries(object.objects)) {
        if (!isStixObject(sco) || typeof sco.type !== 'string')
          problem(`objects/${name}/type`, 'is required');
        else located.push({ object: sco, path: `${path}/objects/${name}` });
      }
  }
  const caveat = readCaveatProperties(object, path, (field, message) => {
    result.invalid = true;
    add(field, message);
  });
  if (result.invalid) return result;
  for (const sco of located) {
    const type = sco.object.type as string;
    const observable = observableType(type);
    const value = observable?.read(sco.object);
    if (!observable || value === undefined) {
      // Top-level ones are counted where they stand in the bundle.
      if (sco.path.startsWith(`${path}/`)) result.unscreened.push(type);
      continue;
    }
    const row: StixRow = {
      row: { ...caveat.row },
      path,
      fields: { ...caveat.fields },
      objectId: object.id as string,
    };
    fill(row, 'value', value, `${sco.path}/${observable.property}`);
    fill(row, 'reportCount', String(count), `${path}/number_observed`);
    fill(row, 'firstSeen', object.first_observed as string, `${path}/first_observed`);
    fill(row, 'lastSeen', object.last_observed as string, `${path}/last_observed`);
    row.row.ref = `${feed}:${String(object.id)}:${String(object.modified)}:${String(sco.object.id ?? sco.path)}`;
    result.rows.push(row);
  }
  return result;
}
