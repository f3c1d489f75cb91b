import { parseHostname } from '../../../src/intelligence/identifiers/domain.js';
import type { OfficialDomainInput } from '../../../src/intelligence/lookalike/official-names.js';
import type { OfficialDomainEntry } from './official-domains.js';

export { OFFICIAL_BRANDS, TWO_BRANDS, type OfficialDomainEntry } from './official-domains.js';
export { LEGITIMATE_DOMAINS } from './legitimate-domains.js';
export {
  BRAND_NAMED,
  IMPERSONATIONS,
  type Impersonation,
  type ImpersonationClass,
} from './impersonations.js';

/** The detector's input for a registry, as OfficialRegistry.officialDomains() builds it. */
export function detectorInput(entries: readonly OfficialDomainEntry[]): OfficialDomainInput[] {
  return entries.flatMap((entry) =>
    entry.domains.flatMap((domain) => {
      const host = parseHostname(domain);
      return host
        ? [
            {
              brand: entry.brand,
              registrable: host.registrable,
              label: host.label,
              distinctive: entry.distinctive,
            },
          ]
        : [];
    }),
  );
}
