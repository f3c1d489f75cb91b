import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertData, pseudonym } from '../../src/relay/alert-payload.js';
import { ALERT_FIELDS, triggers, type AlertFacts, type RelayPolicy } from '../../src/relay/policy.js';

const facts = (overrides: Partial<AlertFacts> = {}): AlertFacts => ({
  decisionId: 'dec_1',
  decidedAt: '2026-11-24T10:00:00.000Z',
  userRef: 'alice-123',
  jurisdiction: 'MO',
  decision: 'hold',
  reasons: [{ code: 'destination_reported', message: 'reported 3 times' }],
  campaignId: 'mo-joint-anti-scam',
  asset: 'USDT',
  network: 'TRON',
  amountUsd: 2500,
  destinationAddress: 'TB71wT152mrwnUrZFSa1cVP7a5tRuYkrCN',
  outcome: null,
  ...overrides,
});
const policy = (fields: RelayPolicy['fields'], overrides: Partial<RelayPolicy> = {}): RelayPolicy => ({
  jurisdictions: ['MO'],
  triggers: { decisions: ['hold'], outcomes: ['proceeded'], onlyReportedDestinations: true },
  fields,
  retentionDays: 90,
  delivery: { mode: 'pull', allowedHosts: [], maxConcurrency: 2 },
  ...overrides,
});
const keyA = new TextEncoder().encode('partner-a-key-0123456789abcdef');
const keyB = new TextEncoder().encode('partner-b-key-0123456789abcdef');

describe('data-sharing policy', () => {
  it('never lets a field outside the allow-list leave, whatever the policy and the facts', () => {
    fc.assert(
      fc.property(
        fc.subarray([...ALERT_FIELDS], { minLength: 1 }),
        fc.record({
          userRef: fc.string(),
          amountUsd: fc.double({ min: 0, max: 1e9, noNaN: true }),
          destinationAddress: fc.string(),
        }),
        (fields, random) => {
          const data = alertData(policy(fields), facts(random), keyA);
          const body = JSON.stringify(data);
          return (
            Object.keys(data).every((key) => fields.includes(key as (typeof fields)[number])) &&
            Object.keys(data).length === fields.length &&
            (fields.includes('destinationAddress') ||
              random.destinationAddress.length < 3 ||
              !body.includes(JSON.stringify(random.destinationAddress))) &&
            !body.includes('"userRef"') &&
            !body.includes('amountUsd')
          );
        },
      ),
    );
  });

  it('bands amounts and pseudonymizes users instead of sending them', () => {
    const data = alertData(policy(['userPseudonym', 'amountBand']), facts(), keyA);
    expect(data).toEqual({ userPseudonym: pseudonym(keyA, 'alice-123'), amountBand: '1k-10k' });
    expect(JSON.stringify(data)).not.toContain('alice');
    expect(JSON.stringify(data)).not.toContain('2500');
  });

  it('gives a user the same pseudonym per partner and different pseudonyms across partners', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (user) => {
        return (
          pseudonym(keyA, user) === pseudonym(keyA, user) && pseudonym(keyA, user) !== pseudonym(keyB, user)
        );
      }),
    );
    expect(pseudonym(keyA, 'alice')).not.toBe(pseudonym(keyA, 'bob'));
  });

  it('triggers on what the agreement covers and nothing else', () => {
    const p = policy(['decisionId']);
    expect(triggers(p, facts(), 'decision')).toBe(true);
    expect(triggers(p, facts({ jurisdiction: 'HK' }), 'decision')).toBe(false);
    expect(triggers(p, facts({ decision: 'warn' }), 'decision')).toBe(false);
    expect(triggers(p, facts({ reasons: [] }), 'decision')).toBe(false);
    expect(triggers(p, facts({ decision: 'warn', outcome: 'proceeded' }), 'outcome')).toBe(true);
    expect(triggers(p, facts({ decision: 'warn', outcome: 'cancelled' }), 'outcome')).toBe(false);
  });
});
