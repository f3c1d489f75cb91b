import { normalizeBankAccount } from './bank-account.js';
import { guessChainFamily, normalizeCryptoAddress } from './crypto-address.js';
import { normalizeDomain } from './domain.js';
import { normalizeEmail } from './email.js';
import { invalid, type NormalizeResult } from './identifier.js';
import { normalizePhone } from './phone.js';
import { canonicalPlatform, normalizeSocialHandle } from './social-handle.js';
import { normalizeUrl } from './url.js';

export interface DetectOptions {
  /** Region for phone numbers written without + (the user's jurisdiction). */
  defaultRegion?: string;
  /** Country for a domestic bank account number. */
  bankCountry?: string;
}

// Profile links are looked up as the account they point at, not as a page on a big platform.
const PROFILE_HOSTS: Record<string, string> = {
  't.me': 'telegram',
  'telegram.me': 'telegram',
  'x.com': 'x',
  'twitter.com': 'x',
  'instagram.com': 'instagram',
  'facebook.com': 'facebook',
  'tiktok.com': 'tiktok',
  'youtube.com': 'youtube',
  'wa.me': 'whatsapp',
};

/**
 * Guesses what a free-text query is (address, email, handle, phone, bank account, URL, domain) and
 * normalizes it. Shapes are tried from the most to the least distinctive.
 */
export function detectIdentifier(q: string, options: DetectOptions = {}): NormalizeResult {
  const text = q.trim();
  if (text.length === 0) return invalid('q', 'empty query');
  if (text.length > 2048) return invalid('q', 'query longer than 2048 characters');

  const family = guessChainFamily(text);
  if (family || /^0x/i.test(text)) return normalizeCryptoAddress(text, family ?? 'evm', 'q');

  const platformPrefixed = /^([a-z.]{1,12}):\s*@?([^\s/]+)$/i.exec(text);
  if (platformPrefixed?.[1] && platformPrefixed[2] && canonicalPlatform(platformPrefixed[1])) {
    return normalizeSocialHandle(platformPrefixed[1], platformPrefixed[2], 'q');
  }
  const profile = /^(?:https?:\/\/)?(?:www\.)?([a-z.]+)\/@?([\p{L}\p{N}._-]+)\/?$/iu.exec(text);
  const profilePlatform = profile?.[1] ? PROFILE_HOSTS[profile[1].toLowerCase()] : undefined;
  if (profile?.[2] && profilePlatform) return normalizeSocialHandle(profilePlatform, profile[2], 'q');

  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(text)) return normalizeEmail(text, 'q');

  const compact = text.replace(/[\s.-]/g, '');
  if (/^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9]{8,30}$/.test(compact))
    return normalizeBankAccount(text, undefined, 'q');
  // A short code (1799, 18222) is a phone only where the region is known.
  if (options.defaultRegion && /^[1-9][0-9]{2,5}$/.test(compact))
    return normalizePhone(text, options.defaultRegion, 'q');
  if (/^\+?[0-9()\-.\s]{6,24}$/.test(text) && /[0-9]{3}/.test(text)) {
    const digits = text.replace(/\D/g, '');
    if (text.startsWith('+') || digits.length <= 15) {
      const phone = normalizePhone(text, options.defaultRegion, 'q');
      if (phone.ok || !options.bankCountry) return phone;
    }
    if (options.bankCountry) return normalizeBankAccount(text, options.bankCountry, 'q');
  }

  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[^\s/]+\.[^\s/]+\/.*/.test(text))
    return normalizeUrl(text, 'q');
  if (/^@[\p{L}\p{N}._-]+$/u.test(text)) return invalid('q', 'name the platform, e.g. telegram:@handle');
  if (/\./.test(text)) return normalizeDomain(text, 'q');
  return invalid('q', 'not a recognised address, domain, URL, phone, email, handle or bank account');
}
