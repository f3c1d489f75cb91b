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

  it("reads Chinese in the script of the reader's region: zh-Hant-SG finds zh-Hans before English", () => {
    expect(resolveLocale('zh-Hant-SG', ['en', 'zh-Hans'], 'en')).toBe('zh-Hans');
    expect(localeCandidates('zh-Hant-SG', 'en')).toEqual(['zh-Hant-SG', 'zh-Hant', 'zh', 'zh-Hans', 'en']);
    // A reader who asked for Traditional gets it where it exists.
    expect(resolveLocale('zh-Hant-SG', ['en', 'zh-Hans', 'zh-Hant'], 'en')).toBe('zh-Hant');
    expect(resolveLocale('zh-MY', ['en', 'zh-Hans'], 'en')).toBe('zh-Hans');
    // Without a region in the tag, the jurisdiction's is used.
    expect(resolveLocale('zh-Hant', ['en', 'zh-Hans'], { code: 'SG', defaultLocale: 'en' })).toBe('zh-Hans');
    expect(resolveLocale('zh-Hans', ['en', 'zh-Hant'], { code: 'TW', defaultLocale: 'en' })).toBe('zh-Hant');
  });

  it("follows a jurisdiction's own fallback chain instead of the usual one", () => {
    const sg = { code: 'SG', defaultLocale: 'en', localeFallback: ['ms', 'en'] };
    expect(resolveLocale('zh-Hant-SG', ['en', 'zh-Hans', 'ms'], sg)).toBe('ms');
    expect(localeCandidates('ta-SG', sg)).toEqual(['ta-SG', 'ta', 'ta-Taml-SG', 'ta-Taml', 'ms', 'en']);
    // The requested language still comes first.
    expect(resolveLocale('zh-Hans-SG', ['en', 'zh-Hans', 'ms'], sg)).toBe('zh-Hans');
  });
});
