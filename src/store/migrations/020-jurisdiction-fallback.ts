/**
 * A jurisdiction's own locale fallback chain: the locales tried, in order, after the requested one
 * and its parents and before the jurisdiction's default and English. Empty means the default chain
 * (the region's usual script of the requested language first, so zh-Hant-SG finds zh-Hans).
 */
export const jurisdictionFallback = `
ALTER TABLE jurisdictions ADD COLUMN locale_fallback text[] NOT NULL DEFAULT '{}';
`;
