import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import {
  ALERT_FIELDS,
  destinationReported,
  type AlertFacts,
  type AlertField,
  type PolicyField,
  type RelayPolicy,
} from './policy.js';

const isAlertField = (field: PolicyField): field is AlertField =>
  (ALERT_FIELDS as readonly string[]).includes(field);

/**
 * A stable pseudonym of a user for one partner: HMAC-SHA256 under that partner's own key, so the
 * same user is the same pseudonym in every alert to that partner, and two partners cannot join
 * their alerts on it.
 */
export function pseudonym(partnerKey: Uint8Array, userRef: string): string {
  return bytesToHex(hmac(sha256, partnerKey, utf8ToBytes(userRef))).slice(0, 32);
}

export function amountBand(usd: number): string {
  return usd < 100 ? '0-100' : usd < 1000 ? '100-1k' : usd < 10_000 ? '1k-10k' : '10k+';
}

/**
 * The alert body: every allowed field and nothing else. Built from an explicit map so that a field
 * can only leave if it is both known here and allowed by the policy.
 */
export function alertData(
  policy: RelayPolicy,
  facts: AlertFacts,
  partnerKey: Uint8Array,
): Record<string, unknown> {
  const all: Record<AlertField, () => unknown> = {
    decisionId: () => facts.decisionId,
    decidedAt: () => facts.decidedAt,
    jurisdiction: () => facts.jurisdiction,
    decision: () => facts.decision,
    reasons: () => facts.reasons,
    campaignId: () => facts.campaignId,
    asset: () => facts.asset,
    network: () => facts.network,
    amountBand: () => amountBand(facts.amountUsd),
    destinationAddress: () => facts.destinationAddress,
    destinationReported: () => destinationReported(facts),
    userPseudonym: () => pseudonym(partnerKey, facts.userRef),
    outcome: () => facts.outcome,
    answers: () => facts.answers ?? [],
  };
  const data: Record<string, unknown> = {};
  // Referral fields describe clusters, not decisions: a decision alert never carries them.
  for (const field of policy.fields) if (isAlertField(field)) data[field] = all[field]();
  return data;
}
