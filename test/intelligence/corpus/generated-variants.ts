import { areNeighbourKeys } from '../../../src/intelligence/keyboard.js';

/**
 * Typosquat and homoglyph variants of a name, generated the way public domain-permutation tools
 * (dnstwist's fuzzers) do it: omission, repetition, transposition, vowel swap, keyboard
 * replacement and insertion, an added letter, bit flips, one homoglyph. Generated rather than
 * written, so this part of the corpus is not shaped by the detector's author; some variants are
 * real words or other names, and are kept as they come (a miss there is what the guards cost).
 */
export type VariantKind =
  | 'omission'
  | 'repetition'
  | 'transposition'
  | 'vowel-swap'
  | 'replacement'
  | 'insertion'
  | 'addition'
  | 'bitsquatting'
  | 'homoglyph';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const VOWELS = 'aeiou';
const HOMOGLYPHS: Record<string, string[]> = {
  a: ['а', 'á', 'à', 'ä', 'ạ'],
  b: ['ḃ', 'ь'],
  c: ['с', 'ç'],
  e: ['е', 'é', 'è', 'ė', 'ẹ'],
  i: ['і', 'í', 'ï', 'ị', 'l', '1'],
  k: ['κ', 'ķ'],
  l: ['1', 'ł', 'ӏ'],
  m: ['rn', 'ṁ'],
  n: ['ń', 'ñ', 'ռ'],
  o: ['о', 'ο', 'ó', 'ö', '0'],
  p: ['р', 'ρ'],
  r: ['г', 'ŕ'],
  s: ['ѕ', 'ś'],
  t: ['ţ', 'ť'],
  u: ['ս', 'ú', 'ü', 'υ'],
  w: ['vv', 'ẉ'],
  x: ['х'],
  y: ['у', 'ý'],
};

export function variants(name: string): { kind: VariantKind; label: string }[] {
  const out = new Map<string, VariantKind>();
  const add = (kind: VariantKind, label: string) => {
    if (label !== name && label.length > 1 && !out.has(label)) out.set(label, kind);
  };
  for (let i = 0; i < name.length; i += 1) {
    const c = name[i] as string;
    const before = name.slice(0, i);
    const after = name.slice(i + 1);
    add('omission', before + after);
    add('repetition', before + c + c + after);
    if (i + 1 < name.length) add('transposition', before + (name[i + 1] as string) + c + name.slice(i + 2));
    if (VOWELS.includes(c)) for (const v of VOWELS) add('vowel-swap', before + v + after);
    for (const k of LETTERS)
      if (areNeighbourKeys(c, k)) {
        add('replacement', before + k + after);
        add('insertion', before + k + c + after);
      }
    for (let bit = 0; bit < 8; bit += 1) {
      const flipped = String.fromCharCode(c.charCodeAt(0) ^ (1 << bit));
      if (/^[a-z0-9]$/.test(flipped)) add('bitsquatting', before + flipped + after);
    }
    for (const glyph of HOMOGLYPHS[c] ?? []) add('homoglyph', before + glyph + after);
  }
  for (const k of LETTERS) add('addition', name + k);
  return [...out].map(([label, kind]) => ({ kind, label }));
}
