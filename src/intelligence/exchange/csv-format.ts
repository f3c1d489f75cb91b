import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Indicator } from '../indicator.js';
import type { ReportRow, RowProblem } from './report-row.js';

export const CSV_COLUMNS = [
  'value',
  'network',
  'scamType',
  'riskLevel',
  'source',
  'reportCount',
  'firstSeen',
  'lastSeen',
  'jurisdictions',
  'expiresAt',
  'id',
] as const;

/** Parses a CSV of reports with a header row naming some of CSV_COLUMNS; `id` makes rows idempotent per feed. */
export function parseIndicatorCsv(text: string, feed: string): { rows: ReportRow[]; problems: RowProblem[] } {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: false,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return {
      rows: [],
      problems: [{ row: Math.max(1, line - 1), field: 'csv', message: (error as Error).message }],
    };
  }
  const header = Object.keys(records[0] ?? {});
  const unknown = header.filter((column) => !(CSV_COLUMNS as readonly string[]).includes(column));
  if (unknown.length > 0)
    return {
      rows: [],
      problems: [{ row: 0, field: 'header', message: `unknown column(s): ${unknown.join(', ')}` }],
    };
  const rows = records.map((record) => {
    const row: ReportRow = {};
    for (const column of CSV_COLUMNS) {
      const value = record[column];
      if (value === undefined || value === '') continue;
      if (column === 'id') row.ref = `${feed}:${value}`;
      else row[column] = value;
    }
    return row;
  });
  return { rows, problems: [] };
}

export function indicatorsToCsv(indicators: readonly (Indicator & { display: string })[]): string {
  return stringify([
    [
      'value',
      'kind',
      'scamType',
      'riskLevel',
      'source',
      'reportCount',
      'firstSeen',
      'lastSeen',
      'jurisdictions',
      'expiresAt',
    ],
    ...indicators.map((i) => [
      i.display,
      i.kind,
      i.scamType,
      i.riskLevel,
      i.sources.join(';'),
      i.reportCount,
      new Date(i.firstSeenMs).toISOString(),
      new Date(i.lastSeenMs).toISOString(),
      i.jurisdictions.join(';'),
      i.expiresAtMs === null ? '' : new Date(i.expiresAtMs).toISOString(),
    ]),
  ]);
}
