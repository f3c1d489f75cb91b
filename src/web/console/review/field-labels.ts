import type { TFunction } from 'i18next';

/**
 * A field of a locale's content in the form's words: ["tips", 1] is "Tip 2", ["contacts", 0,
 * "phone"] is "Contact 1 — phone number". Numbered from one, as the form numbers them.
 */
export function fieldLabel(segments: readonly (string | number)[], t: TFunction): string {
  const words: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const next = segments[i + 1];
    if (typeof segment === 'string' && typeof next === 'number') {
      words.push(t(`field.item.${segment}`, { n: next + 1, defaultValue: `${segment} ${next + 1}` }));
      i++;
    } else if (typeof segment === 'string') {
      words.push(t(`field.part.${segment}`, { defaultValue: segment }));
    } else {
      words.push(String(segment + 1));
    }
  }
  return words.join(' — ');
}

/** "English → Tip 2": where a comment sits, as a reader names it. */
export function commentPlace(localeName: string | null, label: string): string {
  return localeName ? `${localeName} → ${label}` : label;
}
