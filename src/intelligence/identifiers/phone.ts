import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { invalid, type NormalizeResult } from './identifier.js';

/**
 * A phone number in E.164. A number without a + is read in `defaultRegion` (the user's
 * jurisdiction), as a person in Hong Kong would dial it.
 */
export function normalizePhone(input: string, defaultRegion?: string, field = 'phone'): NormalizeResult {
  const text = input.trim();
  if (!/^[+0-9()\-.\s]{4,32}$/.test(text))
    return invalid(field, 'a phone number has only digits, +, spaces, ( ) - .');
  const region = defaultRegion?.toUpperCase() as CountryCode | undefined;
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
