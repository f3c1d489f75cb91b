import type { LookalikeParams } from '../screening/decision.js';
import type { RiskFinding } from '../screening/risk-check.js';
import type { LookalikeFinding } from './lookalike.js';

export type LookalikeTechnique = 'confusable' | 'brand_in_name' | 'tld_swap' | 'typo' | 'other';

/**
 * Which trick a finding names. The detector's reasons are English sentences for analysts; the
 * element needs a code it can word per locale. A finding that carries its own `technique` wins, so
 * the detector can state it directly; otherwise the sentence's wording tells.
 */
export function techniqueOf(finding: LookalikeFinding & { technique?: string }): LookalikeTechnique {
  const stated = finding.technique;
  if (stated === 'confusable' || stated === 'brand_in_name' || stated === 'tld_swap' || stated === 'typo')
    return stated;
  const first = finding.reasons[0] ?? '';
  if (/look-alike characters|looks the same|punycode/.test(first)) return 'confusable';
  if (/another ending/.test(first)) return 'tld_swap';
  if (/typo|another order/.test(first)) return 'typo';
  if (/in front of another site|brand name|inside another site|beside/.test(first)) return 'brand_in_name';
  return 'other';
}

/**
 * A lookalike finding as a screening reason: it warns (impersonation is a strong sign, not a report),
 * the message is the detector's English for analysts, and the params say which official site is
 * imitated and how, for the user's language.
 */
export function lookalikeRiskFinding(finding: LookalikeFinding, shownAs: string): RiskFinding {
  const params: LookalikeParams = {
    imitates: finding.brand,
    officialDomain: finding.imitates,
    technique: techniqueOf(finding),
  };
  return {
    code: 'lookalike',
    severity: 'warn',
    message: `${shownAs} imitates ${finding.brand} (${finding.imitates}): ${finding.reasons.join('; ')}.`,
    params,
  };
}
