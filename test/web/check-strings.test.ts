import { describe, expect, it } from 'vitest';
import { FIRST_CONTACT_CHANNELS, REPORT_CATEGORIES } from '../../src/scam-reports/model.js';
// The check page's strings are a plain browser module; its shape is checked here, its use in Chromium.
import {
  CATEGORY_KEYS,
  FIRST_CONTACT_KEYS,
  JURISDICTION_KEYS,
  TEXT,
  pickLanguage,
} from '../../src/web/check/check-strings.js';

type Strings = Record<string, unknown>;
const languages = TEXT as unknown as Record<string, Strings>;

/** Every key path of a strings object ("errors.identifier", "categories.romance"). */
function keyPaths(value: Strings, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === 'object' && inner !== null
      ? keyPaths(inner as Strings, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('the check page strings', () => {
  it('offers exactly the categories and first-contact channels the API takes', () => {
    expect([...CATEGORY_KEYS]).toEqual([...REPORT_CATEGORIES]);
    expect([...FIRST_CONTACT_KEYS]).toEqual([...FIRST_CONTACT_CHANNELS]);
  });

  it('has every string in all four languages', () => {
    expect(Object.keys(languages).sort()).toEqual(['en', 'pt', 'zh-Hans', 'zh-Hant']);
    const english = keyPaths(languages.en!).sort();
    for (const [lang, strings] of Object.entries(languages)) {
      expect({ lang, keys: keyPaths(strings).sort() }).toEqual({ lang, keys: english });
      const categories = strings.categories as Strings;
      const contacts = strings.firstContacts as Strings;
      const places = strings.jurisdictions as Strings;
      for (const key of CATEGORY_KEYS) expect(typeof categories[key]).toBe('string');
      for (const key of FIRST_CONTACT_KEYS) expect(typeof contacts[key]).toBe('string');
      for (const key of JURISDICTION_KEYS) expect(typeof places[key]).toBe('string');
    }
  });

  it('never words "no reports found" as safe, in any language', () => {
    const unknown = (lang: string) => (languages[lang]!.unknown as () => string)();
    expect(unknown('en')).toMatch(/does not make it safe/);
    expect(unknown('zh-Hant')).toMatch(/不代表安全/);
    expect(unknown('zh-Hans')).toMatch(/不代表安全/);
    expect(unknown('pt')).toMatch(/não significa que seja seguro/);
    // The unverified-report line is never a verdict either.
    for (const lang of Object.keys(languages)) {
      const unverified = (languages[lang]!.unverified as (n: number) => string)(2);
      expect(unverified).toContain('2');
      expect(unverified).not.toMatch(/safe|安全|segur/i);
    }
  });

  it('picks Simplified Chinese for mainland and Singapore readers, Traditional otherwise', () => {
    expect(pickLanguage('zh-CN')).toBe('zh-Hans');
    expect(pickLanguage('zh-Hans-HK')).toBe('zh-Hans');
    expect(pickLanguage('zh-SG')).toBe('zh-Hans');
    expect(pickLanguage('zh-HK')).toBe('zh-Hant');
    expect(pickLanguage('zh-Hant')).toBe('zh-Hant');
    expect(pickLanguage('pt-MO')).toBe('pt');
    expect(pickLanguage('fr')).toBe('en');
  });
});
