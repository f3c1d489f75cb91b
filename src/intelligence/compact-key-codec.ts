/**
 * Encodes index keys into few bytes. EVM addresses, the bulk of most crypto-scam feeds, are packed
 * from 46 characters into 21 bytes; every other key is stored as UTF-8. Keys always begin with a
 * lowercase ASCII letter, so the tag byte 0x01 cannot collide with a UTF-8 key.
 */
const EVM_TAG = 0x01;
const EVM_KEY = /^evm:0x[0-9a-f]{40}$/;
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** Writes the encoded key into `target` (which must hold at least 4 × key.length bytes) and returns its length. */
export function encodeKey(key: string, target: Uint8Array): number {
  if (key.length === 46 && EVM_KEY.test(key)) {
    target[0] = EVM_TAG;
    for (let i = 0; i < 20; i += 1) {
      target[i + 1] = (hexValue(key.charCodeAt(6 + 2 * i)) << 4) | hexValue(key.charCodeAt(7 + 2 * i));
    }
    return 21;
  }
  return utf8.encodeInto(key, target).written;
}

export function decodeKey(bytes: Uint8Array): string {
  if (bytes[0] === EVM_TAG && bytes.length === 21) {
    let hex = 'evm:0x';
    for (let i = 1; i < 21; i += 1) hex += (bytes[i] ?? 0).toString(16).padStart(2, '0');
    return hex;
  }
  return utf8Decoder.decode(bytes);
}

function hexValue(code: number): number {
  return code <= 57 ? code - 48 : code - 87;
}

/** FNV-1a over bytes: cheap, and good enough spread for an open-addressing table of short keys. */
export function hashBytes(bytes: Uint8Array, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < length; i += 1) {
    hash ^= bytes[i] ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
