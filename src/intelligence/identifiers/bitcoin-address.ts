import { bech32, bech32m } from 'bech32';
import bs58check from 'bs58check';
import { invalid, type NormalizeResult } from './identifier.js';

export type BitcoinNetwork = 'mainnet' | 'testnet';

const SEGWIT_HRP: Record<BitcoinNetwork, string> = { mainnet: 'bc', testnet: 'tb' };
const BASE58_VERSIONS: Record<number, { network: BitcoinNetwork; type: string }> = {
  0x00: { network: 'mainnet', type: 'p2pkh' },
  0x05: { network: 'mainnet', type: 'p2sh' },
  0x6f: { network: 'testnet', type: 'p2pkh' },
  0xc4: { network: 'testnet', type: 'p2sh' },
};

/**
 * A Bitcoin address: legacy base58check (P2PKH, P2SH) or segwit (BIP-173 bech32 for v0, BIP-350
 * bech32m for v1+). An address of the other network is rejected with a reason, not normalized.
 */
export function normalizeBitcoinAddress(
  input: string,
  expected: BitcoinNetwork = 'mainnet',
  field = 'address',
): NormalizeResult {
  const text = input.trim();
  if (/^(bc|tb|bcrt)1/i.test(text)) return normalizeSegwit(text, expected, field);
  return normalizeBase58(text, expected, field);
}

function normalizeSegwit(text: string, expected: BitcoinNetwork, field: string): NormalizeResult {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) {
    return invalid(field, 'a bech32 address must not mix upper and lower case');
  }
  const lower = text.toLowerCase();
  const asBech32 = bech32.decodeUnsafe(lower, 90);
  const asBech32m = asBech32 ? undefined : bech32m.decodeUnsafe(lower, 90);
  const decoded = asBech32 ?? asBech32m;
  if (!decoded) return invalid(field, 'bech32 checksum mismatch or invalid characters');
  const hrpNetwork = decoded.prefix === 'bc' ? 'mainnet' : 'testnet';
  if (hrpNetwork !== expected) {
    return invalid(field, `a Bitcoin ${hrpNetwork} address where a ${expected} address is expected`);
  }
  if (decoded.prefix !== SEGWIT_HRP[expected])
    return invalid(field, `unknown address prefix ${decoded.prefix}`);
  const [version, ...data] = decoded.words;
  if (version === undefined || version > 16) return invalid(field, 'invalid segwit version');
  const program = bech32.fromWordsUnsafe(data);
  if (!program) return invalid(field, 'invalid padding in the segwit program');
  if (program.length < 2 || program.length > 40) {
    return invalid(field, `a segwit program has 2 to 40 bytes, this one has ${program.length}`);
  }
  if (version === 0 && program.length !== 20 && program.length !== 32) {
    return invalid(field, `a segwit v0 program has 20 or 32 bytes, this one has ${program.length}`);
  }
  // BIP-350: v0 must use bech32, v1 and later bech32m; the other encoding is a distinct error.
  if (version === 0 && !asBech32) return invalid(field, 'a segwit v0 address must use bech32, not bech32m');
  if (version > 0 && !asBech32m) return invalid(field, 'a segwit v1+ address must use bech32m, not bech32');
  const type =
    version === 0 ? (program.length === 20 ? 'p2wpkh' : 'p2wsh') : version === 1 ? 'p2tr' : `v${version}`;
  return {
    ok: true,
    kind: 'bitcoin_address',
    key: `btc:${lower}`,
    display: lower,
    network: `bitcoin-${type}`,
  };
}

function normalizeBase58(text: string, expected: BitcoinNetwork, field: string): NormalizeResult {
  if (!/^[1-9A-HJ-NP-Za-km-z]+$/.test(text)) return invalid(field, 'not a base58 Bitcoin address');
  if (text.length < 26 || text.length > 35) {
    return invalid(field, `a base58 Bitcoin address has 26 to 35 characters, this one has ${text.length}`);
  }
  const payload = bs58check.decodeUnsafe(text);
  if (!payload) return invalid(field, 'base58check checksum mismatch: a mistyped or altered address');
  if (payload.length !== 21)
    return invalid(field, `wrong payload length ${payload.length}, expected 21 bytes`);
  const version = BASE58_VERSIONS[payload[0] ?? -1];
  if (!version) return invalid(field, `unknown Bitcoin address version byte ${payload[0]}`);
  if (version.network !== expected) {
    return invalid(field, `a Bitcoin ${version.network} address where a ${expected} address is expected`);
  }
  return {
    ok: true,
    kind: 'bitcoin_address',
    key: `btc:${text}`,
    display: text,
    network: `bitcoin-${version.type}`,
  };
}
