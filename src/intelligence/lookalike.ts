import { skeleton } from './confusable-skeleton.js';
import { parseHostname } from './identifiers/domain.js';
import { brandInLabel } from './lookalike/brand-in-label.js';
import { candidateHost } from './lookalike/candidate-host.js';
import { confusable } from './lookalike/confusable.js';
import type { LookalikeFinding, LookalikePattern } from './lookalike/model.js';
import { OfficialNames, type OfficialDomainInput } from './lookalike/official-names.js';
import { tldSwap } from './lookalike/tld-swap.js';
import { typo } from './lookalike/typo.js';
import { isOneTypoAway } from './typo-distance.js';

export type { LookalikeFinding } from './lookalike/model.js';

const TOKEN_SPLIT = /[-_.0-9]+/;

/** Every family of tricks, each in its own file under lookalike/; the best-scoring finding wins. */
const PATTERNS: readonly LookalikePattern[] = [confusable, brandInLabel, tldSwap, typo];

/**
 * Impersonation of official domains and handles, beyond edit distance: confusable skeletons after
 * accents are dropped (homoglyphs, punycode), the brand's name in any label of the host (hosting
 * platforms count as their own sites by the Public Suffix List's private section), the same name
 * under another TLD, and typos by Damerau–Levenshtein distance with guards against real words.
 * Brands that are common words or short are never looked for inside other words.
 */
export class LookalikeDetector {
  private readonly names: OfficialNames;
  private readonly officialRegistrable: Set<string>;

  constructor(
    domains: readonly OfficialDomainInput[],
    private readonly handles: readonly { brand: string; platform: string; handle: string }[] = [],
  ) {
    this.officialRegistrable = new Set(domains.map((d) => d.registrable));
    this.names = new OfficialNames(domains);
  }

  checkHostname(asciiHostname: string): LookalikeFinding | undefined {
    const host = parseHostname(asciiHostname);
    if (!host || this.officialRegistrable.has(host.registrable) || this.names.all.length === 0)
      return undefined;
    const candidate = candidateHost(host);
    let best: LookalikeFinding | undefined;
    const report = (finding: LookalikeFinding) => {
      if (!best || finding.score > best.score) best = finding;
    };
    for (const pattern of PATTERNS) pattern.find(candidate, this.names, report);
    const found = best as LookalikeFinding | undefined;
    if (
      found &&
      host.ascii.split('.').some((l) => l.startsWith('xn--')) &&
      !found.reasons.some((r) => r.includes('punycode'))
    )
      found.reasons.push(`its name is punycode (${host.ascii}), shown to people as ${host.unicode}`);
    return found;
  }

  checkHandle(platform: string, handle: string): LookalikeFinding | undefined {
    const candidate = skeleton(handle);
    let best: LookalikeFinding | undefined;
    for (const official of this.handles) {
      if (official.platform !== platform || official.handle === handle) continue;
      const target = skeleton(official.handle);
      const imitates = `${platform}:@${official.handle}`;
      const finding =
        candidate === target
          ? { score: 0.95, reason: `looks the same as ${imitates} but is a different account` }
          : candidate.split(TOKEN_SPLIT).some((t) => t.includes(target)) || candidate.includes(target)
            ? { score: 0.8, reason: `uses the name of ${imitates} but is not an official account` }
            : isOneTypoAway(candidate, target)
              ? { score: 0.75, reason: `one typo away from ${imitates}` }
              : undefined;
      if (finding && (!best || finding.score > best.score))
        best = { brand: official.brand, imitates, score: finding.score, reasons: [finding.reason] };
    }
    return best;
  }
}
