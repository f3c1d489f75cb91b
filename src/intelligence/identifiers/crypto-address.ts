import { normalizeBitcoinAddress } from './bitcoin-address.js';
import { normalizeEvmAddress } from './evm-address.js';
import { invalid, type NormalizeResult } from './identifier.js';
import { normalizeTronAddress } from './tron-address.js';

export type ChainFamily = 'evm' | 'bitcoin' | 'bitcoin-testnet' | 'tron';

// Exchanges name networks in many ways (ETH, ERC20, BEP20, ...); all EVM chains share one format.
const NETWORK_FAMILIES: Record<string, ChainFamily> = {
  ETH: 'evm',
  ETHEREUM: 'evm',
  ERC20: 'evm',
  BSC: 'evm',
  BEP20: 'evm',
  BNB: 'evm',
  POLYGON: 'evm',
  MATIC: 'evm',
  ARBITRUM: 'evm',
  ARB: 'evm',
  OPTIMISM: 'evm',
  OP: 'evm',
  BASE: 'evm',
  AVAXC: 'evm',
  AVAX: 'evm',
  BTC: 'bitcoin',
  BITCOIN: 'bitcoin',
  SEGWITBTC: 'bitcoin',
  BTCTEST: 'bitcoin-testnet',
  TRX: 'tron',
  TRON: 'tron',
  TRC20: 'tron',
};

/** The chain family of an exchange's network name, or undefined when caveat does not know it. */
export function chainFamilyOf(network: string): ChainFamily | undefined {
  return NETWORK_FAMILIES[network.toUpperCase().replace(/[-_\s]/g, '')];
}

/** Guesses the chain family from the shape of an address alone (for free-text lookups). */
export function guessChainFamily(address: string): ChainFamily | undefined {
  const text = address.trim();
  if (/^0x[0-9a-f]{40}$/i.test(text)) return 'evm';
  if (/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(text)) return 'tron';
  if (/^(bc1|[13])[0-9a-zA-HJ-NP-Z]{20,90}$/i.test(text)) return 'bitcoin';
  if (/^(tb1|[mn2])[0-9a-zA-HJ-NP-Z]{20,90}$/i.test(text)) return 'bitcoin-testnet';
  return undefined;
}

/** Normalizes an address for a chain family, guessing the family from its shape when none is given. */
export function normalizeCryptoAddress(
  address: string,
  family: ChainFamily | undefined = guessChainFamily(address),
  field = 'address',
): NormalizeResult {
  switch (family) {
    case 'evm':
      return normalizeEvmAddress(address, field);
    case 'bitcoin':
      return normalizeBitcoinAddress(address, 'mainnet', field);
    case 'bitcoin-testnet':
      return normalizeBitcoinAddress(address, 'testnet', field);
    case 'tron':
      return normalizeTronAddress(address, field);
    default:
      return invalid(field, 'not a recognised crypto address (EVM, Bitcoin or TRON)');
  }
}
