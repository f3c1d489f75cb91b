import type { IndicatorSource } from '../../indicator.js';
import { validateReportRow, type ValidIndicator } from '../report-row.js';
import type { StixRow } from './caveat-properties.js';
import { checkCommonProperties, isStixObject, type StixObject, type StixProblem } from './common.js';
import { idProblem, indicatorIdOf } from './ids.js';
import { readIndicator } from './indicator.js';
import { observableType, STIX_OBSERVABLE_TYPES } from './observables.js';
import { readObservedData, type LocatedObject, type ObservedRead } from './observed-data.js';
import { checkSighting, readRelationship, type Relationship } from './relationship.js';
import { scamTypeOf } from './scam-type-hints.js';

/** Objects of one type that carried nothing caveat keeps, and why: said in the response, not dropped. */
export interface IgnoredObjects {
  type: string;
  count: number;
  reason: string;
}

/**
 * A report read from a bundle. `snapshot` marks caveat's own export of an indicator (its id is the
 * one caveat derives from the key): a statement of the indicator's whole state, not a new report.
 */
export type StixIndicator = ValidIndicator & { snapshot?: true };

export interface StixRows {
  rows: StixRow[];
  problems: StixProblem[];
  ignored: IgnoredObjects[];
}

const isObservable = (type: string) =>
  (STIX_OBSERVABLE_TYPES as readonly string[]).includes(type) || observableType(type) !== undefined;

/**
 * Reads a STIX 2.1 bundle into reports, checking every object against what the spec requires of it
 * and naming each problem by its path (objects/3/id). Indicators, observed data and stand-alone SCOs
 * carry reports; relationships from an indicator to what it `indicates` give its scam type; every
 * other valid object is counted as ignored with a reason.
 */
