import { resolveLocale } from '../campaigns/locale-fallback.js';

/**
 * The campaign locale to quote for a quiz locale. The campaigns' fallback ends at the
 * jurisdiction's default, but a Portuguese reader in Hong Kong is better served by English than by
 * Chinese: when the fallback lands in another language, English is preferred if the campaign has it.
 */
export function campaignLocaleFor(
  quizLocale: string,
  available: readonly string[],
  jurisdictionDefault: string,
): string | undefined {
  const resolved = resolveLocale(quizLocale, available, jurisdictionDefault);
  const language = (tag: string) => tag.split('-')[0]?.toLowerCase();
  if (resolved && language(resolved) !== language(quizLocale) && available.includes('en')) return 'en';
  return resolved;
}
