import type { ReportRow } from '../report-row.js';
import type { AddProblem, StixObject } from './common.js';
import { parseTimestamp } from './timestamps.js';

export type RowField = keyof ReportRow;

/** A report read from one STIX object, with the bundle path of each property it came from. */
export interface StixRow {
  row: ReportRow;
  /** The object the report was read from (objects/3). */
  path: string;
  /** Where each report field came from, so a bad value is named as the producer wrote it. */
  fields: Partial<Record<RowField, string>>;
  /** The indicator's id when the report is an indicator object (a caveat export is recognised by it). */
  indicatorId?: string;
  /** The object the row came from, for scam types stated by relationships. */
  objectId?: string;
}

/**
 * caveat's own facts, carried as x_caveat_* custom properties: STIX 2.1 §11.1 allows custom
 * properties named in its alphabet; an extension-definition would say the same at greater length.
 */
export function readCaveatProperties(object: StixObject, path: string, add: AddProblem): StixRow {
  const row: ReportRow = {};
  const fields: StixRow['fields'] = {};
  const text = (property: string, field: RowField) => {
    const value = object[property];
    if (value === undefined) return;
    if (typeof value !== 'string' || value === '') add(`${path}/${property}`, 'must be a non-empty string');
    else {
      row[field] = value;
      fields[field] = `${path}/${property}`;
    }
  };
  text('x_caveat_network', 'network');
  text('x_caveat_scam_type', 'scamType');
  text('x_caveat_risk_level', 'riskLevel');
  text('x_caveat_source', 'source');
  const count = object.x_caveat_report_count;
  if (count !== undefined) {
    if (typeof count !== 'number' || !Number.isInteger(count))
      add(`${path}/x_caveat_report_count`, 'must be a whole number');
    else {
      row.reportCount = String(count);
      fields.reportCount = `${path}/x_caveat_report_count`;
    }
  }
  const jurisdictions = object.x_caveat_jurisdictions;
  if (jurisdictions !== undefined) {
    if (
      !Array.isArray(jurisdictions) ||
      jurisdictions.length === 0 ||
      !jurisdictions.every((j) => typeof j === 'string')
    )
      add(`${path}/x_caveat_jurisdictions`, 'must be a non-empty list of ISO 3166 codes');
    else {
      row.jurisdictions = jurisdictions.join(';');
      fields.jurisdictions = `${path}/x_caveat_jurisdictions`;
    }
  }
  for (const [property, field] of [
    ['x_caveat_first_seen', 'firstSeen'],
    ['x_caveat_last_seen', 'lastSeen'],
  ] as const) {
    const value = object[property];
    if (value === undefined) continue;
    if (parseTimestamp(value) === undefined)
      add(`${path}/${property}`, 'is not a UTC timestamp (RFC 3339, ending in Z)');
    else {
      row[field] = value as string;
      fields[field] = `${path}/${property}`;
    }
  }
  const confidence = object.confidence;
  if (confidence !== undefined) {
    if (typeof confidence !== 'number' || !Number.isInteger(confidence) || confidence < 0 || confidence > 100)
      add(`${path}/confidence`, 'must be a whole number from 0 to 100');
    else if (row.riskLevel === undefined) {
      // STIX confidence is the producer's certainty; without caveat's own risk level it is the best proxy.
      row.riskLevel =
        confidence >= 85 ? 'critical' : confidence >= 65 ? 'high' : confidence >= 35 ? 'medium' : 'low';
      fields.riskLevel = `${path}/confidence`;
    }
  }
  return { row, path, fields };
}

/** Sets a report field unless a caveat property already did, remembering where it came from. */
export function fill(target: StixRow, field: RowField, value: string | undefined, from: string): void {
  if (value === undefined || target.row[field] !== undefined) return;
  target.row[field] = value;
  target.fields[field] = from;
}
