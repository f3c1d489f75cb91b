import { isEnglishWord } from './english-words.js';

/**
 * Words that may explain a brand away: the list's many short and obscure words (ska, ama, aah)
 * would split any name, so only words of four letters or more count, and the word that runs
 * across the brand's edge must have five (search across opensea).
 */
const MIN_WORD = 4;
const MIN_CROSSING_WORD = 5;
/** Parts of a compound: the word list's many short words (ban, lock, chin…) would split anything. */
const MIN_COMPOUND_WORD = 5;

/**
 * Whether the brand found at [start, end) of `token` is an accident of other words: the token reads
 * as English words end to end and one of them runs across the brand's edge (open|search holds
 * "opensea"; coin|base|wallet does not straddle "coinbase"). Only asked when a brand was found
 * inside a longer part, so its quadratic cost is paid on rare hits, never on ordinary domains.
 */
export function straddlesWords(token: string, start: number, end: number): boolean {
  const n = token.length;
  const unit = (a: number, b: number) =>
    (a === start && b === end) || (b - a >= MIN_WORD && isEnglishWord(token, a, b));
  const fromStart = new Array<boolean>(n + 1).fill(false);
  fromStart[0] = true;
  for (let b = 1; b <= n; b += 1)
    for (let a = 0; a < b && !fromStart[b]; a += 1) if (fromStart[a] && unit(a, b)) fromStart[b] = true;
  if (!fromStart[n]) return false;
  const toEnd = new Array<boolean>(n + 1).fill(false);
  toEnd[n] = true;
  for (let a = n - 1; a >= 0; a -= 1)
    for (let b = a + 1; b <= n && !toEnd[a]; b += 1) if (toEnd[b] && unit(a, b)) toEnd[a] = true;
  for (let a = 0; a < n; a += 1) {
    if (!fromStart[a]) continue;
    for (let b = a + MIN_CROSSING_WORD; b <= n; b += 1) {
      const crosses = (a < start && start < b) || (a < end && end < b);
      if (crosses && toEnd[b] && isEnglishWord(token, a, b)) return true;
    }
  }
  return false;
}

/**
 * Whether `text` is two or more English words run together (blockchair = block|chair): such a
 * name was made from words, not by slipping on a brand's name.
 */
export function readsAsWords(text: string): boolean {
  const n = text.length;
  const MIN_WORD = MIN_COMPOUND_WORD;
  const words = new Array<number>(n + 1).fill(0); // fewest words covering text[0, i), 0 = none
  for (let b = MIN_WORD; b <= n; b += 1)
    for (let a = 0; a <= b - MIN_WORD; a += 1)
      if ((a === 0 || (words[a] as number) > 0) && isEnglishWord(text, a, b)) {
        const count = (a === 0 ? 0 : (words[a] as number)) + 1;
        if (words[b] === 0 || count < (words[b] as number)) words[b] = count;
      }
  return (words[n] as number) >= 2;
}
