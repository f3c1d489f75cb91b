import { diffWords } from 'diff';
import type { CampaignSpec } from './spec.js';

/** One piece of a redline: kept, inserted or deleted words. */
export interface RedlinePart {
  text: string;
  kind: 'same' | 'inserted' | 'deleted';
}

/** One field of one locale, the draft against the live version. */
export interface FieldChange {
  /** Where the field is, e.g. ["tips", 1] or ["commonScams", 0, "redFlags", 2]; labels come from it. */
  segments: (string | number)[];
  /** The same as a path, "tips/1": what a comment names. */
  path: string;
  change: 'same' | 'changed' | 'added' | 'removed';
  before: string | null;
  after: string | null;
  parts: RedlinePart[];
}

export interface LocaleDiff {
  locale: string;
  /** The live version has no text in this locale: everything shows as new. */
  isNew: boolean;
  fields: FieldChange[];
}

type Leaf = string | number | boolean;

/** Every text leaf of a locale's content with its path, in the order the form shows them. */
export function contentLeaves(content: unknown): { segments: (string | number)[]; value: string }[] {
  const out: { segments: (string | number)[]; value: string }[] = [];
  const walk = (value: unknown, segments: (string | number)[]) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...segments, index]));
    else if (typeof value === 'object')
      for (const [key, item] of Object.entries(value as Record<string, unknown>))
        walk(item, [...segments, key]);
    else out.push({ segments, value: String(value as Leaf) });
  };
  walk(content, []);
  return out;
}

const pathOf = (segments: (string | number)[]) => segments.join('/');

/**
 * A locale's text as some users see it: its content, then each variant's replacement title and
 * body (["variant", "B", "title"]), which the experiment shows instead to that variant's share.
 */
function localeLeaves(spec: CampaignSpec, locale: string) {
  const leaves = spec.content[locale] === undefined ? [] : contentLeaves(spec.content[locale]);
  for (const variant of spec.experiment.variants) {
    const override = variant.overrides?.[locale];
    if (override)
      leaves.push(
        ...contentLeaves(override).map((leaf) => ({
          ...leaf,
          segments: ['variant', variant.key, ...leaf.segments],
        })),
      );
  }
  return leaves;
}

/** The words inserted and deleted between two texts (Chinese is compared character by character). */
export function redline(before: string, after: string): RedlinePart[] {
  return diffWords(before, after).map((part) => ({
    text: part.value,
    kind: part.added ? 'inserted' : part.removed ? 'deleted' : 'same',
  }));
}

/**
 * Each locale of the draft against the live version's, field by field. Fields only in the live
 * version show as removed; a locale the live version lacks shows wholly as new. Locales the draft
 * dropped are listed last, all removed.
 */
export function diffContent(draft: CampaignSpec, live: CampaignSpec | null): LocaleDiff[] {
  const locales = [
    ...Object.keys(draft.content),
    ...Object.keys(live?.content ?? {}).filter((l) => !(l in draft.content)),
  ];
  return locales.map((locale) => {
    const before = live?.content[locale];
    const afterLeaves = new Map(localeLeaves(draft, locale).map((leaf) => [pathOf(leaf.segments), leaf]));
    const beforeLeaves = new Map(
      (live ? localeLeaves(live, locale) : []).map((leaf) => [pathOf(leaf.segments), leaf]),
    );
    const fields: FieldChange[] = [];
    for (const [path, leaf] of afterLeaves) {
      const old = beforeLeaves.get(path)?.value ?? null;
      fields.push(fieldChange(leaf.segments, path, old, leaf.value));
    }
    for (const [path, leaf] of beforeLeaves)
      if (!afterLeaves.has(path)) fields.push(fieldChange(leaf.segments, path, leaf.value, null));
    return { locale, isNew: before === undefined, fields };
  });
}

function fieldChange(
  segments: (string | number)[],
  path: string,
  before: string | null,
  after: string | null,
): FieldChange {
  if (before === null)
    return {
      segments,
      path,
      change: 'added',
      before,
      after,
      parts: [{ text: after ?? '', kind: 'inserted' }],
    };
  if (after === null)
    return { segments, path, change: 'removed', before, after, parts: [{ text: before, kind: 'deleted' }] };
  if (before === after)
    return { segments, path, change: 'same', before, after, parts: [{ text: after, kind: 'same' }] };
  return { segments, path, change: 'changed', before, after, parts: redline(before, after) };
}

/** For an inbox line: the paths that changed in each locale (a new locale: "all new"). */
export function changeSummary(draft: CampaignSpec, live: CampaignSpec | null) {
  return diffContent(draft, live)
    .map((locale) => ({
      locale: locale.locale,
      isNew: locale.isNew,
      changed: locale.isNew ? [] : locale.fields.filter((f) => f.change !== 'same').map((f) => f.path),
    }))
    .filter((locale) => locale.isNew || locale.changed.length > 0);
}
