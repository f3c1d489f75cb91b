import { domainToUnicode } from 'node:url';
import type { ParsedHostname } from '../identifiers/domain.js';
import { fold, plain } from './fold.js';
import type { CandidateHost, CandidateLabel, Piece } from './model.js';

const HYPHENS = /[-_]+/;
const HYPHENS_AND_DIGITS = /[-_0-9]+/;
const DIGIT = /[0-9]/;

function piece(raw: string): Piece {
  return { raw, plain: plain(raw), folded: fold(raw) };
}

/**
 * Splits a hostname into what the patterns compare: each label, its hyphen parts (kept whole, so
 * c0inbase folds to coinbase) and its parts between digits (binnance24 → binnance).
 */
export function candidateHost(host: ParsedHostname): CandidateHost {
  const subdomainLabels = host.subdomain ? host.subdomain.split('.') : [];
  const asciiLabels = [...subdomainLabels, host.label];
  const words = new Set<string>();
  const labels = asciiLabels.map((ascii, i): CandidateLabel => {
    const raw = ascii.startsWith('xn--') ? (domainToUnicode(ascii) || ascii).toLowerCase() : ascii;
    const whole = piece(raw);
    const tokens: Piece[] = [];
    const add = (part: string) => {
      if (!part || tokens.some((t) => t.raw === part)) return;
      const token = part === raw ? whole : piece(part);
      tokens.push(token);
      words.add(token.plain);
    };
    for (const part of raw.split(HYPHENS)) add(part);
    if (DIGIT.test(raw)) for (const part of raw.split(HYPHENS_AND_DIGITS)) add(part);
    return {
      raw,
      plain: whole.plain,
      folded: whole.folded,
      tokens,
      registrable: i === asciiLabels.length - 1,
    };
  });
  return { host, labels, subdomainLabels, words };
}
