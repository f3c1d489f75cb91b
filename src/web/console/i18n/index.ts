import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { accountMessages } from './account.js';
import { adminMessages } from './admin.js';
import { campaignsMessages } from './campaigns.js';
import { dashboardMessages } from './dashboard.js';
import { directoryMessages } from './directory.js';
import { editorMessages } from './editor.js';
import { editorItemsMessages } from './editor-items.js';
import { publishMessages } from './publish.js';
import { quizMessages } from './quiz.js';
import { reviewMessages } from './review.js';
import { scamReportsMessages } from './scam-reports.js';
import { shellMessages } from './shell.js';
import { validationMessages } from './validation.js';

/**
 * The console's languages. Reviewers are police officers in Hong Kong and Macau, so the console
 * speaks English and Traditional Chinese; every namespace file gives both, and a test checks that
 * no key is missing in either (test/web/console-i18n.test.ts).
 *
 * One namespace per area, one file each (`<area>.ts` exporting `{ en, 'zh-Hant' }`), so that
 * areas of the console can gain strings without touching each other's files.
 */
export const CONSOLE_LANGUAGES = ['en', 'zh-Hant'] as const;
export type ConsoleLanguage = (typeof CONSOLE_LANGUAGES)[number];
export const CONSOLE_LANGUAGE_NAMES: Record<ConsoleLanguage, string> = {
  en: 'English',
  'zh-Hant': '繁體中文',
};

export type Messages = { [key: string]: string | Messages };
export type Namespace = Record<ConsoleLanguage, Messages>;

export const NAMESPACES = {
  shell: shellMessages,
  review: reviewMessages,
  directory: directoryMessages,
  dashboard: dashboardMessages,
  validation: validationMessages,
  editor: editorMessages,
  campaigns: campaignsMessages,
  editorItems: editorItemsMessages,
  account: accountMessages,
  quiz: quizMessages,
  scamReports: scamReportsMessages,
  admin: adminMessages,
  publish: publishMessages,
} satisfies Record<string, Namespace>;
export type NamespaceName = keyof typeof NAMESPACES;

const STORAGE_KEY = 'caveat.console.language';

function isConsoleLanguage(value: string | null): value is ConsoleLanguage {
  return value !== null && (CONSOLE_LANGUAGES as readonly string[]).includes(value);
}

/** The saved choice, else the browser's first language we speak (any zh-Hant/HK/MO/TW → zh-Hant). */
export function initialLanguage(saved: string | null, browserLanguages: readonly string[]): ConsoleLanguage {
  if (isConsoleLanguage(saved)) return saved;
  for (const tag of browserLanguages) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh') && /hant|hk|mo|tw/.test(lower)) return 'zh-Hant';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

function savedLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null; // storage refused (private mode): the browser's language decides
  }
}

const resources = Object.fromEntries(
  CONSOLE_LANGUAGES.map((language) => [
    language,
    Object.fromEntries(Object.entries(NAMESPACES).map(([name, messages]) => [name, messages[language]])),
  ]),
);

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(savedLanguage(), globalThis.navigator?.languages ?? []),
  fallbackLng: 'en',
  defaultNS: 'shell',
  ns: Object.keys(NAMESPACES),
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
syncDocumentLanguage(i18next.language);
i18next.on('languageChanged', syncDocumentLanguage);

function syncDocumentLanguage(language: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export function setConsoleLanguage(language: ConsoleLanguage): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // not saved; the choice still holds until reload
  }
  void i18next.changeLanguage(language);
}

export function currentLanguage(): ConsoleLanguage {
  return isConsoleLanguage(i18next.language) ? i18next.language : 'en';
}

/** `const { t } = useT('directory')`: the translator of one namespace, re-rendering on a language change. */
export function useT(namespace: NamespaceName = 'shell') {
  return useTranslation(namespace);
}

export { i18next };
