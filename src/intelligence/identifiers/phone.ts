import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { invalid, type NormalizeResult } from './identifier.js';

/**
 * A phone number in E.164. A number without a + is read in `defaultRegion` (the user's
 * jurisdiction), as a person in Hong Kong would dial it.
 *
 * Short codes (Singapore's ScamShield helpline 1799, Hong Kong's Anti-Scam Helpline 18222) exist
 * only inside their country and have no E.164 form, and libphonenumber-js ships no short-number
 * metadata: 3 to 6 digits dialled in a known region are taken as that region's short code, keyed
 * with the region so that 1799 in Singapore and 1799 elsewhere are different numbers.
 */
export function normalizePhone(input: string, defaultRegion?: string, field = 'phone'): NormalizeResult {
  const text = input.trim();
  const region = defaultRegion?.toUpperCase() as CountryCode | undefined;
  const shortCode = /^[1-9][0-9]{2,5}$/.exec(text.replace(/[\s-]/g, ''));
  if (shortCode && region && /^[A-Z]{2}$/.test(region)) {
    const digits = shortCode[0];
    return {
      ok: true,
      kind: 'phone',
      key: `phone:short:${region}:${digits}`,
      display: digits,
      country: region,
    };
  }
  if (!/^[+0-9()\-.\s]{4,32}$/.test(text))
    return invalid(field, 'a phone number has only digits, +, spaces, ( ) - .');
  const parsed = parsePhoneNumberFromString(text, region);
  if (!parsed) {
    return text.startsWith('+') || region
      ? invalid(field, 'not a phone number')
      : invalid(field, 'a national phone number needs a region; write it with + and the country code');
  }
  if (!parsed.isValid())
    return invalid(field, `not a valid ${parsed.country ?? 'international'} phone number`);
  return {
    ok: true,
    kind: 'phone',
    key: `phone:${parsed.number}`,
    display: parsed.formatInternational(),
    ...(parsed.country ? { country: parsed.country } : {}),
  };
}
