import bs58check from 'bs58check';
import { invalid, type NormalizeResult } from './identifier.js';

/** A TRON address: base58check of 21 bytes whose first byte is 0x41 (so it starts with T). */
export function normalizeTronAddress(input: string, field = 'address'): NormalizeResult {
  const text = input.trim();
  if (!/^[1-9A-HJ-NP-Za-km-z]+$/.test(text)) return invalid(field, 'not a base58 TRON address');
  if (text.length !== 34) {
    return invalid(field, `a TRON address has 34 characters, this one has ${text.length}`);
  }
  const payload = bs58check.decodeUnsafe(text);
  if (!payload) return invalid(field, 'base58check checksum mismatch: a mistyped or altered address');
  if (payload.length !== 21 || payload[0] !== 0x41) {
    return invalid(field, 'not a TRON mainnet address (version byte 0x41 expected)');
  }
  return { ok: true, kind: 'tron_address', key: `tron:${text}`, display: text, network: 'tron' };
}
