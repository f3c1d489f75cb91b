import { chainFamilyOf, normalizeCryptoAddress } from '../identifiers/crypto-address.js';
import { detectIdentifier } from '../identifiers/detect.js';
import type { NormalizeResult } from '../identifiers/identifier.js';
import {
  INDICATOR_SOURCES,
  RISK_LEVELS,
  SCAM_TYPES,
  type IndicatorSource,
  type RiskLevel,
  type ScamType,
} from '../indicator.js';

/** One report as a partner file states it, before validation (every field a string or absent). */
export interface ReportRow {
  value?: string;
  network?: string;
  scamType?: string;
  riskLevel?: string;
  source?: string;
  reportCount?: string;
  firstSeen?: string;
  lastSeen?: string;
  jurisdictions?: string;
  expiresAt?: string;
  ref?: string;
}

export interface RowProblem {
  /** 1-based row (CSV line after the header, or STIX object index + 1). */
  row: number;
  field: string;
  message: string;
}

export interface ValidIndicator {
  kind: NonNullable<Extract<NormalizeResult, { ok: true }>['kind']>;
  key: string;
  display: string;
  sources: IndicatorSource[];
  scamType: ScamType;
  riskLevel: RiskLevel;
  firstSeenMs: number;
  lastSeenMs: number;
  reportCount: number;
  jurisdictions: string[];
  expiresAtMs: number | null;
  ref?: string;
}

const oneOf = <T extends string>(
  values: readonly T[],
  value: string | undefined,
  fallback: T,
): T | undefined =>
  value === undefined || value === ''
    ? fallback
    : (values as readonly string[]).includes(value)
      ? (value as T)
      : undefined;

function time(value: string | undefined): number | null | undefined {
  if (value === undefined || value === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Validates and normalizes one report. Every problem in the row is listed (not just the first), so
 * a partner can fix a file in one pass.
 */
export function validateReportRow(
  input: ReportRow,
  row: number,
  defaults: { source: IndicatorSource; nowMs: number },
): { ok: true; indicator: ValidIndicator } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ row, field, message });
  const value = input.value?.trim() ?? '';
  let identifier: NormalizeResult | undefined;
  if (value === '') problem('value', 'is required');
  else if (input.network) {
    const family = chainFamilyOf(input.network);
    if (!family) problem('network', `unknown network ${input.network}`);
    else identifier = normalizeCryptoAddress(value, family, 'value');
  } else identifier = detectIdentifier(value);
  if (identifier && !identifier.ok) problem('value', identifier.reason);

  const scamType = oneOf(SCAM_TYPES, input.scamType, 'unknown');
  if (!scamType) problem('scamType', `must be one of ${SCAM_TYPES.join(', ')}`);
  const riskLevel = oneOf(RISK_LEVELS, input.riskLevel, 'medium');
  if (!riskLevel) problem('riskLevel', `must be one of ${RISK_LEVELS.join(', ')}`);
  const sourceNames = (input.source ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  const sources =
    sourceNames.length === 0
      ? [defaults.source]
      : sourceNames.map((name) => oneOf(INDICATOR_SOURCES, name, defaults.source));
  const source = sources.every((s) => s !== undefined) ? (sources as IndicatorSource[]) : undefined;
  if (!source) problem('source', `must be one or more (separated by ;) of ${INDICATOR_SOURCES.join(', ')}`);
  const reportCount =
    input.reportCount === undefined || input.reportCount === '' ? 1 : Number(input.reportCount);
  if (!Number.isInteger(reportCount) || reportCount < 1 || reportCount > 1_000_000)
    problem('reportCount', 'must be a whole number from 1 to 1000000');
  const firstSeen = time(input.firstSeen);
  const lastSeen = time(input.lastSeen);
  const expiresAt = time(input.expiresAt);
  if (firstSeen === undefined) problem('firstSeen', 'is not a date');
  if (lastSeen === undefined) problem('lastSeen', 'is not a date');
  if (expiresAt === undefined) problem('expiresAt', 'is not a date');
  if (typeof firstSeen === 'number' && typeof lastSeen === 'number' && lastSeen < firstSeen)
    problem('lastSeen', 'is before firstSeen');
  const jurisdictions = (input.jurisdictions ?? '')
    .split(/[;,\s]+/)
    .filter(Boolean)
    .map((j) => j.toUpperCase());
  if (jurisdictions.some((j) => !/^[A-Z]{2}$/.test(j)))
    problem('jurisdictions', 'must be ISO 3166 two-letter codes');

  if (problems.length > 0 || !identifier?.ok || !scamType || !riskLevel || !source)
    return { ok: false, problems };
  const first = firstSeen ?? lastSeen ?? defaults.nowMs;
  return {
    ok: true,
    indicator: {
      kind: identifier.kind,
      key: identifier.key,
      display: identifier.display,
      sources: INDICATOR_SOURCES.filter((s) => source.includes(s)),
      scamType,
      riskLevel,
      firstSeenMs: first,
      lastSeenMs: lastSeen ?? first,
      reportCount,
      jurisdictions: [...new Set(jurisdictions)].sort(),
      expiresAtMs: expiresAt ?? null,
      ...(input.ref ? { ref: input.ref } : {}),
    },
  };
}
