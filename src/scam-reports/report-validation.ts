import type { FieldProblem } from '../errors.js';
import { chainFamilyOf, normalizeCryptoAddress } from '../intelligence/identifiers/crypto-address.js';
import { detectIdentifier } from '../intelligence/identifiers/detect.js';
import type { NormalizedIdentifier, NormalizeResult } from '../intelligence/identifiers/identifier.js';
import { normalizeBankAccount } from '../intelligence/identifiers/bank-account.js';
import { canonicalPlatform, normalizeSocialHandle } from '../intelligence/identifiers/social-handle.js';
import type { Loss, ReporterContact, ReportIdentifierInput } from './model.js';

/**
 * The checks a report's schema cannot make: each identifier normalized and validated by the
 * intelligence part (so a report and an indicator of the same thing have the same key), contact
 * details only with consent, a loss that is not in the future. Every problem names its field as the
 * form names it (body/identifiers/2/value).
 */

/**
 * One identifier. `network` says what the value is when its shape alone cannot: a chain for an
 * address (ETH, TRC20, BTC), a platform for a handle (telegram), a country for a bank account (HK).
 */
export function normalizeReportIdentifier(
  input: ReportIdentifierInput,
  jurisdiction: string,
  field: string,
): NormalizeResult {
  const value = input.value.trim();
  const network = input.network?.trim();
  let result: NormalizeResult;
  if (network) {
    const family = chainFamilyOf(network);
    if (family) result = normalizeCryptoAddress(value, family, 'value');
    else if (canonicalPlatform(network)) result = normalizeSocialHandle(network, value, 'value');
    else if (/^[A-Za-z]{2}$/.test(network))
      result = normalizeBankAccount(value, network.toUpperCase(), 'value');
    else return { ok: false, field: `${field}/network`, reason: `unknown network or platform ${network}` };
  } else {
    result = detectIdentifier(value, { defaultRegion: jurisdiction });
  }
  // The intelligence part names its own fields (q, address); the report form has only value.
  return result.ok ? result : { ok: false, field: `${field}/value`, reason: result.reason };
}

export interface ValidReportParts {
  identifiers: NormalizedIdentifier[];
  transactionHashes: string[];
}

export function validateReportParts(
  input: {
    identifiers: readonly ReportIdentifierInput[];
    transactionHashes?: readonly string[] | undefined;
    loss?: Loss | undefined;
    consentToPoliceContact: boolean;
    reporterContact?: ReporterContact | undefined;
  },
  jurisdiction: string,
  today: string,
): { ok: true; parts: ValidReportParts } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const identifiers: NormalizedIdentifier[] = [];
  const seen = new Set<string>();
  input.identifiers.forEach((identifier, i) => {
    const result = normalizeReportIdentifier(identifier, jurisdiction, `body/identifiers/${i}`);
    if (!result.ok) problems.push({ field: result.field, message: result.reason });
    else if (!seen.has(result.key)) {
      seen.add(result.key);
      identifiers.push(result);
    }
  });
  if (input.reporterContact && !input.consentToPoliceContact)
    problems.push({
      field: 'body/reporterContact',
      message: 'contact details are kept only with consent to police contact (consentToPoliceContact: true)',
    });
  if (input.loss) {
    if (input.loss.date > today)
      problems.push({ field: 'body/loss/date', message: 'a loss cannot be in the future' });
    if (!/[1-9]/.test(input.loss.amount))
      problems.push({ field: 'body/loss/amount', message: 'must be more than 0' });
  }
  const transactionHashes = [
    ...new Set((input.transactionHashes ?? []).map((hash) => hash.toLowerCase().replace(/^0x/, ''))),
  ];
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, parts: { identifiers, transactionHashes } };
}
