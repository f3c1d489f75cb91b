import { writeFile } from 'node:fs/promises';

export interface ReportsExportOptions {
  url: string;
  key: string;
  format: string;
  out?: string;
}

/**
 * `caveat reports export`: the confirmed scam-report clusters' identifiers from a running caveat,
 * as CSV or a STIX 2.1 bundle, through the same HTTP API the console uses (no reporter data).
 */
export async function reportsExportCommand(options: ReportsExportOptions): Promise<void> {
  if (options.format !== 'csv' && options.format !== 'stix') throw new Error('--format must be csv or stix');
  const response = await fetch(
    `${options.url.replace(/\/$/, '')}/v1/admin/scam-clusters/export?format=${options.format}`,
    { headers: { authorization: `Bearer ${options.key}` } },
  );
  const body = await response.text();
  if (!response.ok) throw new Error(`the export request failed (${response.status}): ${body}`);
  if (options.out) {
    await writeFile(options.out, body);
    process.stdout.write(`wrote ${options.out}\n`);
  } else process.stdout.write(body.endsWith('\n') ? body : `${body}\n`);
}
