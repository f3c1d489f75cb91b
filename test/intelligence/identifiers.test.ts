import { describe, expect, it } from 'vitest';
import { normalizeCryptoAddress } from '../../src/intelligence/identifiers/crypto-address.js';
import { detectIdentifier } from '../../src/intelligence/identifiers/detect.js';
import { normalizePhone } from '../../src/intelligence/identifiers/phone.js';

// Valid examples from their specifications: EIP-55, BIP-173 (bech32), BIP-350 (bech32m), the
// Bitcoin genesis address (base58check), and a TRON address (base58check, 0x41 prefix).
describe('crypto address validation', () => {
  it.each([
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'evm', 'evm:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'],
    ['0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', 'evm', 'evm:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'],
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'bitcoin', undefined],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'bitcoin', undefined],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', 'bitcoin', undefined],
    ['TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW', 'tron', undefined],
  ] as const)('accepts %s', (address, family, key) => {
    const result = normalizeCryptoAddress(address, family);
    expect(result.ok).toBe(true);
    if (key && result.ok) expect(result.key).toBe(key);
  });

  it.each([
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', 'evm', /EIP-55 checksum/],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA', 'evm', /40 hex digits/],
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb', 'bitcoin', /checksum/],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', 'bitcoin', /checksum/],
    ['tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx', 'bitcoin', /network|testnet|mainnet/i],
    ['TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMX', 'tron', /checksum/],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'tron', /TRON|T/],
  ] as const)('rejects %s with a reason', (address, family, reason) => {
    const result = normalizeCryptoAddress(address, family);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('detecting what a lookup query is', () => {
  it.each([
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'evm_address'],
    ['https://Binance.com/en/login#top', 'url'],
    ['BINANCE.com', 'domain'],
    ['+852 2860 2860', 'phone'],
    ['Support@Binance.com', 'email'],
    ['telegram:@Binance_Support', 'social_handle'],
    ['GB82 WEST 1234 5698 7654 32', 'bank_account'],
  ])('%s is a %s, the same key however it is written', (q, kind) => {
    const result = detectIdentifier(q);
    expect(result.ok && result.kind).toBe(kind);
  });

  it('normalizes spellings of one domain and one phone to one key', () => {
    const a = detectIdentifier('BINANCE.com');
    const b = detectIdentifier('binance.com.');
    expect(a.ok && b.ok && a.key === b.key).toBe(true);
    const p = detectIdentifier('+852 2860-2860');
    const q = detectIdentifier('+85228602860');
    expect(p.ok && q.ok && p.key === q.key).toBe(true);
  });
});

describe('short codes', () => {
  it("reads Singapore's ScamShield helpline 1799 and Hong Kong's 18222 as their region's short codes", () => {
    const scamShield = detectIdentifier('1799', { defaultRegion: 'SG' });
    expect(scamShield).toMatchObject({ ok: true, kind: 'phone', key: 'phone:short:SG:1799', country: 'SG' });
    const hongKong = detectIdentifier('18 222', { defaultRegion: 'hk' });
    expect(hongKong).toMatchObject({ ok: true, kind: 'phone', key: 'phone:short:HK:18222' });
  });

  it('keeps the same digits in two regions apart, and needs a region to read one', () => {
    const sg = detectIdentifier('1799', { defaultRegion: 'SG' });
    const hk = detectIdentifier('1799', { defaultRegion: 'HK' });
    expect(sg.ok && hk.ok && sg.key !== hk.key).toBe(true);
    expect(detectIdentifier('1799').ok).toBe(false);
    expect(normalizePhone('0799', 'SG').ok).toBe(false);
  });

  it('still reads a full national number in the region, not as a short code', () => {
    expect(detectIdentifier('1800-255-0000', { defaultRegion: 'SG' })).toMatchObject({
      ok: true,
      key: 'phone:+6518002550000',
    });
  });
});
