import { parseHostname } from './domain.js';
import { invalid, type NormalizeResult } from './identifier.js';

/**
 * An email address: the domain is lowercased and punycoded; the local part is kept as written
 * except for case, since nearly every provider treats it case-insensitively.
 */
export function normalizeEmail(input: string, field = 'email'): NormalizeResult {
  const text = input.trim().replace(/^mailto:/i, '');
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return invalid(field, 'an email address has the form name@domain');
  const local = text.slice(0, at);
  if (local.length > 64) return invalid(field, 'the part before @ has at most 64 characters');
  if (/[\s<>()[\]\\,;:@"]/.test(local))
    return invalid(field, 'the part before @ has a character not allowed');
  const host = parseHostname(text.slice(at + 1));
  if (!host) return invalid(field, 'the email domain is not a domain under a known public suffix');
  const address = `${local.toLowerCase()}@${host.ascii}`;
  return {
    ok: true,
    kind: 'email',
    key: `email:${address}`,
    display: `${local}@${host.unicode}`,
    hostname: host.ascii,
    registrableDomain: host.registrable,
  };
}
