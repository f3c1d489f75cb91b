import { domainToUnicode } from 'node:url';
import { forEachDeletionHash } from './deletion-hash.js';
import { distinctiveness } from './distinctiveness.js';
import { fold, plain } from './fold.js';
import type { OfficialName, OfficialNameIndex } from './model.js';

export interface OfficialDomainInput {
  brand: string;
  registrable: string;
  label: string;
  /** Overrides the automatic distinctiveness (see distinctiveness.ts). */
  distinctive?: boolean | undefined;
}

/** Typos are looked for only in names long enough that one slip does not make another real name. */
export const MIN_TYPO_LENGTH = 5;
/** Names of this length or more tolerate two slips, shorter ones one. */
export const TWO_TYPO_LENGTH = 9;
export const typoBudget = (length: number): number => (length >= TWO_TYPO_LENGTH ? 2 : 1);
/** Names are found inside longer text by their first (or last) three letters. */
const GRAM = 3;
const NONE: OfficialName[] = [];

/** Calls `visit` with every string made by deleting up to `depth` characters (duplicates included). */
function forEachDeletion(text: string, depth: number, visit: (s: string) => void): void {
  visit(text);
  if (depth === 0) return;
  for (let i = 0; i < text.length; i += 1) {
    const shorter = text.slice(0, i) + text.slice(i + 1);
    // Deleting from a run of one letter gives the same string: only the first of the run.
    if (i > 0 && text[i] === text[i - 1]) continue;
    forEachDeletion(shorter, depth - 1, visit);
  }
}

/** Up to this many long names are compared directly; beyond, by two-deletion keys. */
const LONG_SCAN_LIMIT = 32;

const shape = (text: string): string => `${text.length}${text[0]}${text[text.length - 1]}`;

/**
 * Same length, first and last letter and the same letters: a scrambled name that reads as the
 * brand (bianace for binance), two edits apart but read as one word.
 */
export function scrambleKey(text: string): string {
  return `${text.length}${text[0]}${text[text.length - 1]}${[...new Set(text)].sort().join('')}`;
}

/**
 * The official names with the look-ups every pattern needs, built once per registry change, so
 * a check costs about the same with 1 or 1,000 official domains: no pattern scans the list.
 */
export class OfficialNames implements OfficialNameIndex {
  readonly all: OfficialName[];
  private readonly skeletons = new Map<string, OfficialName>();
  private readonly plains = new Map<string, OfficialName>();
  private readonly byPrefix = new Map<string, OfficialName[]>();
  private readonly bySkeletonPrefix = new Map<string, OfficialName[]>();
  private readonly bySkeletonSuffix = new Map<string, OfficialName[]>();
  private readonly shortNames: OfficialName[] = [];
  /** The shortest distinctive name: shorter text cannot hold one. */
  readonly shortestDistinctive: number = Infinity;
  /** Symmetric-delete typo index: one slip for every typo-length name, two for long names. */
  private readonly deleted = new Map<number, OfficialName[]>();
  private readonly deletedTwice = new Map<string, OfficialName[]>();
  /** Long names by spelling, scanned directly while there are few of them (cheaper than deletes). */
  private readonly longForms: { form: string; letters: number; name: OfficialName }[] = [];
  private readonly scrambled = new Map<string, OfficialName[]>();
  /** Length, first and last letter of every scrambled key, so most pieces skip building one. */
  private readonly scrambleShapes = new Set<string>();
  /** Candidate lengths that can be within budget of some name, and of some long name. */
  private readonly typoLengths = new Set<number>();
  private readonly twoTypoLengths = new Set<number>();