export function readStixRows(text: string, feed: string): StixRows {
  const problems: StixProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  let bundle: unknown;
  try {
    bundle = JSON.parse(text);
  } catch (error) {
    return {
      rows: [],
      problems: [{ field: 'content', message: `is not JSON: ${(error as Error).message}` }],
      ignored: [],
    };
  }
  if (!isStixObject(bundle) || bundle.type !== 'bundle')
    return {
      rows: [],
      problems: [{ field: 'type', message: 'must be "bundle": a STIX 2.1 bundle' }],
      ignored: [],
    };
  const bundleId = idProblem(bundle.id, 'bundle');
  if (bundleId) add('id', bundleId);
  if (bundle.spec_version !== undefined)
    add('spec_version', 'a STIX 2.1 bundle has no spec_version (this looks like STIX 2.0; caveat reads 2.1)');
  if (bundle.objects !== undefined && !Array.isArray(bundle.objects))
    add('objects', 'must be a list of STIX objects');
  const objects: unknown[] = Array.isArray(bundle.objects) ? bundle.objects : [];

  const types: (string | undefined)[] = [];
  const broken = new Set<number>();
  const byId = new Map<string, LocatedObject & { index: number }>();
  objects.forEach((object, index) => {
    const path = `objects/${index}`;
    if (!isStixObject(object)) {
      add(path, 'must be a STIX object');
      types.push(undefined);
      return;
    }
    const before = problems.length;
    types.push(checkCommonProperties(object, path, add));
    // Read on, so every problem of the object is listed, but a broken object yields no report.
    if (problems.length > before) broken.add(index);
    if (typeof object.id === 'string') byId.set(object.id, { object, path, index });
  });
  const at = (index: number) => objects[index] as StixObject;

  // Relationships first: they say which observed data is an indicator's evidence and what it indicates.
  const relationships = new Map<number, Relationship>();
  types.forEach((type, index) => {
    if (type === 'relationship') {
      const relationship = readRelationship(at(index), `objects/${index}`, add);
      if (relationship) relationships.set(index, relationship);
    }
    if (type === 'sighting') checkSighting(at(index), `objects/${index}`, add);
  });
  const used = new Set<number>();
  const evidence = new Set<string>();
  for (const [index, r] of relationships)
    if (
      r.type === 'based-on' &&
      r.source.startsWith('indicator--') &&
      r.target.startsWith('observed-data--')
    ) {
      evidence.add(r.target);
      used.add(index);
    }

  const observed = new Map<number, ObservedRead>();
  const consumed = new Set<string>();
  const evidenceObservables = new Set<string>();
  types.forEach((type, index) => {
    const object = at(index);
    if (type !== 'observed-data') return;
    if (evidence.has(object.id as string)) {
      if (Array.isArray(object.object_refs))
        for (const ref of object.object_refs) if (typeof ref === 'string') evidenceObservables.add(ref);
      return;
    }
    const read = readObservedData(object, `objects/${index}`, feed, byId, add);
    observed.set(index, read);
    read.consumed.forEach((id) => consumed.add(id));
  });

  const rows: StixRow[] = [];
  const ignoredAt = new Map<number, string>();
  const ignoredInside: { index: number; type: string; reason: string }[] = [];
  const EVIDENCE = 'evidence for an indicator in this bundle (based-on)';
  types.forEach((type, index) => {
    if (type === undefined) return;
    const object = at(index);
    const path = `objects/${index}`;
    if (type === 'indicator') {
      const read = readIndicator(object, path, feed, add);
      if ('row' in read && !broken.has(index)) rows.push(read.row);
      else if ('ignored' in read) ignoredAt.set(index, read.ignored);
    } else if (type === 'observed-data') {
      const read = observed.get(index);
      if (!read) ignoredAt.set(index, EVIDENCE);
      else if (read.invalid || broken.has(index)) return;
      else if (read.rows.length === 0) ignoredAt.set(index, 'observes no identifier caveat screens');
      else rows.push(...read.rows);
      for (const inside of read?.unscreened ?? [])
        ignoredInside.push({ index, type: inside, reason: `caveat screens no ${inside}` });
    } else if (isObservable(type)) {
      const observable = observableType(type);
      const value = observable?.read(object);
      if (evidenceObservables.has(object.id as string)) ignoredAt.set(index, EVIDENCE);
      else if (!observable || value === undefined) ignoredAt.set(index, `caveat screens no ${type}`);
      else if (!consumed.has(object.id as string) && !broken.has(index))
        rows.push({
          row: { value, ref: `${feed}:${String(object.id)}` },
          path,
          fields: { value: `${path}/${observable.property}` },
        });
    } else if (type !== 'relationship' && !used.has(index)) ignoredAt.set(index, 'carries no indicator');
  });

  // What an indicator indicates (a malware, a campaign, a threat actor) can name its scam type.
  const rowsByIndicator = new Map(
    rows.flatMap((row) => (row.indicatorId ? [[row.indicatorId, row] as const] : [])),
  );
  for (const [index, r] of relationships) {
    const row = rowsByIndicator.get(r.source);
    const target = byId.get(r.target);
    if (r.type !== 'indicates' || !row || !target) continue;
    const scamType = scamTypeOf(target.object);
    if (scamType === undefined) continue;
    if (row.row.scamType === undefined) {
      row.row.scamType = scamType;
      row.fields.scamType = target.path;
    }
    used.add(index);
    used.add(target.index);
    ignoredAt.delete(target.index);
  }
  types.forEach((type, index) => {
    if (type === 'relationship' && !used.has(index)) ignoredAt.set(index, 'states nothing caveat keeps');
  });

  const ignored: IgnoredObjects[] = [];
  const entries = [
    ...[...ignoredAt]
      .filter(([index]) => !broken.has(index))
      .map(([index, reason]) => ({ index, type: at(index).type as string, reason })),
    ...ignoredInside,
  ].sort((a, b) => a.index - b.index);
  for (const { type, reason } of entries) {
    const same = ignored.find((i) => i.type === type && i.reason === reason);
    if (same) same.count += 1;
    else ignored.push({ type, count: 1, reason });
  }
  if (problems.length === 0 && rows.length === 0)
    add(
      'objects',
      `contain no indicator, observed data or observable caveat screens${
        ignored.length > 0 ? ` (ignored: ${ignored.map((i) => `${i.count} ${i.type}`).join(', ')})` : ''
      }`,
    );
  return { rows, problems, ignored };
}

/**
 * Reads and validates a whole bundle: either every object is valid and every report is returned,
 * or every problem of every object is, and nothing is imported.
 */
export function readStixBundle(
  text: string,
  options: { feed: string; source: IndicatorSource; nowMs: number },
):
  | { ok: true; indicators: StixIndicator[]; ignored: IgnoredObjects[] }
  | { ok: false; problems: StixProblem[] } {
  const read = readStixRows(text, options.feed);
  const problems = [...read.problems];
  const indicators: StixIndicator[] = [];
  read.rows.forEach((row, index) => {
    const result = validateReportRow(row.row, index + 1, { source: options.source, nowMs: options.nowMs });
    if (!result.ok) {
      for (const p of result.problems)
        problems.push({
          field: row.fields[p.field as keyof StixRow['fields']] ?? row.path,
          message: p.message,
        });
      return;
    }
    if (row.indicatorId !== undefined && row.indicatorId === indicatorIdOf(result.indicator.key)) {
      // caveat's own export: joined as a state (see joinExportedState), so it needs no feed-entry memory.
      const { ref: _ref, ...state } = result.indicator;
      indicators.push({ ...state, snapshot: true });
    } else indicators.push(result.indicator);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, indicators, ignored: read.ignored };
}
