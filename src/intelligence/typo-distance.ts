import { distance } from 'fastest-levenshtein';
import { areNeighbourKeys } from './keyboard.js';

/**
 * Whether `candidate` is one slip away from `target`: a missing, doubled or extra character, two
 * neighbours swapped, or one key replaced by a neighbouring key. Plain edit distance alone would
 * also flag real words one letter apart (finance vs binance), which are not typos.
 */
export function isOneTypoAway(candidate: string, target: string): boolean {
  if (candidate === target || Math.abs(candidate.length - target.length) > 1) return false;
  if (candidate.length !== target.length) return distance(candidate, target) === 1;
  const diffs: number[] = [];
  for (let i = 0; i < target.length; i += 1) if (candidate[i] !== target[i]) diffs.push(i);
  if (diffs.length === 1) {
    const i = diffs[0] as number;
    return areNeighbourKeys(candidate[i] as string, target[i] as string);
  }
  if (diffs.length === 2) {
    const [i, j] = diffs as [number, number];
    return j === i + 1 && candidate[i] === target[j] && candidate[j] === target[i];
  }
  return false;
}
