import { BAIT_WORDS } from './bait-words.js';
import type { LookalikePattern, OfficialName } from './model.js';
import { straddlesWords } from './word-straddle.js';

/**
 * The brand's name inside any label, the registrable one or a subdomain, so a site on a hosting
 * platform (binance-promo.netlify.app, whose registrable domain is the site by the Public Suffix
 * List's private section) or under someone else's domain (binance-support.home.blog,
 * app-uniswap.org.evil.com) is caught like accounts-binance-log-in.com:
 * - the official domain spelt in front of another site (binance.com.security-check.xyz) or glued
 *   into a label (crypto-com-login.net, gateio.cc), for every brand;
 * - a distinctive name anywhere inside a label, unless the label is other English words that run
 *   across the brand's edge (opensearch is not opensea), and in look-alike letters at either end
 *   of a part (blnancewallet);
 * - a common-word or short name as a whole part only beside a bait word (crypto-login-verify).
 */
export const brandInLabel: LookalikePattern = {
  find({ host, labels, subdomainLabels, words }, names, report) {
    const found = (name: OfficialName, score: number, reason: string): void =>
      report({ brand: name.brand, imitates: name.imitates, score, reasons: [reason] });

    subdomainLabels.forEach((sub, i) => {
      const name = names.bySkeleton(labels[i]?.folded ?? sub);
      if (!name) return;
      const spelt =
        subdomainLabels.slice(i + 1, i + 1 + name.suffix.split('.').length).join('.') === name.suffix;
      if (name.distinctive || spelt)
        found(
          name,
          0.93,
          `puts "${subdomainLabels.slice(i).join('.')}" in front of another site, ${host.registrable}`,
        );
    });

    for (const label of labels) {
      const parts = label.plain.split(/[-_]+/);
      parts.forEach((part, i) => {
        // crypto-com-login, gateio: the official domain with its dots dropped.
        for (const candidate of new Set([
          part,
          parts.slice(i, i + 2).join(''),
          parts.slice(i, i + 3).join(''),
        ]))
          for (const name of names.startingAt(candidate, 0))
            if (candidate === name.plain + name.suffix.replaceAll('.', ''))
              found(name, 0.88, `spells ${name.imitates} inside another site's name (${host.unicode})`);
      });
      for (const token of label.tokens) {
        const whole = names.byPlain(token.plain);
        if (whole && !whole.distinctive && whole.plain.length >= 3) {
          const bait = [...words].find((w) => w !== token.plain && BAIT_WORDS.has(w));
          if (bait && (token.plain !== label.plain || !label.registrable))
            found(
              whole,
              0.8,
              `puts "${whole.label}" beside "${bait}" in a domain that is not ${whole.imitates}`,
            );
        }
        const text = token.plain;
        for (let at = 0; at + names.shortestDistinctive <= text.length; at += 1)
          for (const name of names.startingAt(text, at)) {
            if (!name.distinctive) continue;
            const end = at + name.plain.length;
            if (name.plain.length < text.length && straddlesWords(text, at, end)) continue;
            if (label.registrable && name.plain === label.plain) continue; // the TLD swap's case
            found(
              name,
              0.85,
              `contains the brand name "${name.label}" in a domain that is not ${name.imitates}`,
            );
          }
        // A homoglyph spelling at either end of a part (blnance-wallet): only at the ends, since
        // folding inside unrelated words over-reaches (knowledgemd folds to "…iedgernd").
        if (token.folded === token.plain) continue;
        for (const name of names.skeletonsAtEdges(token.folded))
          if (!text.includes(name.plain))
            found(
              name,
              0.85,
              `contains the brand name "${name.label}", spelt with look-alike characters, in a domain that is not ${name.imitates}`,
            );
      }
    }
  },
};
