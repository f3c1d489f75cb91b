import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHostname } from '../../src/intelligence/identifiers/domain.js';
import { LookalikeDetector } from '../../src/intelligence/lookalike.js';
import { IMPERSONATIONS, LEGITIMATE, OFFICIAL_DOMAINS } from './labelled-domains.js';

const detector = new LookalikeDetector(
  OFFICIAL_DOMAINS.map((domain) => {
    const host = parseHostname(domain)!;
    return { brand: host.label, registrable: host.registrable, label: host.label };
  }),
  [{ brand: 'binance', platform: 'x', handle: 'binance' }],
);

describe('lookalike detector', () => {
  it.each(IMPERSONATIONS)('flags %s as imitating %s, with a reason', (domain, imitates) => {
    const finding = detector.checkHostname(domainToASCII(domain));
    expect(finding?.imitates).toBe(imitates);
    expect(finding?.score).toBeGreaterThanOrEqual(0.75);
    expect(finding?.reasons.join(' ')).toMatch(/\w/);
  });

  it.each(LEGITIMATE)('does not flag %s', (domain) => {
    expect(detector.checkHostname(domain)).toBeUndefined();
  });

  it('explains homoglyphs and punycode, TLD swaps and embedded official domains', () => {
    const homoglyph = detector.checkHostname(domainToASCII('b\u0456nance.com'))?.reasons.join(' ');
    expect(homoglyph).toMatch(/look-alike characters/);
    expect(homoglyph).toMatch(/punycode \(xn--/);
    expect(detector.checkHostname('binance.top')?.reasons[0]).toMatch(/\.top instead of \.com/);
    expect(detector.checkHostname('binance.com.security-check.xyz')?.reasons[0]).toMatch(
      /in front of another site, security-check\.xyz/,
    );
  });

  it('flags handles that imitate the official account', () => {
    expect(detector.checkHandle('x', 'binance_support')?.imitates).toBe('x:@binance');
    expect(detector.checkHandle('x', 'blnance')?.score).toBeGreaterThan(0.9);
    expect(detector.checkHandle('x', 'binance')).toBeUndefined();
    expect(detector.checkHandle('telegram', 'binance_support')).toBeUndefined();
  });
});
