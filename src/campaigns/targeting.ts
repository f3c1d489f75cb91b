import type { Targeting } from './spec.js';

/** What the engine knows of a withdrawal attempt that targeting may depend on. */
export interface TargetingFacts {
  asset: string;
  amountUsd: number;
  destinationIsNew: boolean;
  destinationIsWhitelisted: boolean;
  accountAgeDays: number | null;
  hoursSinceSecurityChange: number | null;
}

/** Every condition that is set must hold; an unset condition matches everything. */
export function matchesTargeting(targeting: Targeting, facts: TargetingFacts): boolean {
  if (targeting.assets && targeting.assets.length > 0 && !targeting.assets.includes(facts.asset))
    return false;
  if (targeting.minAmountUsd !== undefined && facts.amountUsd < targeting.minAmountUsd) return false;
  if (targeting.maxAmountUsd !== undefined && facts.amountUsd >= targeting.maxAmountUsd) return false;
  if (targeting.newDestinationOnly && (!facts.destinationIsNew || facts.destinationIsWhitelisted))
    return false;
  if (targeting.maxAccountAgeDays !== undefined) {
    if (facts.accountAgeDays === null || facts.accountAgeDays > targeting.maxAccountAgeDays) return false;
  }
  if (targeting.securityChangeWithinHours !== undefined) {
    const hours = facts.hoursSinceSecurityChange;
    if (hours === null || hours > targeting.securityChangeWithinHours) return false;
  }
  return true;
}
