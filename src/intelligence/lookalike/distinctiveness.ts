import { isEnglishWord } from './english-words.js';

/** Names shorter than this (okx, gmx, x) occur by chance inside other names. */
export const MIN_DISTINCTIVE_LENGTH = 5;

export interface Distinctiveness {
  /** Whether the name may be searched for inside other names. */
  distinctive: boolean;
  /** Whether it is a common word, which people also use for their own sites (crypto.news). */
  commonWord: boolean;
}

/**
 * How a brand's name may be matched. A common word (crypto, ledger, phantom) or a short name
 * appears in thousands of legitimate domains (crypto-news, okxygen), so such a brand matches only
 * as a whole label, a TLD swap, a confusable or a typo. Automatic from an English word list; an
 * official-channel entry can override it: `false` makes a name a common word (blockchain, which the
 * list lacks), `true` makes a word distinctive (a brand whose word is rare in domain names).
 */
export function distinctiveness(plainLabel: string, override?: boolean): Distinctiveness {
  if (override !== undefined) return { distinctive: override, commonWord: !override };
  const letters = plainLabel.replace(/[^\p{L}]/gu, '');
  const commonWord = isEnglishWord(letters);
  return { distinctive: letters.length >= MIN_DISTINCTIVE_LENGTH && !commonWord, commonWord };
}
