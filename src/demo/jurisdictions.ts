import type { Jurisdiction } from '../campaigns/model.js';

/** The pilot jurisdictions of the demo, with the locales their warnings are written in. */
export const demoJurisdictions: Jurisdiction[] = [
  { code: 'HK', name: 'Hong Kong', defaultLocale: 'zh-Hant', locales: ['zh-Hant', 'en'] },
  { code: 'MO', name: 'Macau', defaultLocale: 'zh-Hant', locales: ['zh-Hant', 'pt', 'en'] },
  { code: 'GB', name: 'United Kingdom', defaultLocale: 'en', locales: ['en'] },
  { code: 'TW', name: 'Taiwan', defaultLocale: 'zh-Hant', locales: ['zh-Hant', 'en'] },
];
