import { chainFamilyOf, normalizeCryptoAddress } from '../intelligence/identifiers/crypto-address.js';
import { detectIdentifier } from '../intelligence/identifiers/detect.js';
import type { FieldProblem } from '../errors.js';
import type { IdentifierInput, RequestIdentifier } from './model.js';

// The per-partner user pseudonym an agency received in its alerts (see relay/alert-payload.ts).
const PSEUDONYM = /^[0-9a-f]{32}$/;

/**
 * Normalizes what an officer named into subjects caveat can look up: an address on a named network,
 * any identifier intelligence recognises, or the user pseudonym from one of the agency's alerts.
 * Every bad one is named (`body/identifiers/2/value`).
 */
export function normalizeRequestIdentifiers(inputs: readonly IdentifierInput[]): {
  identifiers: RequestIdentifier[];
  problems: FieldProblem[];
} {
  const identifiers: RequestIdentifier[] = [];
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const at = `body/identifiers/${index}`;
    const value = input.value.trim();
    if (PSEUDONYM.test(value) && !input.network) {
      push({ value, network: null, subject: `pseudonym:${value}`, kind: 'user_pseudonym' });
      return;
    }
    let result;
    if (input.network) {
      const family = chainFamilyOf(input.network);
      if (!family) {
        problems.push({
          field: `${at}/network`,
          message: `caveat does not know the network ${input.network}`,
        });
        return;
      }
      result = normalizeCryptoAddress(value, family, 'value');
    } else result = detectIdentifier(value);
    if (!result.ok) {
      problems.push({ field: `${at}/value`, message: result.reason });
      return;
    }
    push({ value, network: input.network ?? null, subject: result.key, kind: result.kind });

    function push(identifier: RequestIdentifier) {
      if (seen.has(identifier.subject)) {
        problems.push({ field: `${at}/value`, message: 'names the same subject as an earlier identifier' });
        return;
      }
      seen.add(identifier.subject);
      identifiers.push(identifier);
    }
  });
  return { identifiers, problems };
}
