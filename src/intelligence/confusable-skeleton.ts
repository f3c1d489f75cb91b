import unhomoglyph from 'unhomoglyph';

/**
 * The UTS #39 confusable skeleton of a label (via unhomoglyph, which carries Unicode's
 * confusables.txt): two strings with the same skeleton look alike to a person. Lowercased first and
 * after, because the table maps some lowercase letters to uppercase-looking ones (0 → O, I → l).
 */
export function skeleton(text: string): string {
  // One fold beyond UTS #39: l and i, which its table keeps apart but which sans-serif address bars
  // make indistinguishable once either is capitalized (bLnance, blNANCE).
  return unhomoglyph(text.normalize('NFKC').toLowerCase()).toLowerCase().replaceAll('l', 'i');
}
