import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { skeleton } from '../../src/intelligence/confusable-skeleton.js';
import { forEachDeletionHash, polyHash } from '../../src/intelligence/lookalike/deletion-hash.js';
import { distinctiveness } from '../../src/intelligence/lookalike/distinctiveness.js';
import { isEnglishWord } from '../../src/intelligence/lookalike/english-words.js';
import { fold, mixedScripts, plain } from '../../src/intelligence/lookalike/fold.js';
import { osaDistance } from '../../src/intelligence/lookalike/osa-distance.js';
import { readsAsWords, straddlesWords } from '../../src/intelligence/lookalike/word-straddle.js';

/** The textbook optimal-string-alignment distance, to check the banded one against. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1)
    for (let j = 1; j <= b.length; j += 1) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min(
        (up[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  return (d[a.length] as number[])[b.length] as number;
}

describe('lookalike building blocks', () => {
  it('computes the bounded OSA distance like the textbook one', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'n', 'c'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 1, max: 3 }), (a, b, max) => {
        expect(osaDistance(a, b, max)).toBe(Math.min(reference(a, b), max + 1));
      }),
      { numRuns: 3000 },
    );
    expect(osaDistance('binance', 'bianace', 2)).toBe(2);
    expect(osaDistance('binance', 'binacne', 1)).toBe(1);
  });

  it('hashes every one-letter deletion without building it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'n', '-', '1'), maxLength: 12 }), (text) => {
        const got = new Set<number>();
        forEachDeletionHash(text, (h) => got.add(h));
        const want = new Set([
          polyHash(text),
          ...[...text].map((_, i) => polyHash(text.slice(0, i) + text.slice(i + 1))),
        ]);
        expect(got).toEqual(want);
      }),
    );
  });

  it('folds ASCII labels exactly as the UTS #39 skeleton does, and drops accents first', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcilmnorstu01-_'), maxLength: 16 }), (text) => {
        expect(fold(text)).toBe(skeleton(text));
      }),
    );
    expect(plain('bínance')).toBe('binance');
    expect(fold('coinbasé')).toBe(fold('coinbase'));
    expect(fold('b\u0456nance')).toBe(fold('binance'));
  });

  it('names mixed scripts', () => {
    expect(mixedScripts('bin\u0430nce')).toEqual(['Latin', 'Cyrillic']);
    expect(mixedScripts('binance')).toEqual([]);
    expect(mixedScripts('пример')).toEqual([]);
  });

  it('tells English words, common-word brands and distinctive ones apart', () => {
    expect(isEnglishWord('finance')).toBe(true);
    expect(isEnglishWord('binance')).toBe(false);
    expect(isEnglishWord('xfinancex', 1, 8)).toBe(true);
    expect(distinctiveness('binance')).toEqual({ distinctive: true, commonWord: false });
    expect(distinctiveness('crypto')).toEqual({ distinctive: false, commonWord: true });
    expect(distinctiveness('okx')).toEqual({ distinctive: false, commonWord: false });
    expect(distinctiveness('blockchain', false)).toEqual({ distinctive: false, commonWord: true });
    expect(distinctiveness('kraken', true)).toEqual({ distinctive: true, commonWord: false });
  });

  it('sees a brand that is an accident of other words', () => {
    expect(straddlesWords('opensearch', 0, 7)).toBe(true); // open|search
    expect(straddlesWords('coinbasewallet', 0, 8)).toBe(false); // coin|base|wallet
    expect(straddlesWords('mybinancewallet', 2, 9)).toBe(false);
    expect(readsAsWords('blockchair')).toBe(true);
    expect(readsAsWords('blockchian')).toBe(false);
  });
});
