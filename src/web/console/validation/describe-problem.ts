import { problemKind, type ProblemKind } from './problem-kinds.js';
import { specFieldPlace } from './spec-fields.js';

/** A translator of the "validation" namespace (i18next's t, or getFixedT in tests). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface ProblemWords {
  /** The field as the form names it: "Contact 2 — phone number (English)". */
  label: string;
  /** What to do, in the console's language; the server's own words when the kind is unknown. */
  sentence: string;
  /** False when the message was of no known kind (the sentence is then the server's). */
  known: boolean;
}

/** The schema's patterns (src/campaigns/spec.ts), each with the sentence that says what it wants. */
export const PATTERN_MESSAGES: Record<string, string> = {
  '^\\+?[0-9 ()-]{3,24}$': 'phone',
  '^https?://': 'httpUrl',
  '^[a-z0-9][a-z0-9-]{0,62}$': 'stableId',
  '^[A-Za-z0-9_-]{1,32}$': 'key',
  '^[A-Za-z0-9_.:-]{1,80}$': 'experimentKey',
  '^[A-Z0-9]{2,12}$': 'asset',
  '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$': 'localeTag',
};

/** "zh-Hant" in the reader's language ("Traditional Chinese", "中文（繁體）"); the tag itself if unknown. */
export function languageName(tag: string, consoleLanguage: string): string {
  try {
    return new Intl.DisplayNames([consoleLanguage], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The form's name for a spec pointer, e.g. "/content/en/contacts/1/phone". */
export function specFieldLabel(t: Translate, consoleLanguage: string, pointer: string): string {
  const place = specFieldPlace(pointer);
  const words = [
    ...place.parts.map((part) => t(`field.${part.key}`, part.n === undefined ? {} : { n: part.n })),
    ...place.unknown,
  ];
  const joined = capitalize(words.join(' — ') || pointer);
  return place.locale
    ? t('withLanguage', { label: joined, language: languageName(place.locale, consoleLanguage) })
    : joined;
}

/**
 * One server problem about a spec field in the console's language. `spec` (what was sent) lets a
 * "too long" say how long the text is now.
 */
export function describeSpecProblem(
  t: Translate,
  consoleLanguage: string,
  pointer: string,
  message: string,
  spec?: unknown,
): ProblemWords {
  const label = specFieldLabel(t, consoleLanguage, pointer);
  const kind = problemKind(message);
  const sentence = sentenceFor(t, consoleLanguage, kind, valueAt(spec, pointer));
  return sentence === null ? { label, sentence: message, known: false } : { label, sentence, known: true };
}

/**
 * The plain sentence for a problem of any form's field (no spec label), or null when the message
 * is of no known kind: for forms outside the campaign editor (e.g. the jurisdiction directory).
 */
export function problemSentence(t: Translate, consoleLanguage: string, message: string): string | null {
  return sentenceFor(t, consoleLanguage, problemKind(message), undefined);
}

function sentenceFor(
  t: Translate,
  consoleLanguage: string,
  kind: ProblemKind,
  value: unknown,
): string | null {
  switch (kind.kind) {
    case 'pattern':
      return t(`problem.pattern.${PATTERN_MESSAGES[kind.pattern] ?? 'other'}`);
    case 'badName':
      return t(`problem.pattern.${PATTERN_MESSAGES[kind.pattern] ?? 'other'}`);
    case 'required':
      return t('problem.required');
    case 'tooShort':
      return kind.min <= 1 ? t('problem.required') : t('problem.tooShort', { min: kind.min });
    case 'tooLong':
      return typeof value === 'string'
        ? t('problem.tooLongNow', { max: kind.max, length: [...value].length })
        : t('problem.tooLong', { max: kind.max });
    case 'format':
      return t(
        kind.format === 'uri'
          ? 'problem.formatUri'
          : kind.format === 'email'
            ? 'problem.formatEmail'
            : 'problem.formatOther',
      );
    case 'minimum':
      return t(kind.exclusive ? 'problem.minimumExclusive' : 'problem.minimum', { limit: kind.limit });
    case 'maximum':
      return t(kind.exclusive ? 'problem.maximumExclusive' : 'problem.maximum', { limit: kind.limit });
    case 'type':
      return t(
        kind.type === 'integer' || kind.type === 'number' || kind.type === 'string' || kind.type === 'boolean'
          ? `problem.${kind.type}`
          : 'problem.shape',
      );
    case 'minItems':
      return t('problem.minItems', { count: kind.count });
    case 'maxItems':
      return t('problem.maxItems', { count: kind.count });
    case 'choice':
      return t('problem.choice');
    case 'unknownField':
      return t('problem.unknownField');
    case 'rule': {
      const values: Record<string, string> = { ...kind.values };
      if (values.locale !== undefined) values.language = languageName(values.locale, consoleLanguage);
      // Directory kinds are English words in the server's message: say them in the reader's language.
      for (const name of ['kind', 'expected'])
        if (values[name] !== undefined) values[name] = t(`directoryKind.${values[name]}`);
      return t(`rule.${kind.rule}`, values);
    }
    case 'unknown':
      return null;
  }
}

function valueAt(spec: unknown, pointer: string): unknown {
  let node: unknown = spec;
  for (const segment of pointer.split('/').slice(1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
