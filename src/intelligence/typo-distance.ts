import { areNeighbourKeys } from './keyboard.js';

/**
 * Whether `candidate` is one slip away from `target`: a missing, doubled or extra character, two
 * neighbours swapped, or one key replaced by a neighbouring key. Plain edit distance alone would
 * also flag real words one letter apart (finance vs binance), which are not typos. Linear time with
 * an early exit, because it runs against every official name of a similar length.
 */
export function isOneTypoAway(candidate: string, target: string): boolean {
  if (candidate === target) return false;
  if (candidate.length === target.length + 1) return oneInsertionApart(target, candidate);
  if (candidate.length + 1 === target.length) return oneInsertionApart(candidate, target);
  if (candidate.length !== target.length) return false;
  let first = -1;
  let second = -1;
  for (let i = 0; i < target.length; i += 1) {
    if (candidate[i] === target[i]) continue;
    if (first < 0) first = i;
    else if (second < 0) second = i;
    else return false;
  }
  if (second < 0) return areNeighbourKeys(candidate[first] as string, target[first] as string);
  return second === first + 1 && candidate[first] === target[second] && candidate[second] === target[first];
}

/** `longer` is `shorter` with exactly one character added somewhere. */
function oneInsertionApart(shorter: string, longer: string): boolean {
  let i = 0;
  while (i < shorter.length && shorter[i] === longer[i]) i += 1;
  for (let j = i; j < shorter.length; j += 1) if (shorter[j] !== longer[j + 1]) return false;
  return true;
}
