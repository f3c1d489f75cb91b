import type { ParsedHostname } from '../identifiers/domain.js';

export interface LookalikeFinding {
  brand: string;
  /** The official domain or handle it imitates. */
  imitates: string;
  /** 0–1: how sure the detector is that this is impersonation. */
  score: number;
  reasons: string[];
}

/** One official domain as the patterns compare it. */
export interface OfficialName {
  brand: string;
  /** The official registrable domain (binance.com). */
  imitates: string;
  /** Its label as people write it (binance, or a Unicode name): the only spelling reasons use. */
  label: string;
  /** The label without accents (fold.ts plain()). */
  plain: string;
  /** The label's confusable skeleton (fold.ts fold()). */
  skeleton: string;
  /** The public suffix after the label (com, co.uk). */
  suffix: string;
  /**
   * Whether the name may be found inside longer words: false for common words (crypto) and short
   * names (okx), which then match only as a whole label, a TLD swap, a confusable or a typo.
   */
  distinctive: boolean;
  /** A common word (not merely short): its TLD swaps count only where they read as the brand's. */
  commonWord: boolean;
}

/** One piece of a hostname label: the whole label, a part between hyphens, or a part between digits. */
export interface Piece {
  /** Lowercase Unicode as shown to people. */
  raw: string;
  plain: string;
  folded: string;
}

export interface CandidateLabel extends Piece {
  /** Its parts split at hyphens, underscores and digits, whole hyphen parts first. */
  tokens: Piece[];
  /** Whether this is the registrable label (the site's own name) rather than a subdomain label. */
  registrable: boolean;
}

/** A hostname prepared once for every pattern. */
export interface CandidateHost {
  host: ParsedHostname;
  /** Every label left of the public suffix, outermost first; the registrable label is last. */
  labels: CandidateLabel[];
  /** Subdomain labels as written (for "puts binance.com in front of another site"). */
  subdomainLabels: string[];
  /** The set of all tokens' plain forms, for bait-word checks. */
  words: Set<string>;
}

/** The official names indexed for the patterns (official-names.ts). */
export interface OfficialNameIndex {
  /** Official names by their skeleton. */
  bySkeleton(skeleton: string): OfficialName | undefined;
  /** Official names by their accent-free label. */
  byPlain(plain: string): OfficialName | undefined;
  /** The length of the shortest distinctive name (Infinity when there is none). */
  readonly shortestDistinctive: number;
  /** Names (any distinctiveness) whose accent-free label occurs in `text` at `at`. */
  startingAt(text: string, at: number): OfficialName[];
  /** Distinctive names whose skeleton starts or ends `text`. */
  skeletonsAtEdges(text: string): OfficialName[];
  /** Names within typo distance of any of these spellings (candidates; the pattern verifies). */
  typoCandidates(...forms: string[]): Iterable<OfficialName>;
}

/** One family of impersonation tricks; each reports what it finds through `report`. */
export interface LookalikePattern {
  find(candidate: CandidateHost, names: OfficialNameIndex, report: (finding: LookalikeFinding) => void): void;
}
