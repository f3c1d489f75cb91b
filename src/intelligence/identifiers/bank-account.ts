import { invalid, type NormalizeResult } from './identifier.js';

// IBAN lengths per country (ISO 13616 registry), so a wrong length gets its own reason.
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  TN: 24,
  TR: 26,
  UA: 29,
  VG: 24,
};

/** ISO 7064 mod 97-10 over an IBAN rearranged with letters as numbers; valid IBANs give 1. */
export function ibanRemainder(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

/**
 * A bank account: an IBAN (checked by mod 97) or a domestic account number with its country.
 * Spaces, dashes and dots are dropped; the key holds the country and the bare number.
 */
export function normalizeBankAccount(input: string, country?: string, field = 'account'): NormalizeResult {
  const compact = input.replace(/[\s.-]/g, '').toUpperCase();
  if (/^[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}$/.test(compact) && IBAN_LENGTHS[compact.slice(0, 2)] !== undefined) {
    return normalizeIban(compact, field);
  }
  const region = country?.trim().toUpperCase();
  if (!region || !/^[A-Z]{2}$/.test(region)) {
    return invalid('country', 'a domestic bank account number needs its two-letter country');
  }
  if (!/^[0-9]{6,34}$/.test(compact)) return invalid(field, 'a bank account number has 6 to 34 digits');
  return {
    ok: true,
    kind: 'bank_account',
    key: `bank:${region}:${compact}`,
    display: `${compact} (${region})`,
    country: region,
  };
}

function normalizeIban(iban: string, field: string): NormalizeResult {
  const country = iban.slice(0, 2);
  const expected = IBAN_LENGTHS[country];
  if (expected !== undefined && iban.length !== expected) {
    return invalid(field, `an IBAN from ${country} has ${expected} characters, this one has ${iban.length}`);
  }
  if (ibanRemainder(iban) !== 1) return invalid(field, 'IBAN check digits do not match (mod 97)');
  return {
    ok: true,
    kind: 'bank_account',
    key: `bank:${country}:${iban}`,
    display: iban.replace(/(.{4})/g, '$1 ').trim(),
    country,
  };
}
