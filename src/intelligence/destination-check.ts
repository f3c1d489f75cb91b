import type { RiskCheck, RiskFinding } from '../screening/risk-check.js';
import { chainFamilyOf, type ChainFamily } from './identifiers/crypto-address.js';
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
    const key = family && indexKeyOf(request.destination.address.trim(), family);
    if (!key) return [];
    const found = indicator(key);
    if (!found || isExpired(found, now())) return [];
    const times = found.reportCount === 1 ? 'once' : `${found.reportCount} times`;
    const where = found.jurisdictions.length > 0 ? ` in ${found.jurisdictions.join(', ')}` : '';
    return [
      {
        code: 'destination_reported',
        severity: SEVERITY[found.riskLevel],
        message: `This address was reported ${times} as ${SCAM_TYPE_PHRASES[found.scamType]}${where} (risk: ${found.riskLevel}).`,
        params: {
          count: found.reportCount,
          scamType: found.scamType,
          riskLevel: found.riskLevel,
          jurisdictions: found.jurisdictions,
          lastSeen: isoDay(found.lastSeenMs),
          // Sources are kept in INDICATOR_SOURCES order, so the first is the most authoritative.
          source: found.sources[0] ?? 'staff',
        },
      },
    ];
  };
}

/** A day the element can format; never throws on the hot path, whatever the index holds. */
function isoDay(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/**
 * The index key an address would have, without verifying its checksum: every key in the index was
 * validated when imported, so an address that is not a valid one simply finds nothing. This keeps
 * hashing (keccak, double sha256) off the hot path.
 */
function indexKeyOf(address: string, family: ChainFamily): string | undefined {
  switch (family) {
    case 'evm':
      return /^0x[0-9a-fA-F]{40}$/.test(address) ? `evm:${address.toLowerCase()}` : undefined;
    case 'tron':
      return `tron:${address}`;
    case 'bitcoin':
    case 'bitcoin-testnet':
      return /^(bc1|tb1)/i.test(address) ? `btc:${address.toLowerCase()}` : `btc:${address}`;
  }
}
