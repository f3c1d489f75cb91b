// Types for the plain-JS strings module, so tests can check it against the server's model.
export type CheckLanguage = 'en' | 'zh-Hant' | 'zh-Hans' | 'pt';
export declare const CATEGORY_KEYS: readonly string[];
export declare const FIRST_CONTACT_KEYS: readonly string[];
export declare const JURISDICTION_KEYS: readonly string[];
export declare const TEXT: Record<CheckLanguage, Record<string, unknown>>;
export declare function pickLanguage(wanted: string | null | undefined): CheckLanguage;
