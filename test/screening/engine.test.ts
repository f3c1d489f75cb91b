import { describe, expect, it } from 'vitest';
import type { LiveCampaign } from '../../src/campaigns/model.js';
import { assign } from '../../src/campaigns/assignment.js';
import { decide, degradedVerdict } from '../../src/screening/engine.js';
import { FrequencyLedger } from '../../src/screening/frequency-ledger.js';
import { buildSnapshot } from '../../src/screening/snapshot.js';
import { HK, hkSpec, withdrawal } from '../support/fixtures.js';

const live = (spec = hkSpec(), id = 'hk-pilot'): LiveCampaign => ({
  campaign: { id, jurisdiction: 'HK', partnerId: null, name: id, demo: false, retiredAt: null },
  version: 3,
  spec,
  publishedAt: '2026-11-01T00:00:00.000Z',
});
const context = (campaigns: LiveCampaign[]) => ({
  snapshot: buildSnapshot(1, [HK], campaigns),
  ledger: new FrequencyLedger(),
  riskChecks: [],
  nowMs: Date.parse('2026-11-24T12:00:00Z'),
});

function userIn(arm: 'holdout' | 'treatment'): string {
  for (let i = 0; ; i += 1) if (assign(hkSpec().experiment, `u${i}`).arm === arm) return `u${i}`;
}

describe('screening engine', () => {
  it('warns a treated user with the localized content, version and variant', () => {
    const user = userIn('treatment');
    const verdict = decide(withdrawal({ userRef: user, locale: 'en-HK' }), context([live()]));
    expect(verdict.decision).toBe('warn');
    expect(verdict.arm).toBe('treatment');
    expect(verdict.campaign).toEqual({
      id: 'hk-pilot',
      version: 3,
      variant: assign(hkSpec().experiment, user).variant,
    });
    expect(verdict.content?.locale).toBe('en');
    expect(verdict.minDisplaySeconds).toBe(10);
  });

  it('allows a holdout user but names the campaign and the arm', () => {
    const verdict = decide(withdrawal({ userRef: userIn('holdout') }), context([live()]));
    expect(verdict).toMatchObject({ decision: 'allow', arm: 'holdout', content: null });
    expect(verdict.campaign?.id).toBe('hk-pilot');
    expect(verdict.reasons.map((r) => r.code)).toContain('holdout');
  });

  it('allows withdrawals no campaign targets, saying why', () => {
    const verdict = decide(withdrawal({ amountUsd: 50 }), context([live()]));
    expect(verdict.decision).toBe('allow');
    expect(verdict.reasons[0]?.code).toBe('no_matching_campaign');
  });

  it('caps how often one user is warned, counting both arms', () => {
    const ctx = context([live(hkSpec({ frequencyCap: { maxPerUser: 2, windowHours: 24 } }))]);
    const user = userIn('treatment');
    const decisions = [1, 2, 3].map(() => decide(withdrawal({ userRef: user }), ctx).decision);
    expect(decisions).toEqual(['warn', 'warn', 'allow']);
    const later = { ...ctx, nowMs: ctx.nowMs + 25 * 3600 * 1000 };
    expect(decide(withdrawal({ userRef: user }), later).decision).toBe('warn');
  });

  it('prefers the higher-priority campaign', () => {
    const low = live(hkSpec({ priority: 1, action: 'hold' }), 'low');
    const high = live(hkSpec({ priority: 900 }), 'high');
    expect(decide(withdrawal({ userRef: userIn('treatment') }), context([low, high])).campaign?.id).toBe(
      'high',
    );
  });

  it('escalates to hold on a hold finding even for a holdout user', () => {
    const ctx = {
      ...context([live()]),
      riskChecks: [
        () => [{ code: 'indicator_match', message: 'reported 14 times', severity: 'hold' as const }],
      ],
    };
    const verdict = decide(withdrawal({ userRef: userIn('holdout') }), ctx);
    expect(verdict.decision).toBe('hold');
    expect(verdict.reasons[0]).toEqual({ code: 'indicator_match', message: 'reported 14 times' });
    expect(verdict.content?.title).toBe('小心騙案');
  });

  it('fails safe to the generic warning, marked degraded', () => {
    const verdict = degradedVerdict(withdrawal(), buildSnapshot(1, [HK], [live()]), 'store down');
    expect(verdict).toMatchObject({ decision: 'warn', degraded: true });
    expect(verdict.content?.title).toBe('小心騙案');
  });

  it('keeps a hold from the in-memory intelligence when degraded, with its reason first', () => {
    const finding = { code: 'indicator_match', message: 'reported 14 times', severity: 'hold' as const };
    const verdict = degradedVerdict(withdrawal(), buildSnapshot(1, [HK], [live()]), 'store down', [finding]);
    expect(verdict).toMatchObject({ decision: 'hold', degraded: true, arm: null });
    expect(verdict.reasons.map((r) => r.code)).toEqual(['indicator_match', 'degraded']);
  });

  it('keeps a warning finding as a warning with its reason when degraded', () => {
    const finding = { code: 'lookalike', message: 'imitates binance.com', severity: 'warn' as const };
    const verdict = degradedVerdict(withdrawal(), buildSnapshot(1, [HK], [live()]), 'store down', [finding]);
    expect(verdict.decision).toBe('warn');
    expect(verdict.reasons[0]).toEqual({ code: 'lookalike', message: 'imitates binance.com' });
  });
});
