/** Today's detector as committed before issue 14 (git show 34de885:src/intelligence/lookalike.ts), kept so the benchmark compares against it in the same run. */
import { domainToUnicode } from 'node:url';
import { skeleton } from '../src/intelligence/confusable-skeleton.js';
import { parseHostname } from '../src/intelligence/identifiers/domain.js';
import { isOneTypoAway } from '../src/intelligence/typo-distance.js';

export interface LookalikeFinding {
  brand: string;
  /** The official domain or handle it imitates. */
  imitates: string;
  /** 0–1: how sure the detector is that this is impersonation. */
  score: number;
  reasons: string[];
}

interface OfficialName {
  brand: string;
  imitates: string;
  /** Skeleton of the brand's label (binance for binance.com). */
  skeleton: string;
  suffix: string;
}

const TOKEN_SPLIT = /[-_.0-9]+/;
/** Shorter names are matched only as whole tokens: okx inside "rocky" is not impersonation. */
const MIN_EMBEDDED_LENGTH = 5;

/**
 * Impersonation of official domains and handles, beyond edit distance: confusable skeletons
 * (UTS #39) catch homoglyphs and punycode tricks, the brand's name inside another domain's labels
 * or in front of another site catches "binance.com.security-check.xyz" and
 * "accounts-binance-log-in.com", the same name under another TLD catches TLD swaps, and one typo
 * (keyboard-neighbour substitutions only) catches typosquats without flagging real words.
 */
export class BaselineLookalikeDetector {
  private readonly names: OfficialName[];
  private readonly officialRegistrable: Set<string>;
  private readonly byOfficialLabel = new Map<string, OfficialName>();
  private readonly byLength = new Map<number, OfficialName[]>();
  private readonly embeddableLengths: number[];

  constructor(
    domains: readonly { brand: string; registrable: string; label: string }[],
    private readonly handles: readonly { brand: string; platform: string; handle: string }[] = [],
  ) {
    this.officialRegistrable = new Set(domains.map((d) => d.registrable));
    this.names = domains.map((d) => ({
      brand: d.brand,
      imitates: d.registrable,
      skeleton: skeleton(domainToUnicode(d.label) || d.label),
      suffix: d.registrable.slice(d.label.length + 1),
    }));
    for (const name of this.names) {
      this.byOfficialLabel.set(name.skeleton, name);
      const list = this.byLength.get(name.skeleton.length) ?? [];
      list.push(name);
      this.byLength.set(name.skeleton.length, list);
    }
    this.embeddableLengths = [...this.byLength.keys()].filter((length) => length >= MIN_EMBEDDED_LENGTH);
  }

  checkHostname(asciiHostname: string): LookalikeFinding | undefined {
    const host = parseHostname(asciiHostname);
    if (!host || this.officialRegistrable.has(host.registrable)) return undefined;
    const unicodeLabel = domainToUnicode(host.label) || host.label;
    const candidate = skeleton(unicodeLabel);
    const punycode = host.label.startsWith('xn--') || host.ascii.split('.').some((l) => l.startsWith('xn--'));
    let best: LookalikeFinding | undefined;
    const consider = (finding: LookalikeFinding) => {
      if (punycode && !finding.reasons.some((r) => r.includes('punycode')))
        finding.reasons.push(`its name is punycode (${host.ascii}), shown to people as ${host.unicode}`);
      if (!best || finding.score > best.score) best = finding;
    };

    // The official domain or brand placed in front of another site: binance.com.security-check.xyz.
    if (host.subdomain) {
      const sub = host.subdomain.split('.');
      for (let i = 0; i < sub.length; i += 1) {
        const label = skeleton(domainToUnicode(sub[i] as string) || (sub[i] as string));
        const official = this.byOfficialLabel.get(label);
        if (official)
          consider({
            brand: official.brand,
            imitates: official.imitates,
            score: 0.93,
            reasons: [`puts "${sub.slice(i).join('.')}" in front of another site, ${host.registrable}`],
          });
      }
    }
    const exactLabel = this.byOfficialLabel.get(candidate);
    if (exactLabel) {
      if (unicodeLabel !== host.label || unicodeLabel !== domainToUnicode(exactLabel.imitates).split('.')[0])
        consider({
          brand: exactLabel.brand,
          imitates: exactLabel.imitates,
          score: 0.97,
          reasons: [
            `looks the same as ${exactLabel.imitates} but uses look-alike characters (${host.unicode})`,
          ],
        });
      else
        consider({
          brand: exactLabel.brand,
          imitates: exactLabel.imitates,
          score: 0.9,
          reasons: [
            `the brand's name under another ending: .${host.publicSuffix} instead of .${exactLabel.suffix}`,
          ],
        });
    }
    // Brand names inside the labels: whole tokens of any length, and for names of five letters or
    // more any substring, found by looking up each substring of a name's length (not by scanning
    // every official name), so the cost does not grow with the registry.
    const tokens = candidate.split(TOKEN_SPLIT).filter(Boolean);
    const embedded = new Set<OfficialName>();
    for (const token of tokens) {
      const whole = this.byOfficialLabel.get(token);
      if (whole && token !== candidate) embedded.add(whole);
      for (const length of this.embeddableLengths)
        for (let i = 0; i + length <= token.length; i += 1) {
          const name = this.byOfficialLabel.get(token.slice(i, i + length));
          if (name && name.skeleton !== candidate) embedded.add(name);
        }
    }
    for (const name of embedded)
      consider({
        brand: name.brand,
        imitates: name.imitates,
        score: 0.85,
        reasons: [`contains the brand name "${name.skeleton}" in a domain that is not ${name.imitates}`],
      });
    for (let length = candidate.length - 1; length <= candidate.length + 1; length += 1) {
      if (length < MIN_EMBEDDED_LENGTH) continue;
      for (const name of this.byLength.get(length) ?? [])
        if (!embedded.has(name) && isOneTypoAway(candidate, name.skeleton))
          consider({
            brand: name.brand,
            imitates: name.imitates,
            score: 0.8,
            reasons: [`one typo away from ${name.imitates}`],
          });
    }
    return best;
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
