import type { DirectoryEntry, DirectoryKind } from './directory.js';
import type { CampaignSpec, Contact, LocalizedContent, Resource, Statistic } from './spec.js';

/**
 * How a campaign's items meet the directory. No imports but types: the console uses these too.
 *
 * A draft's items carry a `ref` and their locale's words only. Publishing writes the directory's
 * facts into the version beside the ref (resolveDirectoryRefs), so a published version stays the
 * record of what users were shown, whatever the directory later says; directoryChanges tells what
 * moved since, and detachDirectoryValues turns such a version back into a draft that follows the
 * directory again.
 */

/** The sections whose items may refer to the directory, with the kind of entry each takes. */
export const REF_SECTIONS = {
  resources: 'resource',
  contacts: 'contact',
  statistics: 'statistic',
} as const satisfies Record<string, DirectoryKind>;
export type RefSection = keyof typeof REF_SECTIONS;

/** The literal fields a ref supplies, per section: a draft item with a ref must not give them. */
export const REF_FIELDS = {
  resources: ['url', 'phone', 'checkBeforeSend'],
  contacts: ['phone', 'url', 'email', 'hours'],
  statistics: ['value', 'year', 'sourceUrl'],
} as const satisfies { [S in RefSection]: readonly string[] };

type Item = Resource | Contact | Statistic;
const SECTIONS = Object.keys(REF_SECTIONS) as RefSection[];

function mapItems(
  content: LocalizedContent,
  map: (section: RefSection, item: Item) => Item,
): LocalizedContent {
  const out: LocalizedContent = { ...content };
  for (const section of SECTIONS) {
    (out[section] as Item[]) = (content[section] as Item[]).map((item) => map(section, item));
  }
  return out;
}

function mapSpec(spec: CampaignSpec, map: (section: RefSection, item: Item) => Item): CampaignSpec {
  const content: Record<string, LocalizedContent> = {};
  for (const [locale, localized] of Object.entries(spec.content)) content[locale] = mapItems(localized, map);
  return { ...spec, content };
}

/** The facts an item with this ref takes from the entry (a resource is never left unmarked). */
export function entryFacts(section: RefSection, entry: DirectoryEntry): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const field of REF_FIELDS[section]) {
    const value = entry[field as keyof DirectoryEntry];
    if (value !== undefined) facts[field] = value;
  }
  if (section === 'resources') facts.checkBeforeSend = entry.checkBeforeSend ?? false;
  return facts;
}

/**
 * The spec with every ref's facts written in beside it, ready to render or to publish. A ref the
 * directory lacks is left as it is (the spec rules refuse it before this matters).
 */
export function resolveDirectoryRefs(spec: CampaignSpec, entries: readonly DirectoryEntry[]): CampaignSpec {
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  if (!hasRefs(spec)) return spec;
  return mapSpec(spec, (section, item) => {
    const entry = item.ref ? byKey.get(item.ref) : undefined;
    if (!entry || entry.kind !== REF_SECTIONS[section]) return item;
    return { ...stripFacts(section, item), ...entryFacts(section, entry) } as Item;
  });
}

/** A published version's spec as a draft again: items with a ref drop the values written in. */
export function detachDirectoryValues(spec: CampaignSpec): CampaignSpec {
  return hasRefs(spec)
    ? mapSpec(spec, (section, item) => (item.ref ? stripFacts(section, item) : item))
    : spec;
}

export interface DirectoryChange {
  locale: string;
  section: RefSection;
  /** Zero-based, as in the spec's JSON pointer. */
  index: number;
  ref: string;
  field: string;
  /** What the version shows (undefined: it shows none). */
  shown: unknown;
  /** What the directory says now (undefined: the entry no longer has it, or is gone). */
  current: unknown;
  removed: boolean;
}

/** Where a published version shows other values than the directory now holds. */
export function directoryChanges(spec: CampaignSpec, entries: readonly DirectoryEntry[]): DirectoryChange[] {
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const changes: DirectoryChange[] = [];
  for (const [locale, content] of Object.entries(spec.content)) {
    for (const section of SECTIONS) {
      (content[section] as Item[]).forEach((item, index) => {
        if (!item.ref) return;
        const entry = byKey.get(item.ref);
        const current = entry ? entryFacts(section, entry) : {};
        for (const field of REF_FIELDS[section]) {
          const shown = (item as Record<string, unknown>)[field];
          if (shown === current[field]) continue;
          changes.push({
            locale,
            section,
            index,
            ref: item.ref,
            field,
            shown,
            current: current[field],
            removed: entry === undefined,
          });
        }
      });
    }
  }
  return changes;
}

/** The keys a spec refers to, for "which drafts use this entry". */
export function refsOf(spec: CampaignSpec): Set<string> {
  const refs = new Set<string>();
  for (const content of Object.values(spec.content))
    for (const section of SECTIONS)
      for (const item of content[section] as Item[]) if (item.ref) refs.add(item.ref);
  return refs;
}

function hasRefs(spec: CampaignSpec): boolean {
  return refsOf(spec).size > 0;
}

function stripFacts(section: RefSection, item: Item): Item {
  const out: Record<string, unknown> = { ...item };
  for (const field of REF_FIELDS[section]) delete out[field];
  return out as unknown as Item;
}
