import { mixedScripts } from './fold.js';
import type { LookalikePattern } from './model.js';

/**
 * Homoglyphs, accents and punycode: a label or part that reads as the brand once accents are
 * dropped and confusable characters folded (UTS #39 skeleton) but is not spelt as the brand
 * (b\u0456nance, bínance, c0inbase). Inside longer labels only for distinctive names, so a
 * common word written with a look-alike letter in someone's own name is not called impersonation.
 */
export const confusable: LookalikePattern = {
  find({ host, labels }, names, report) {
    for (const label of labels) {
      const whole = names.bySkeleton(label.folded);
      if (whole && whole.label !== label.raw) {
        const scripts = mixedScripts(label.raw);
        report({
          brand: whole.brand,
          imitates: whole.imitates,
          score: label.registrable ? 0.97 : 0.92,
          reasons: [
            label.registrable
              ? `looks the same as ${whole.imitates} but uses look-alike characters (${host.unicode})`
              : `spells "${whole.label}" with look-alike characters (${label.raw}) in front of another site, ${host.registrable}`,
            ...(scripts.length ? [`mixes ${scripts.join(' and ')} letters in one name`] : []),
          ],
        });
      }
      for (const token of label.tokens) {
        if (token.raw === label.raw) continue;
        const name = names.bySkeleton(token.folded);
        if (name && name.distinctive && name.label !== token.raw)
          report({
            brand: name.brand,
            imitates: name.imitates,
            score: 0.9,
            reasons: [
              `spells "${name.label}" with look-alike characters (${token.raw}) in a domain that is not ${name.imitates}`,
            ],
          });
      }
    }
  },
};
