import { randomUUID } from 'node:crypto';
import type { Indicator } from '../indicator.js';
import type { ReportRow, RowProblem } from './report-row.js';

/**
 * STIX 2.1 bundles of `indicator` objects, the format police and threat-intel partners exchange.
 * Patterns are the single-comparison form feeds use ([domain-name:value = '…']); caveat's own facts
 * travel in x_caveat_* custom properties, which STIX 2.1 allows (§11.1).
 */
const OBJECT_PATHS: Record<string, string> = {
  'domain-name:value': 'domain',
  'url:value': 'url',
  'email-addr:value': 'email',
  'cryptocurrency-wallet:value': 'crypto',
  'x-caveat-identifier:value': 'any',
  'user-account:account_login': 'handle',
};
const PATTERN = /^\[\s*([a-z0-9-]+:[a-z_]+)\s*=\s*'((?:[^'\\]|\\.)*)'\s*\]$/;

interface StixIndicator {
  type?: unknown;
  id?: unknown;
  spec_version?: unknown;
  pattern?: unknown;
  pattern_type?: unknown;
  modified?: unknown;
  valid_from?: unknown;
  valid_until?: unknown;
  confidence?: unknown;
  x_caveat_network?: unknown;
  x_caveat_scam_type?: unknown;
  x_caveat_risk_level?: unknown;
  x_caveat_report_count?: unknown;
  x_caveat_jurisdictions?: unknown;
  x_caveat_first_seen?: unknown;
  x_caveat_source?: unknown;
}

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

function riskFromConfidence(confidence: unknown): string | undefined {
  if (typeof confidence !== 'number') return undefined;
  return confidence >= 85 ? 'critical' : confidence >= 65 ? 'high' : confidence >= 35 ? 'medium' : 'low';
}

export function parseStixBundle(text: string, feed: string): { rows: ReportRow[]; problems: RowProblem[] } {
  let bundle: { type?: unknown; objects?: unknown };
  try {
    bundle = JSON.parse(text) as typeof bundle;
  } catch (error) {
    return {
      rows: [],
      problems: [{ row: 0, field: 'bundle', message: `not JSON: ${(error as Error).message}` }],
    };
  }
  if (bundle.type !== 'bundle' || !Array.isArray(bundle.objects))
    return {
      rows: [],
      problems: [{ row: 0, field: 'bundle', message: 'expected a STIX bundle with objects' }],
    };
  const rows: ReportRow[] = [];
  const problems: RowProblem[] = [];
  (bundle.objects as StixIndicator[]).forEach((object, index) => {
    if (object.type !== 'indicator') return; // identities, relationships…: not indicators, not errors
    const row = index + 1;
    if (object.spec_version !== '2.1') problems.push({ row, field: 'spec_version', message: 'must be 2.1' });
    if (object.pattern_type !== 'stix')
      problems.push({ row, field: 'pattern_type', message: 'only stix patterns are read' });
    const match = PATTERN.exec(str(object.pattern) ?? '');
    if (!match?.[1] || !OBJECT_PATHS[match[1]]) {
      problems.push({
        row,
        field: 'pattern',
        message: `expected [${Object.keys(OBJECT_PATHS).join(' | ')} = '…']`,
      });
      return;
    }
    const value = (match[2] ?? '').replace(/\\(.)/g, '$1');
    const jurisdictions = object.x_caveat_jurisdictions;
    rows.push({
      value: OBJECT_PATHS[match[1]] === 'handle' && !value.includes(':') ? value : value,
      ...(str(object.x_caveat_network) ? { network: str(object.x_caveat_network) } : {}),
      ...(str(object.x_caveat_scam_type) ? { scamType: str(object.x_caveat_scam_type) } : {}),
      ...((str(object.x_caveat_risk_level) ?? riskFromConfidence(object.confidence))
        ? { riskLevel: str(object.x_caveat_risk_level) ?? riskFromConfidence(object.confidence) }
        : {}),
      ...(str(object.x_caveat_source) ? { source: str(object.x_caveat_source) } : {}),
      ...(object.x_caveat_report_count !== undefined
        ? { reportCount: String(object.x_caveat_report_count) }
        : {}),
      ...((str(object.x_caveat_first_seen) ?? str(object.valid_from))
        ? { firstSeen: str(object.x_caveat_first_seen) ?? str(object.valid_from) }
        : {}),
      ...(str(object.modified) ? { lastSeen: str(object.modified) } : {}),
      ...(str(object.valid_until) ? { expiresAt: str(object.valid_until) } : {}),
      ...(Array.isArray(jurisdictions)
        ? { jurisdictions: jurisdictions.filter((j) => typeof j === 'string').join(';') }
        : {}),
      ...(str(object.id) ? { ref: `${feed}:${str(object.id)}:${str(object.modified) ?? ''}` } : {}),
    });
  });
  return { rows, problems };
}

const PATH_OF_KIND: Record<string, string> = {
  domain: 'domain-name:value',
  url: 'url:value',
  email: 'email-addr:value',
  evm_address: 'cryptocurrency-wallet:value',
  bitcoin_address: 'cryptocurrency-wallet:value',
  tron_address: 'cryptocurrency-wallet:value',
};

export function indicatorsToStix(
  indicators: readonly (Indicator & { display: string })[],
  now: Date,
): string {
  const created = now.toISOString();
  const objects = indicators.map((i) => ({
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created,
    modified: new Date(i.lastSeenMs).toISOString(),
    name: `${i.scamType} ${i.kind}`,
    indicator_types: ['malicious-activity'],
    pattern: `[${PATH_OF_KIND[i.kind] ?? 'x-caveat-identifier:value'} = '${i.display.replace(/['\\]/g, '\\$&')}']`,
    pattern_type: 'stix',
    valid_from: new Date(i.firstSeenMs).toISOString(),
    ...(i.expiresAtMs !== null ? { valid_until: new Date(i.expiresAtMs).toISOString() } : {}),
    x_caveat_scam_type: i.scamType,
    x_caveat_risk_level: i.riskLevel,
    x_caveat_report_count: i.reportCount,
    x_caveat_jurisdictions: i.jurisdictions,
    x_caveat_first_seen: new Date(i.firstSeenMs).toISOString(),
    x_caveat_source: i.sources.join(';'),
  }));
  return JSON.stringify({ type: 'bundle', id: `bundle--${randomUUID()}`, objects }, null, 2);
}