  constructor(domains: readonly OfficialDomainInput[]) {
    // A brand's .com is the one people know, so it is the one a finding names when a brand has
    // several domains with the same label (binance.com, binance.net).
    const ordered = [...domains].sort(
      (a, b) => Number(b.registrable.endsWith('.com')) - Number(a.registrable.endsWith('.com')),
    );
    this.all = ordered.map((d) => {
      const label = domainToUnicode(d.label) || d.label;
      const base = plain(label);
      return {
        brand: d.brand,
        imitates: d.registrable,
        label,
        plain: base,
        skeleton: fold(label),
        suffix: d.registrable.slice(d.label.length + 1),
        ...distinctiveness(base, d.distinctive ?? undefined),
      };
    });
    for (const name of this.all) {
      const first = !this.skeletons.has(name.skeleton);
      if (first) this.skeletons.set(name.skeleton, name);
      if (this.plains.has(name.plain)) continue;
      this.plains.set(name.plain, name);
      if (name.distinctive) this.shortestDistinctive = Math.min(this.shortestDistinctive, name.plain.length);
      if (name.plain.length < GRAM) this.shortNames.push(name);
      else push(this.byPrefix, name.plain.slice(0, GRAM), name);
      if (name.distinctive && first && name.skeleton.length >= GRAM) {
        push(this.bySkeletonPrefix, name.skeleton.slice(0, GRAM), name);
        push(this.bySkeletonSuffix, name.skeleton.slice(-GRAM), name);
      }
      if (name.plain.length < MIN_TYPO_LENGTH) continue;
      const depth = typoBudget(name.plain.length);
      // Both spellings: the skeleton catches slips made with look-alike letters (c0inbasse), the
      // plain name slips that folding would stretch (bmnance: m folds to rn, two edits from binance).
      for (const form of new Set([name.plain, name.skeleton])) {
        for (let d = -depth; d <= depth; d += 1) {
          this.typoLengths.add(form.length + d);
          if (depth === 2) this.twoTypoLengths.add(form.length + d);
        }
        forEachDeletionHash(form, (key) => pushOnce(this.deleted, key, name));
        if (depth === 2) this.longForms.push({ form, letters: letterMask(form), name });
        if (form.length >= 6) {
          pushOnce(this.scrambled, scrambleKey(form), name);
          this.scrambleShapes.add(shape(form));
        }
      }
    }
    if (this.longForms.length > LONG_SCAN_LIMIT)
      for (const { form, name } of this.longForms)
        forEachDeletion(form, 2, (key) => pushOnce(this.deletedTwice, key, name));
  }

  bySkeleton(skeleton: string): OfficialName | undefined {
    return this.skeletons.get(skeleton);
  }

  byPlain(text: string): OfficialName | undefined {
    return this.plains.get(text);
  }

  startingAt(text: string, at: number): OfficialName[] {
    const listed = this.byPrefix.get(text.slice(at, at + GRAM));
    if (!listed && this.shortNames.length === 0) return NONE;
    const out = this.shortNames.filter((n) => text.startsWith(n.plain, at));
    for (const name of listed ?? []) if (text.startsWith(name.plain, at)) out.push(name);
    return out;
  }

  skeletonsAtEdges(text: string): OfficialName[] {
    const out: OfficialName[] = [];
    for (const name of this.bySkeletonPrefix.get(text.slice(0, GRAM)) ?? [])
      if (text.startsWith(name.skeleton)) out.push(name);
    for (const name of this.bySkeletonSuffix.get(text.slice(-GRAM)) ?? [])
      if (text.endsWith(name.skeleton)) out.push(name);
    return out;
  }

  typoCandidates(...forms: string[]): Iterable<OfficialName> {
    const found = new Set<OfficialName>();
    for (let f = 0; f < forms.length; f += 1) {
      const form = forms[f] as string;
      if (!this.typoLengths.has(form.length) || forms.indexOf(form) < f) continue;
      forEachDeletionHash(form, (key) => {
        const near = this.deleted.get(key);
        if (near) for (const name of near) found.add(name);
      });
      if (this.twoTypoLengths.has(form.length)) {
        if (this.longForms.length <= LONG_SCAN_LIMIT) {
          for (const long of this.longForms)
            if (Math.abs(long.form.length - form.length) <= 2 && foreignLetters(form, long.letters) <= 2)
              found.add(long.name);
        } else
          forEachDeletion(form, 2, (key) => {
            for (const name of this.deletedTwice.get(key) ?? []) found.add(name);
          });
      }
      if (form.length >= 6 && this.scrambleShapes.has(shape(form)))
        for (const name of this.scrambled.get(scrambleKey(form)) ?? []) found.add(name);
    }
    return found;
  }
}

/** The letters a-z of `text` as bits. */
function letterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i += 1) {
    const bit = text.charCodeAt(i) - 97;
    if (bit >= 0 && bit < 26) mask |= 1 << bit;
  }
  return mask;
}

/**
 * How many characters of `text` are not among a name's letters: each slip brings in at most one,
 * so more than two means more than two slips, without running the distance.
 */
function foreignLetters(text: string, letters: number): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const bit = text.charCodeAt(i) - 97;
    if (bit < 0 || bit >= 26 || (letters & (1 << bit)) === 0) count += 1;
  }
  return count;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pushOnce<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}
