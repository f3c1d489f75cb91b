import { describe, expect, it } from 'vitest';
import type { LiveCampaign } from '../../src/campaigns/model.js';
import { assign } from '../../src/campaigns/assignment.js';
import { demoCampaigns } from '../../src/demo/campaigns.js';
import { decide } from '../../src/screening/engine.js';
import { FrequencyLedger } from '../../src/screening/frequency-ledger.js';
import { holdOf, stepAfterAnswers } from '../../src/screening/ladder/index.js';
import { statusOf } from '../../src/screening/ladder/status.js';
import type { RiskCheck } from '../../src/screening/risk-check.js';
import { buildSnapshot } from '../../src/screening/snapshot.js';
import { HK, withdrawal } from '../support/fixtures.js';

const demo = demoCampaigns.find((c) => c.id === 'hk-joint-anti-scam');
if (!demo) throw new Error('no HK demo campaign');
const live: LiveCampaign = {
  campaign: {
    id: demo.id,
    jurisdiction: 'HK',
    partnerId: null,
    name: demo.name,
    demo: true,
    retiredAt: null,
  },
  version: 1,
  spec: demo.spec,
  publishedAt: '2026-11-01T00:00:00.000Z',
};
const nowMs = Date.parse('2026-11-24T12:00:00Z');
const context = (riskChecks: RiskCheck[] = [], ledger = new FrequencyLedger()) => ({
  snapshot: buildSnapshot(1, [HK], [live]),
  ledger,
  riskChecks,
  nowMs,
});
const treated = () => {
  for (let i = 0; ; i += 1) if (assign(demo.spec.experiment, `t${i}`).arm === 'treatment') return `t${i}`;
};
const request = (userRef: string) =>
  withdrawal({
    userRef,
    jurisdiction: 'HK',
    locale: 'en',
    amountUsd: 500,
    destination: { address: 'T1', isNew: true, isWhitelisted: false },
  });

describe('friction ladder', () => {
  it('starts a questioned warning on the questions step, with the first presentation', () => {
    const verdict = decide(request(treated()), context());
    expect(verdict).toMatchObject({ decision: 'warn', step: 'questions', releaseAt: null });
    expect(verdict.presentation?.key).toBe('first');
  });

  it('climbs by the answers and never down; cooling-off ends by itself, review waits for staff', () => {
    const content = demo.spec.content.en;
    if (!content) throw new Error('no en content');
    expect(stepAfterAnswers('questions', content, [{ questionId: 'who-asked', answerId: 'myself' }])).toBe(
      'questions',
    );
    const online = stepAfterAnswers('questions', content, [
      { questionId: 'who-asked', answerId: 'met-online' },
    ]);
    expect(online).toBe('cooling_off');
    expect(stepAfterAnswers('review', content, [{ questionId: 'who-asked', answerId: 'met-online' }])).toBe(
      'review',
    );
    expect(holdOf('cooling_off', demo.spec.ladder, nowMs)).toEqual({
      decision: 'hold',
      releaseAt: new Date(nowMs + 3600_000).toISOString(),
    });
    expect(holdOf('review', demo.spec.ladder, nowMs)).toEqual({ decision: 'hold', releaseAt: null });
    const held = {
      step: 'cooling_off' as const,
      releaseAt: new Date(nowMs + 3600_000).toISOString(),
      createdAt: '',
      releasedAt: null,
      releasedBy: null,
      releaseNote: null,
    };
    const decided = { id: 'd', decision: 'warn' as const, step: 'questions' as const };
    expect(statusOf(decided, [held], nowMs).decision).toBe('hold');
    expect(statusOf(decided, [held], nowMs + 3600_001).decision).toBe('warn');
  });

  it('sends a reported destination straight to hold for review, outside the experiment', () => {
    const reported: RiskCheck = () => [
      { code: 'destination_reported', message: 'reported', severity: 'hold' },
    ];
    const verdict = decide(request(treated()), context([reported]));
    expect(verdict).toMatchObject({ decision: 'hold', step: 'review', releaseAt: null, arm: null });
  });
});
