import type { LookalikeMaker } from './model.js';

/**
 * binnance.com, binace.com, bianance.com: one letter doubled, dropped, or two swapped, near the
 * middle of the name where a glance skips. Candidates that are real words are dropped by the detector.
 */
export const typo: LookalikeMaker = {
  trick: 'typo',
  make: (official) => {
    const label = official.label;
    const middle = Math.max(1, Math.floor(label.length / 2));
    const at = (i: number) => label.charAt(i);
    const variants = [
      label.slice(0, middle) + at(middle) + label.slice(middle),
      label.slice(0, middle) + label.slice(middle + 1),
      label.slice(0, middle - 1) + at(middle) + at(middle - 1) + label.slice(middle + 1),
      label.slice(0, 1) + at(1) + label.slice(1),
    ];
    return [...new Set(variants)]
      .filter((v) => v !== label && v.length >= 3)
      .map((v) => {
        const shown = `${v}.${official.suffix}`;
        return { shown, ascii: shown };
      });
  },
};
