import { readFile } from 'node:fs/promises';
import { Presets, SingleBar } from 'cli-progress';
import { readImportFile, type ImportFormat } from '../intelligence/import-file.js';
import { INDICATOR_SOURCES, type IndicatorSource } from '../intelligence/indicator.js';

export interface ImportOptions {
  url: string;
  key: string;
  format: string;
  feed: string;
  source: string;
}

/**
 * `caveat import`: checks the whole file here first (with a progress bar), lists every bad row, and
 * only then sends it to a running caveat, which imports it in one transaction (all or nothing).
 */
export async function importCommand(file: string, options: ImportOptions): Promise<void> {
  if (options.format !== 'csv' && options.format !== 'stix') throw new Error('--format must be csv or stix');
  if (!(INDICATOR_SOURCES as readonly string[]).includes(options.source))
    throw new Error(`--source must be one of ${INDICATOR_SOURCES.join(', ')}`);
  const content = await readFile(file, 'utf8');
  const format = options.format as ImportFormat;
  const bar = new SingleBar({ format: 'checking {bar} {value} rows' }, Presets.shades_classic);
  bar.start(content.split('\n').length, 0);
  const read = readImportFile(content, {
    format,
    feed: options.feed,
    source: options.source as IndicatorSource,
    nowMs: Date.now(),
    onRow: (row) => bar.update(row),
  });
  bar.stop();
  if (!read.ok) {
    for (const p of read.problems.slice(0, 200))
      process.stderr.write(`row ${p.row}, ${p.field}: ${p.message}\n`);
    throw new Error(`${read.problems.length} problem(s) in ${file}; nothing was imported`);
  }
  const response = await fetch(`${options.url.replace(/\/$/, '')}/v1/admin/indicators/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ format, feed: options.feed, source: options.source, content }),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`the import was refused (${response.status}): ${body}`);
  const result = JSON.parse(body) as { rows: number; merged: number; skipped: number; keys: number };
  process.stdout.write(
    `imported ${result.rows} rows: ${result.merged} merged, ${result.skipped} already imported, ${result.keys} indicators changed\n`,
  );
}

/** `caveat lookup`: the same answer the API gives, printed. */
export async function lookupCommand(q: string, options: { url: string; key: string }): Promise<void> {
  const response = await fetch(`${options.url.replace(/\/$/, '')}/v1/lookup?q=${encodeURIComponent(q)}`, {
    headers: { authorization: `Bearer ${options.key}` },
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`lookup failed (${response.status}): ${body}`);
  process.stdout.write(`${JSON.stringify(JSON.parse(body), null, 2)}\n`);
}
