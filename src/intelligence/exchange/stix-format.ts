import type { ReportRow, RowProblem } from './report-row.js';
import { readStixRows } from './stix/bundle.js';

/**
 * STIX 2.1, the format police and threat-intel partners exchange: caveat writes `indicator`
 * objects with single-comparison patterns and x_caveat_* properties, and reads indicators, observed
 * data, stand-alone observables and `indicates` relationships. One file per object kind in stix/.
 */
export { indicatorsToStix } from './stix/export.js';
export { readStixBundle, type IgnoredObjects, type StixIndicator } from './stix/bundle.js';
export { joinExportedState } from './stix/own-export.js';

/** The bundle's reports as rows, for the CLI's local check before sending (problems name objects/N/…). */
export function parseStixBundle(text: string, feed: string): { rows: ReportRow[]; problems: RowProblem[] } {
  const read = readStixRows(text, feed);
  return {
    rows: read.rows.map((r) => r.row),
    problems: read.problems.map((p) => ({
      row: Number(/^objects\/(\d+)/.exec(p.field)?.[1] ?? -1) + 1,
      field: p.field,
      message: p.message,
    })),
  };
}
