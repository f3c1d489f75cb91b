import { domainToASCII, domainToUnicode } from 'node:url';
import { parse } from 'tldts';
import { invalid, type NormalizeResult } from './identifier.js';

export interface ParsedHostname {
  /** Lowercase ASCII (punycode) hostname without a trailing dot. */
  ascii: string;
  /** The same hostname in Unicode, as a browser may show it. */
  unicode: string;
  /** Registrable domain (eTLD+1) by the Public Suffix List, including private suffixes. */
  registrable: string;
  /** The registrable domain without its public suffix: the label a brand lives in. */
  label: string;
  publicSuffix: string;
  /** Labels left of the registrable domain, outermost first. */
  subdomain: string;
}

/**
 * Parses a hostname by the Public Suffix List. Private suffixes count (github.io, pages.dev), since
 * each site under them has a different owner. IDN input is converted to punycode and back.
 */
export function parseHostname(input: string): ParsedHostname | undefined {
  const trimmed = input.trim().replace(/\.$/, '');
  if (trimmed.length === 0 || trimmed.length > 253) return undefined;
  const ascii = domainToASCII(trimmed.toLowerCase());
  if (!ascii || !ascii.includes('.')) return undefined;
  const parts = parse(ascii, { allowPrivateDomains: true, detectIp: true });
  if (parts.isIp || !parts.domain || !parts.publicSuffix || !parts.domainWithoutSuffix) return undefined;
  return {
    ascii,
    unicode: domainToUnicode(ascii),
    registrable: parts.domain,
    label: parts.domainWithoutSuffix,
    publicSuffix: parts.publicSuffix,
    subdomain: parts.subdomain ?? '',
  };
}

/** A domain name; the key is the full ASCII hostname, `registrableDomain` its eTLD+1. */
export function normalizeDomain(input: string, field = 'domain'): NormalizeResult {
  const text = input.trim();
  if (/[\s/@:?#]/.test(text)) return invalid(field, 'a domain name has no spaces, slashes, @, : or ?');
  const host = parseHostname(text);
  if (!host) return invalid(field, 'not a domain name under a known public suffix');
  if (host.ascii.split('.').some((label) => label.length > 63)) {
    return invalid(field, 'a domain label has at most 63 characters');
  }
  return {
    ok: true,
    kind: 'domain',
    key: `domain:${host.ascii}`,
    display: host.unicode,
    hostname: host.ascii,
    registrableDomain: host.registrable,
  };
}
