import { describe, expect, it } from 'vitest';
import { localeCandidates, resolveLocale } from '../../src/campaigns/locale-fallback.js';

describe('locale fallback', () => {
  it('walks zh-Hant-MO to zh-Hant, then the jurisdiction default, then English', () => {
    expect(localeCandidates('zh-Hant-MO', 'pt')).toEqual(['zh-Hant-MO', 'zh-Hant', 'zh', 'pt', 'en']);
  });

  it('makes the script explicit, so zh-MO and zh-HK find Traditional Chinese', () => {
    expect(resolveLocale('zh-MO', ['en', 'zh-Hant', 'zh-Hans'], 'en')).toBe('zh-Hant');
    expect(resolveLocale('zh-HK', ['en', 'zh-Hans', 'zh-Hant'], 'en')).toBe('zh-Hant');
    expect(resolveLocale('zh-CN', ['en', 'zh-Hant', 'zh-Hans'], 'en')).toBe('zh-Hans');
  });

  it('finds Portuguese for pt-MO and English for unknown languages', () => {
    expect(resolveLocale('pt-MO', ['zh-Hant', 'pt', 'en'], 'zh-Hant')).toBe('pt');
    expect(resolveLocale('fr-FR', ['zh-Hant', 'pt', 'en'], 'zh-Hant')).toBe('zh-Hant');
    expect(resolveLocale('fr-FR', ['pt', 'en'], 'zh-Hant')).toBe('en');
  });

  it('matches tags case-insensitively and survives malformed tags', () => {
    expect(resolveLocale('ZH-hant-mo', ['zh-Hant', 'en'], 'en')).toBe('zh-Hant');
    expect(resolveLocale('not a tag!', ['zh-Hant', 'en'], 'zh-Hant')).toBe('zh-Hant');
  });
});
