import { describe, expect, it } from 'vitest';
import { matchesTargeting, type TargetingFacts } from '../../src/campaigns/targeting.js';

const facts: TargetingFacts = {
  asset: 'USDT',
  amountUsd: 500,
  destinationIsNew: true,
  destinationIsWhitelisted: false,
  accountAgeDays: 10,
  hoursSinceSecurityChange: 2,
};

describe('targeting', () => {
  it('matches everything when nothing is set', () => {
    expect(matchesTargeting({}, facts)).toBe(true);
  });

  it('applies asset, amount band (min inclusive, max exclusive) and destination rules', () => {
    expect(matchesTargeting({ assets: ['BTC'] }, facts)).toBe(false);
    expect(matchesTargeting({ assets: ['BTC', 'USDT'] }, facts)).toBe(true);
    expect(matchesTargeting({ minAmountUsd: 500 }, facts)).toBe(true);
    expect(matchesTargeting({ minAmountUsd: 501 }, facts)).toBe(false);
    expect(matchesTargeting({ maxAmountUsd: 500 }, facts)).toBe(false);
    expect(matchesTargeting({ newDestinationOnly: true }, { ...facts, destinationIsNew: false })).toBe(false);
    expect(matchesTargeting({ newDestinationOnly: true }, { ...facts, destinationIsWhitelisted: true })).toBe(
      false,
    );
  });

  it('needs the account signal when a rule depends on it', () => {
    expect(matchesTargeting({ maxAccountAgeDays: 30 }, facts)).toBe(true);
    expect(matchesTargeting({ maxAccountAgeDays: 5 }, facts)).toBe(false);
    expect(matchesTargeting({ maxAccountAgeDays: 5 }, { ...facts, accountAgeDays: null })).toBe(false);
    expect(matchesTargeting({ securityChangeWithinHours: 24 }, facts)).toBe(true);
    expect(
      matchesTargeting({ securityChangeWithinHours: 24 }, { ...facts, hoursSinceSecurityChange: null }),
    ).toBe(false);
  });
});
