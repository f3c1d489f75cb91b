/**
 * Human reference numbers ("CVR-7K3Q-9M2D"): what a victim reads out on the phone to the police or
 * the exchange. Crockford base32 leaves out I, L, O and U, so nothing is misread; 40 random bits make
 * a reference unguessable enough that knowing one proves you were given it (dispute status pages).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type ReferencePrefix = 'CVR' | 'DSP';

/** Formats five random bytes (40 bits) as PREFIX-XXXX-XXXX. */
export function formatReference(prefix: ReferencePrefix, random: Uint8Array): string {
  if (random.length < 5) throw new Error('a reference needs 5 random bytes');
  let bits = 0n;
  for (let i = 0; i < 5; i += 1) bits = (bits << 8n) | BigInt(random[i] ?? 0);
  let chars = '';
  for (let i = 0; i < 8; i += 1) {
    chars = (ALPHABET[Number(bits & 31n)] ?? '0') + chars;
    bits >>= 5n;
  }
  return `${prefix}-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/**
 * Reads a reference as a person may type it: any case, spaces or missing dashes, O for 0 and I/L
 * for 1 (Crockford's rule). Undefined when it cannot be one.
 */
export function parseReference(prefix: ReferencePrefix, text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  if (!compact.startsWith(prefix)) return undefined;
  const body = compact.slice(prefix.length).replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(body)) return undefined;
  return `${prefix}-${body.slice(0, 4)}-${body.slice(4)}`;
}
