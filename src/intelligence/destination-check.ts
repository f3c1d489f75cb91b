import type { RiskCheck, RiskFinding } from '../screening/risk-check.js';
import { chainFamilyOf, normalizeCryptoAddress } from './identifiers/crypto-address.js';
import { isExpired, SCAM_TYPE_PHRASES, type Indicator } from './indicator.js';

const SEVERITY: Record<Indicator['riskLevel'], RiskFinding['severity']> = {
  critical: 'hold',
  high: 'hold',
  medium: 'warn',
  low: 'info',
};

/**
 * The screening hook: a destination address on the indicator list holds (high, critical) or warns
 * (medium) the withdrawal, and the reason quotes the reports. In memory, no I/O.
 */
export function destinationCheck(
  indicator: (key: string) => Indicator | undefined,
  now: () => number,
): RiskCheck {
  return (request) => {
    const family = chainFamilyOf(request.network);
    if (!family) return [];
    const address = normalizeCryptoAddress(request.destination.address, family);
    if (!address.ok) return [];
    const found = indicator(address.key);
    if (!found || isExpired(found, now())) return [];
    const times = found.reportCount === 1 ? 'once' : `${found.reportCount} times`;
    const where = found.jurisdictions.length > 0 ? ` in ${found.jurisdictions.join(', ')}` : '';
    return [
      {
        code: 'destination_reported',
        severity: SEVERITY[found.riskLevel],
        message: `This address was reported ${times} as ${SCAM_TYPE_PHRASES[found.scamType]}${where} (risk: ${found.riskLevel}).`,
      },
    ];
  };
}
