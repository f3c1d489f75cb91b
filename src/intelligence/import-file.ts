import { parseIndicatorCsv } from './exchange/csv-format.js';
import { validateReportRow, type RowProblem, type ValidIndicator } from './exchange/report-row.js';
import { parseStixBundle } from './exchange/stix-format.js';
import type { IndicatorSource } from './indicator.js';

export type ImportFormat = 'csv' | 'stix';

/**
 * Parses and validates a whole import file. Either every row is valid and all are returned, or the
 * problems of every bad row are: a file is never half imported.
 */
export function readImportFile(
  text: string,
  options: {
    format: ImportFormat;
    feed: string;
    source: IndicatorSource;
    nowMs: number;
    onRow?: (row: number) => void;
  },
): { ok: true; indicators: ValidIndicator[] } | { ok: false; problems: RowProblem[] } {
  const parsed =
    options.format === 'csv' ? parseIndicatorCsv(text, options.feed) : parseStixBundle(text, options.feed);
  const problems = [...parsed.problems];
  const indicators: ValidIndicator[] = [];
  parsed.rows.forEach((row, index) => {
    const result = validateReportRow(row, index + 1, { source: options.source, nowMs: options.nowMs });
    if (result.ok) indicators.push(result.indicator);
    else problems.push(...result.problems);
    options.onRow?.(index + 1);
  });
  if (problems.length === 0 && indicators.length === 0)
    problems.push({ row: 0, field: 'file', message: 'contains no indicators' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, indicators };
}
