import { detectIdentifier, type DetectOptions } from './identifiers/detect.js';
import type { NormalizedIdentifier } from './identifiers/identifier.js';
import type { Indicator } from './indicator.js';
import { isExpired } from './indicator.js';
import type { LookalikeDetector, LookalikeFinding } from './lookalike.js';
import type { OfficialMatch, OfficialRegistry } from './official-channels.js';

export type LookupVerdict = 'official' | 'reported_scam' | 'suspicious_lookalike' | 'unknown';

export interface LookupAnswer {
  query: string;
  kind: NormalizedIdentifier['kind'];
  key: string;
  display: string;
  verdict: LookupVerdict;
  /** `jurisdiction`: whose own channel it is (a police hotline); absent for the exchange's own. */
  official?: { brand: string; channel: string; via: OfficialMatch['via']; jurisdiction?: string };
  report?: Pick<Indicator, 'riskLevel' | 'scamType' | 'reportCount' | 'jurisdictions' | 'sources'> & {
    firstSeen: string;
    lastSeen: string;
    /** Which key matched: the thing itself, or the site it lives on. */
    matched: string;
  };
  lookalike?: LookalikeFinding;
  /**
   * Scam reports naming this that no analyst has confirmed yet (added by the HTTP layer). Never a
   * verdict: zero is not "safe", and a count alone blocks no one.
   */
  unverifiedReports?: number;
}

export interface IntelligenceView {
  indicator(key: string): Indicator | undefined;
  registry: OfficialRegistry;
  detector: LookalikeDetector;
}

/**
 * "Is this an official channel or a scam?": official first (the registry is the exchange's own
 * word), then reports (the thing itself, then the site it is on), then impersonation, else unknown.
 */
export function lookup(
  view: IntelligenceView,
  query: string,
  nowMs: number,
  options: DetectOptions = {},
): { ok: true; answer: LookupAnswer } | { ok: false; field: string; reason: string } {
  const identifier = detectIdentifier(query, options);
  if (!identifier.ok) return { ok: false, field: identifier.field, reason: identifier.reason };
  const base = { query, kind: identifier.kind, key: identifier.key, display: identifier.display };
  const official = view.registry.match(identifier);
  if (official)
    return {
      ok: true,
      answer: {
        ...base,
        verdict: 'official',
        official: {
          brand: official.brand,
          channel: official.channel.display,
          via: official.via,
          ...(official.channel.jurisdiction ? { jurisdiction: official.channel.jurisdiction } : {}),
        },
      },
    };
  const candidates = [
    identifier.key,
    ...(identifier.hostname ? [`domain:${identifier.hostname}`] : []),
    ...(identifier.registrableDomain ? [`domain:${identifier.registrableDomain}`] : []),
  ];
  for (const key of candidates) {
    const found = view.indicator(key);
    if (found && !isExpired(found, nowMs))
      return {
        ok: true,
        answer: {
          ...base,
          verdict: 'reported_scam',
          report: {
            riskLevel: found.riskLevel,
            scamType: found.scamType,
            reportCount: found.reportCount,
            jurisdictions: found.jurisdictions,
            sources: found.sources,
            firstSeen: new Date(found.firstSeenMs).toISOString(),
            lastSeen: new Date(found.lastSeenMs).toISOString(),
            matched: key,
          },
        },
      };
  }
  const lookalike = identifier.hostname
    ? view.detector.checkHostname(identifier.hostname)
    : identifier.kind === 'social_handle' && identifier.platform
      ? view.detector.checkHandle(identifier.platform, identifier.key.split(':').slice(2).join(':'))
      : undefined;
  if (lookalike) return { ok: true, answer: { ...base, verdict: 'suspicious_lookalike', lookalike } };
  return { ok: true, answer: { ...base, verdict: 'unknown' } };
}
