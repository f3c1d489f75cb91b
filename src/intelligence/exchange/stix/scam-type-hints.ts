import { SCAM_TYPES, type ScamType } from '../../indicator.js';
import type { StixObject } from './common.js';

// Words producers use in the names of malware, campaigns, attack patterns and threat actors.
const WORDS: readonly [RegExp, ScamType][] = [
  [/ransom/i, 'ransomware'],
  [/phish|smish|vish/i, 'phishing'],
  [/romance|dating/i, 'romance'],
  [/pig[\s-]?butcher|investment|ponzi|trading platform/i, 'investment'],
  [/giveaway|airdrop/i, 'giveaway'],
  [/fake exchange/i, 'fake_exchange'],
  [/impersonat/i, 'impersonation'],
  [/tech(nical)?[\s-]?support/i, 'tech_support'],
  [/extort/i, 'extortion'],
  [/\bjob\b|task scam|recruit/i, 'job'],
  [/money[\s-]?mule/i, 'money_mule'],
];

/**
 * The scam type an object an indicator `indicates` stands for: caveat's own property if it has one,
 * ransomware for malware typed so, else a word in its name or its types. Undefined when nothing says.
 */
export function scamTypeOf(object: StixObject): ScamType | undefined {
  const own = object.x_caveat_scam_type;
  if (typeof own === 'string' && (SCAM_TYPES as readonly string[]).includes(own)) return own as ScamType;
  const types = [object.malware_types, object.threat_actor_types, object.infrastructure_types]
    .flatMap((list) => (Array.isArray(list) ? list : []))
    .filter((t): t is string => typeof t === 'string');
  if (types.includes('ransomware')) return 'ransomware';
  const text = [object.name, ...(Array.isArray(object.aliases) ? object.aliases : [])]
    .filter((t): t is string => typeof t === 'string')
    .join(' ');
  return WORDS.find(([pattern]) => pattern.test(text))?.[1];
}
