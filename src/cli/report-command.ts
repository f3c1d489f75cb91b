import { writeFile } from 'node:fs/promises';

export interface ReportOptions {
  url: string;
  key: string;
  format: string;
  out?: string;
  from?: string;
  to?: string;
  campaign?: string;
  jurisdiction?: string;
  version?: string;
  variant?: string;
  locale?: string;
  asset?: string;
  amountBand?: string;
  sequential?: boolean;
}

const PATHS: Record<string, string> = { json: 'pilot', csv: 'pilot.csv', html: 'pilot.html' };

/** `caveat report`: fetches the pilot report from a running caveat (the HTTP API is the one way). */
export async function reportCommand(options: ReportOptions): Promise<void> {
  const path = PATHS[options.format];
  if (!path) throw new Error('--format must be json, csv or html');
  const query = new URLSearchParams();
  const fields = [
    'from',
    'to',
    'campaign',
    'jurisdiction',
    'version',
    'variant',
    'locale',
    'asset',
    'amountBand',
  ] as const;
  for (const field of fields) {
    const value = options[field];
    if (value !== undefined) query.set(field, value);
  }
  if (options.sequential) query.set('sequential', 'true');
  const response = await fetch(`${options.url.replace(/\/$/, '')}/v1/reports/${path}?${query}`, {
    headers: { authorization: `Bearer ${options.key}` },
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`the report request failed (${response.status}): ${body}`);
  if (options.out) {
    await writeFile(options.out, body);
    process.stdout.write(`wrote ${options.out}\n`);
  } else process.stdout.write(body.endsWith('\n') ? body : `${body}\n`);
}
