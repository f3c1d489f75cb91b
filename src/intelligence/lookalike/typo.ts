import { isOneTypoAway } from '../typo-distance.js';
import { isEnglishWord } from './english-words.js';
import { fold } from './fold.js';
import type { LookalikePattern, Piece } from './model.js';
import { scrambleKey, typoBudget } from './official-names.js';
import { osaDistance } from './osa-distance.js';
import { readsAsWords, straddlesWords } from './word-straddle.js';

/**
 * Typosquats: a label or part a slip or two from a brand's name (binanse, banance, zendesk-binanc,
 * binnance24), by Damerau–Levenshtein (OSA) distance 1 for names of six letters or more and 2 from
 * nine, or the same letters scrambled between the same first and last (bianace). Five-letter names
 * allow one keyboard slip only. Guards: a real English word is never a typo (finance is not
 * binance), nor, for brands that are words, other words run together (blockchair is not
 * blockchain); common-word and short brands are compared with whole labels only, never parts.
 * Inside a longer part, a slip counts when glued to an English word (binnancewallet).
 */
/** The shortest word a slip may be glued to (app, pro, web). */
const MIN_GLUED_WORD = 3;
const gluedPiece = (text: string): Piece => ({ raw: text, plain: text, folded: fold(text) });

export const typo: LookalikePattern = {
  find({ labels }, names, report) {
    const seen = new Set<string>();
    const check = (piece: Piece, wholeLabel: boolean, inside = piece.raw) => {
      if (seen.has(piece.folded) || piece.folded.length < 4) return;
      seen.add(piece.folded);
      if (names.bySkeleton(piece.folded) || isEnglishWord(piece.plain)) return;
      let madeOfWords: boolean | undefined;
      for (const name of names.typoCandidates(piece.plain, piece.folded)) {
        if (!wholeLabel && !name.distinctive) continue;
        const target = name.plain;
        const distance = Math.min(
          osaDistance(piece.plain, target, 2),
          osaDistance(piece.folded, name.skeleton, 2),
        );
        let reason: string | undefined;
        if (target.length < 6) {
          if (isOneTypoAway(piece.plain, target) || isOneTypoAway(piece.folded, name.skeleton))
            reason = `one typo away from ${name.imitates}`;
        } else if (distance <= typoBudget(target.length)) {
          reason =
            distance === 1 ? `one typo away from ${name.imitates}` : `two typos away from ${name.imitates}`;
        } else if (
          distance === 2 &&
          (scrambleKey(piece.plain) === scrambleKey(target) ||
            scrambleKey(piece.folded) === scrambleKey(name.skeleton))
        ) {
          reason = `the letters of "${name.label}" in another order (${piece.raw})`;
        }
        // A brand that is itself a word is near other words run together (blockchain, blockchair);
        // a made-up brand is not (coinbasse is a slip even though it splits as coin|basse). Asked
        // only once a name is near, since splitting costs more than the look-up.
        if (reason && name.commonWord && (madeOfWords ??= readsAsWords(piece.plain))) continue;
        if (reason)
          report({
            brand: name.brand,
            imitates: name.imitates,
            score: distance === 1 ? 0.8 : 0.78,
            reasons: [wholeLabel ? reason : `${reason}, inside "${inside}"`],
          });
      }
    };
    for (const label of labels) {
      check(label, true);
      for (const token of label.tokens) {
        if (token.raw !== label.raw) check(token, false);
        // A slip glued to a word (binnancewallet, walletbinnance): the rest must be an English
        // word, and no word may run across the cut (opensearch is open|search, not opense|arch).
        const text = token.plain;
        for (let cut = MIN_GLUED_WORD; cut <= text.length - MIN_GLUED_WORD; cut += 1) {
          if (cut >= 5 && isEnglishWord(text, cut) && !straddlesWords(text, 0, cut))
            check(gluedPiece(text.slice(0, cut)), false, token.raw);
          if (
            text.length - cut >= 5 &&
            isEnglishWord(text, 0, cut) &&
            !straddlesWords(text, cut, text.length)
          )
            check(gluedPiece(text.slice(cut)), false, token.raw);
        }
      }
    }
  },
};
