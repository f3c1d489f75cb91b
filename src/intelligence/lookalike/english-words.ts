import { createRequire } from 'node:module';

/**
 * Whether a lowercase string is an English word, by the ~275,000 words of an-array-of-english-words.
 * The list is read once, on first use, into an open-addressing table of 32-bit hashes (2 MiB)
 * instead of a Set of strings (≈ 20 MiB): a hash collision can only make a typo look like a word
 * (one in ~15,000 guesses), which errs towards not flagging. The list is loaded as a module, like
 * unhomoglyph's table, then dropped from the module cache so its strings can be collected; the
 * service loads it only once official domains are registered.
 */
const SLOTS = 1 << 19;
let table: Uint32Array | undefined;

function hash(text: string, start = 0, end = text.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0 || 1;
}

function load(): Uint32Array {
  const require = createRequire(import.meta.url);
  const path = require.resolve('an-array-of-english-words');
  const words = require(path) as string[];
  delete require.cache[path];
  const slots = new Uint32Array(SLOTS);
  for (const word of words) {
    const h = hash(word);
    let i = h & (SLOTS - 1);
    while (slots[i] !== 0 && slots[i] !== h) i = (i + 1) & (SLOTS - 1);
    slots[i] = h;
  }
  return slots;
}

/** `text.slice(start, end)` is an English word (without making the slice). */
export function isEnglishWord(text: string, start = 0, end = text.length): boolean {
  table ??= load();
  const h = hash(text, start, end);
  for (let i = h & (SLOTS - 1); ; i = (i + 1) & (SLOTS - 1)) {
    const slot = table[i] as number;
    if (slot === h) return true;
    if (slot === 0) return false;
  }
}
