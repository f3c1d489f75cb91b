import { keccak_256 } from '@noble/hashes/sha3.js';
import { invalid, type NormalizeResult } from './identifier.js';

const HEX40 = /^0x[0-9a-fA-F]{40}$/;
const textEncoder = new TextEncoder();

/** EIP-55 mixed-case checksum encoding of a 20-byte address given as 40 lowercase hex digits. */
export function toChecksumAddress(lowerHex40: string): string {
  const hash = keccak_256(textEncoder.encode(lowerHex40));
  let out = '0x';
  for (let i = 0; i < 40; i += 1) {
    const char = lowerHex40[i] ?? '';
    const hashByte = hash[i >> 1] ?? 0;
    const nibble = i % 2 === 0 ? hashByte >> 4 : hashByte & 0x0f;
    out += nibble >= 8 ? char.toUpperCase() : char;
  }
  return out;
}

/**
 * An EVM address (Ethereum and every EVM chain share the format, so one key serves them all).
 * All-lowercase and all-uppercase carry no checksum and are accepted; mixed case must match EIP-55.
 */
export function normalizeEvmAddress(input: string, field = 'address'): NormalizeResult {
  const text = input.trim();
  if (!/^0[xX]/.test(text)) return invalid(field, 'an EVM address starts with 0x');
  const candidate = '0x' + text.slice(2);
  if (!HEX40.test(candidate)) {
    const digits = text.length - 2;
    return /^[0-9a-fA-F]*$/.test(text.slice(2))
      ? invalid(field, `an EVM address has 40 hex digits after 0x, this one has ${digits}`)
      : invalid(field, 'an EVM address may contain only hex digits after 0x');
  }
  const body = candidate.slice(2);
  const lower = body.toLowerCase();
  const checksummed = toChecksumAddress(lower);
  const isMixedCase = body !== lower && body !== body.toUpperCase();
  if (isMixedCase && checksummed.slice(2) !== body) {
    return invalid(field, 'EIP-55 checksum mismatch: a mistyped or altered EVM address');
  }
  return { ok: true, kind: 'evm_address', key: `evm:0x${lower}`, display: checksummed, network: 'evm' };
}
