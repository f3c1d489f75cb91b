/**
 * Whether an email belongs to one of an agency's official domains: the domain itself or a subdomain
 * of it (`officer@cyber.hkpf.example` for `hkpf.example`), never a look-alike suffix
 * (`evilhkpf.example`). Compared as lowercase ASCII; IDN domains must be given in punycode.
 */
export function emailInAgencyDomains(email: string, domains: readonly string[]): boolean {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return false;
  const host = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
  return domains.some((raw) => {
    const domain = normalizeAgencyDomain(raw);
    return domain !== null && (host === domain || host.endsWith(`.${domain}`));
  });
}

/** A domain as stored: lowercase, no trailing dot; null when it is not a plausible hostname. */
export function normalizeAgencyDomain(raw: string): string | null {
  const domain = raw.trim().toLowerCase().replace(/\.$/, '');
  const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
  return new RegExp(`^(?:${label}\\.)+${label}$`).test(domain) && domain.length <= 253 ? domain : null;
}
