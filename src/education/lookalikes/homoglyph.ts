import { asciiHost, type LookalikeMaker } from './model.js';

/** Cyrillic letters drawn like Latin ones in most fonts. */
const LOOKALIKE: Record<string, string> = {
  a: '\u0430',
  c: '\u0441',
  e: '\u0435',
  i: '\u0456',
  j: '\u0458',
  o: '\u043e',
  p: '\u0440',
  s: '\u0455',
  x: '\u0445',
  y: '\u0443',
};

/**
 * bіnance.com with a Cyrillic і: shown as people see it, sent as punycode (xn--bnance-…). One
 * letter is swapped, the first and then the last one that has a twin.
 */
export const homoglyph: LookalikeMaker = {
  trick: 'homoglyph',
  make: (official) => {
    const letters = [...official.label];
    const positions = letters.flatMap((letter, index) => (LOOKALIKE[letter] ? [index] : []));
    const chosen = [...new Set([positions[0], positions[positions.length - 1]])].filter(
      (p): p is number => p !== undefined,
    );
    return chosen.map((position) => {
      const label = letters.map((l, i) => (i === position ? (LOOKALIKE[l] ?? l) : l)).join('');
      const shown = `${label}.${official.suffix}`;
      return { shown, ascii: asciiHost(shown) };
    });
  },
};
