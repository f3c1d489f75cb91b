import { describe, expect, it } from 'vitest';
import {
  CONSOLE_LANGUAGES,
  NAMESPACES,
  initialLanguage,
  type Messages,
} from '../../src/web/console/i18n/index.js';

/** Every key path of a message tree, with the {{placeholders}} its text uses. */
function keys(messages: Messages, prefix = ''): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string')
      found.set(path, [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort());
    else for (const [inner, params] of keys(value, path)) found.set(inner, params);
  }
  return found;
}

describe('console languages', () => {
  for (const [name, namespace] of Object.entries(NAMESPACES)) {
    it(`${name}: every language has the same keys and the same placeholders as English`, () => {
      const english = keys(namespace.en);
      for (const language of CONSOLE_LANGUAGES) {
        const other = keys(namespace[language]);
        expect([...other.keys()].sort(), language).toEqual([...english.keys()].sort());
        for (const [key, params] of english) expect(other.get(key), `${language} ${key}`).toEqual(params);
      }
    });
  }

  it('takes the saved choice, else a Hong Kong, Macau or Taiwan browser gets Traditional Chinese', () => {
    expect(initialLanguage('en', ['zh-HK'])).toBe('en');
    expect(initialLanguage(null, ['zh-HK', 'en'])).toBe('zh-Hant');
    expect(initialLanguage(null, ['zh-Hant-MO'])).toBe('zh-Hant');
    expect(initialLanguage(null, ['zh-CN', 'en-GB'])).toBe('en');
    expect(initialLanguage('fr', ['fr-FR'])).toBe('en');
  });
});
