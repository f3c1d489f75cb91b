import { observableType, STIX_OBSERVABLE_TYPES, type ObservableType } from './observables.js';

export type PatternRead =
  | { ok: true; observable: ObservableType; value: string }
  | { ok: false; unscreened: string }
  | { ok: false; problem: string };

// [type:property.path = 'value']; the path may be quoted or indexed (file:hashes.'SHA-256').
const COMPARISON = /^\[\s*([a-z0-9-]+):((?:[a-z0-9_*.[\]]|'[^']*')+)\s*=\s*'((?:[^'\\]|\\.)*)'\s*\]$/;
const READABLE = "one comparison such as [domain-name:value = 'example.com']";

/**
 * Reads the one pattern shape feeds use for a single identifier. Anything richer is refused with a
 * reason, not a guess: a compound pattern matches only when all its parts do, and caveat keeps one
 * identifier per indicator, so reading one part would claim more than the producer said.
 */
export function readPattern(pattern: string): PatternRead {
  const match = COMPARISON.exec(pattern.trim());
  if (!match) {
    // Quoted values may contain anything, so look for operators only outside them.
    const bare = pattern.replace(/'(?:[^'\\]|\\.)*'/g, "''");
    if (/\b(AND|OR|FOLLOWEDBY)\b/.test(bare) || (bare.match(/\[/g) ?? []).length > 1)
      return {
        ok: false,
        problem: `compound patterns (AND, OR, FOLLOWEDBY) are not supported; caveat reads ${READABLE}`,
      };
    if (/\b(WITHIN|REPEATS|START|STOP)\b/.test(bare))
      return {
        ok: false,
        problem: `pattern qualifiers (WITHIN, REPEATS, START … STOP) are not supported; caveat reads ${READABLE}`,
      };
    if (/!=|<|>|\b(IN|LIKE|MATCHES|ISSUBSET|ISSUPERSET|EXISTS|NOT)\b/.test(bare))
      return { ok: false, problem: `only = comparisons are read; caveat reads ${READABLE}` };
    return { ok: false, problem: `is not a STIX pattern caveat reads; expected ${READABLE}` };
  }
  const [, type = '', property = '', quoted = ''] = match;
  const observable = observableType(type);
  if (!observable) {
    if ((STIX_OBSERVABLE_TYPES as readonly string[]).includes(type)) return { ok: false, unscreened: type };
    return { ok: false, problem: `caveat reads no ${type} objects; it reads ${readableTypes()}` };
  }
  if (observable.property !== property)
    return { ok: false, problem: `caveat reads ${type}:${observable.property}, not ${type}:${property}` };
  return { ok: true, observable, value: quoted.replace(/\\(.)/g, '$1') };
}

const readableTypes = () =>
  [
    'domain-name:value',
    'url:value',
    'email-addr:value',
    'x-crypto-wallet:value',
    'x-caveat-identifier:value',
  ].join(', ');

/** A single-comparison pattern; the value escaped as STIX string literals require (\' and \\). */
export const writePattern = (observable: ObservableType, value: string): string =>
  `[${observable.type}:${observable.property} = '${value.replace(/['\\]/g, '\\$&')}']`;
