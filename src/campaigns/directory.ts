import { Type, type Static } from '@sinclair/typebox';
import { DirectoryRefSchema } from './spec.js';

/**
 * A jurisdiction's directory: the phone numbers, links, hours and statistic values its campaigns
 * quote, kept once for every locale. A campaign's resource, contact or statistic names an entry by
 * its key (`ref`) and gives only the words of its locale, so a number changed here changes every
 * locale of every draft that refers to it. Published versions hold the values they were published
 * with (see directory-refs.ts and the publish in the campaign repository).
 */

export const DIRECTORY_KINDS = ['contact', 'resource', 'statistic'] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

const phone = Type.String({ pattern: '^\\+?[0-9 ()-]{3,24}$', maxLength: 24 });
const httpsUrl = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 });

/** The facts an entry holds; which of them an entry may have depends on its kind (see checkEntry). */
export const DirectoryFactsSchema = Type.Object(
  {
    label: Type.String({
      minLength: 1,
      maxLength: 120,
      description: 'How staff find the entry in the console (users never see it)',
    }),
    phone: Type.Optional(phone),
    url: Type.Optional(httpsUrl),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    hours: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    checkBeforeSend: Type.Optional(Type.Boolean()),
    value: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
    sourceUrl: Type.Optional(httpsUrl),
  },
  { additionalProperties: false },
);
export type DirectoryFacts = Static<typeof DirectoryFactsSchema>;

export const DirectoryKindSchema = Type.Union([
  Type.Literal('contact'),
  Type.Literal('resource'),
  Type.Literal('statistic'),
]);

export const NewDirectoryEntrySchema = Type.Composite(
  [Type.Object({ key: DirectoryRefSchema, kind: DirectoryKindSchema }), DirectoryFactsSchema],
  { additionalProperties: false },
);
export type NewDirectoryEntry = Static<typeof NewDirectoryEntrySchema>;

export const DirectoryEntrySchema = Type.Composite([
  Type.Object({ jurisdiction: Type.String(), key: Type.String(), kind: DirectoryKindSchema }),
  DirectoryFactsSchema,
  Type.Object({ updatedAt: Type.String() }),
]);
export type DirectoryEntry = Static<typeof DirectoryEntrySchema>;

/** Which facts each kind has; a fact outside its kind is refused rather than silently kept. */
const FACTS_OF: Record<DirectoryKind, readonly (keyof DirectoryFacts)[]> = {
  contact: ['phone', 'url', 'email', 'hours'],
  resource: ['phone', 'url', 'checkBeforeSend'],
  statistic: ['value', 'year', 'sourceUrl'],
};
const FACT_NAMES: Record<string, string> = {
  phone: 'a phone number',
  url: 'a link',
  email: 'an email address',
  hours: 'opening hours',
  checkBeforeSend: 'a "check before you send" mark',
  value: 'a value',
  year: 'a year',
  sourceUrl: 'a source link',
};

export interface EntryProblem {
  /** The body field, e.g. phone. */
  field: keyof DirectoryFacts | 'kind';
  message: string;
}

/** What the schema cannot say: the facts an entry of this kind needs and may have. */
export function checkEntry(kind: DirectoryKind, facts: DirectoryFacts): EntryProblem[] {
  const problems: EntryProblem[] = [];
  for (const field of Object.keys(facts) as (keyof DirectoryFacts)[]) {
    if (field === 'label' || facts[field] === undefined || FACTS_OF[kind].includes(field)) continue;
    problems.push({ field, message: `a ${kind} does not take ${FACT_NAMES[field] ?? field}; leave it out` });
  }
  if (kind === 'contact' && !facts.phone && !facts.url && !facts.email)
    problems.push({ field: 'phone', message: 'a contact needs a phone number, a link or an email address' });
  if (kind === 'resource' && !facts.phone && !facts.url)
    problems.push({ field: 'url', message: 'a resource needs a link or a phone number' });
  if (kind === 'statistic') {
    if (!facts.value) problems.push({ field: 'value', message: 'a statistic needs its value' });
    if (facts.year === undefined)
      problems.push({ field: 'year', message: 'a statistic needs the year it counts' });
  }
  return problems;
}

/** Only the facts of the entry's kind, in a fixed order (what a campaign item takes from it). */
export function factsOf(entry: DirectoryEntry): Partial<DirectoryFacts> {
  const out: Partial<Record<keyof DirectoryFacts, unknown>> = {};
  for (const field of FACTS_OF[entry.kind]) if (entry[field] !== undefined) out[field] = entry[field];
  return out as Partial<DirectoryFacts>;
}
