import { invalid, type NormalizeResult } from './identifier.js';

export const SOCIAL_PLATFORMS = [
  'telegram',
  'x',
  'whatsapp',
  'instagram',
  'facebook',
  'tiktok',
  'youtube',
  'discord',
  'wechat',
  'line',
  'linkedin',
] as const;
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

const PLATFORM_ALIASES: Record<string, SocialPlatform> = {
  twitter: 'x',
  tg: 'telegram',
  't.me': 'telegram',
  fb: 'facebook',
  ig: 'instagram',
};

/** The canonical platform name, accepting common aliases (twitter → x, tg → telegram). */
export function canonicalPlatform(name: string): SocialPlatform | undefined {
  const lower = name.trim().toLowerCase();
  if ((SOCIAL_PLATFORMS as readonly string[]).includes(lower)) return lower as SocialPlatform;
  return PLATFORM_ALIASES[lower];
}

/**
 * A social-media account: platform plus handle, without @ or a profile URL around it, lowercased
 * (handles on these platforms are case-insensitive).
 */
export function normalizeSocialHandle(platform: string, handle: string, field = 'handle'): NormalizeResult {
  const canonical = canonicalPlatform(platform);
  if (!canonical) return invalid('platform', `unknown platform ${platform}`);
  const bare = handle
    .trim()
    .replace(/^https?:\/\/(www\.)?[^/]+\//i, '')
    .replace(/^@/, '')
    .replace(/\/$/, '');
  if (!/^[\p{L}\p{N}._-]{1,64}$/u.test(bare)) {
    return invalid(field, 'a handle has 1 to 64 letters, digits, dots, hyphens or underscores');
  }
  const normalized = bare.normalize('NFC').toLowerCase();
  return {
    ok: true,
    kind: 'social_handle',
    key: `handle:${canonical}:${normalized}`,
    display: `@${bare} on ${canonical}`,
    platform: canonical,
  };
}
