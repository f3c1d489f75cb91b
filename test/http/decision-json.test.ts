import build from 'fast-json-stringify';
import { describe, expect, it } from 'vitest';
import { renderContent } from '../../src/campaigns/render.js';
import { decisionJson } from '../../src/http/decision-json.js';
import { DecisionResponseSchema } from '../../src/http/schemas.js';
import type { DecisionResponse } from '../../src/screening/decision.js';
import { hkSpec } from '../support/fixtures.js';

const schemaSerializer = build(DecisionResponseSchema as object);

function response(content: DecisionResponse['content']): DecisionResponse {
  return {
    id: 'dec_1',
    idempotencyKey: 'k1',
    createdAt: '2026-12-03T10:00:00.000Z',
    decision: content ? 'warn' : 'allow',
    reasons: [{ code: 'campaign_matched', message: 'Campaign hk v1 targets this withdrawal' }],
    campaign: { id: 'hk', version: 1, variant: 'A' },
    arm: content ? 'treatment' : 'holdout',
    content,
    minDisplaySeconds: 10,
    degraded: false,
    eventToken: 'cvtev_dec_1.abc',
  };
}

describe('the screening answer as JSON', () => {
  it('says exactly what the schema serializer says, with and without a warning', () => {
    const spec = hkSpec();
    for (const content of [renderContent(spec, 'zh-Hant-HK', 'zh-Hant', 'A') ?? null, null]) {
      const answer = response(content);
      expect(JSON.parse(decisionJson(answer))).toEqual(JSON.parse(schemaSerializer(answer)));
    }
  });

  it('renders a published spec once per locale and variant, and shares the frozen result', () => {
    const spec = hkSpec();
    const first = renderContent(spec, 'zh-Hant-HK', 'zh-Hant', 'B');
    const again = renderContent(spec, 'zh-Hant-HK', 'zh-Hant', 'B');
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(renderContent(spec, 'en', 'zh-Hant', 'B')?.title).toBe('Stop. Is this a scam?');
    expect(renderContent(spec, 'en', 'zh-Hant', 'A')?.title).toBe('Beware of scams');
  });
});
