/** The kinds of thing a scam can be known by. */
export const INDICATOR_KINDS = [
  'evm_address',
  'bitcoin_address',
  'tron_address',
  'domain',
  'url',
  'phone',
  'email',
  'social_handle',
  'bank_account',
] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/**
 * A normalized identifier. `key` is the one string the same thing always becomes (the index key);
 * `display` is how to show it to a person (checksummed address, Unicode domain, formatted phone).
 */
export interface NormalizedIdentifier {
  ok: true;
  kind: IndicatorKind;
  key: string;
  display: string;
  /** Registrable domain (eTLD+1) for domains, URLs and emails, as ASCII. */
  registrableDomain?: string;
  /** Hostname as ASCII (punycode) for domains, URLs and emails. */
  hostname?: string;
  /** Chain family or network detail, e.g. 'bitcoin-p2wpkh' or 'tron'. */
  network?: string;
  /** ISO 3166 country for phones and bank accounts. */
  country?: string;
  /** Platform for social handles. */
  platform?: string;
}

/** Why an input is not a valid identifier of the expected kind, naming the field. */
export interface IdentifierError {
  ok: false;
  field: string;
  reason: string;
}

export type NormalizeResult = NormalizedIdentifier | IdentifierError;

export const invalid = (field: string, reason: string): IdentifierError => ({ ok: false, field, reason });
