/**
 * A locale in words a person reads, e.g. "Traditional Chinese (zh-Hant)" in English or "繁體中文"
 * in its own language. Falls back to the tag where the runtime has no name for it.
 */
export function localeName(tag: string, inLanguage = 'en'): string {
  return `${displayName(tag, inLanguage)} (${tag})`;
}

/** The locale's name in its own language, as a reviewer's statement quotes it. */
export function nativeLocaleName(tag: string): string {
  return displayName(tag, tag);
}

function displayName(tag: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage, 'en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[], and = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}
