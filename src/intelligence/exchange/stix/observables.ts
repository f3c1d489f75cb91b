import type { IndicatorKind } from '../../identifiers/identifier.js';
import { canonicalPlatform } from '../../identifiers/social-handle.js';

/** What an export needs to know of an indicator to write its value. */
export interface ExportedIdentifier {
  kind: IndicatorKind;
  key: string;
  display: string;
}

/**
 * One STIX cyber-observable type caveat reads and writes: the property that holds the identifier,
 * how an indicator is written into it (so that reading it back gives the same key and display), and
 * how a whole SCO is read.
 */
export interface ObservableType {
  type: string;
  property: string;
  kinds: readonly IndicatorKind[];
  write(identifier: ExportedIdentifier): string;
  read(sco: Record<string, unknown>): string | undefined;
}

const valueOf = (sco: Record<string, unknown>) => (typeof sco.value === 'string' ? sco.value : undefined);

export const OBSERVABLE_TYPES: readonly ObservableType[] = [
  {
    type: 'domain-name',
    property: 'value',
    kinds: ['domain'],
    // The ASCII (A-label) form: what other tools match on; caveat shows the Unicode form again on read.
    write: (i) => i.key.slice('domain:'.length),
    read: valueOf,
  },
  { type: 'url', property: 'value', kinds: ['url'], write: (i) => i.display, read: valueOf },
  { type: 'email-addr', property: 'value', kinds: ['email'], write: (i) => i.display, read: valueOf },
  {
    // STIX 2.1 has no wallet SCO: a custom one, x- prefixed as §11 asks of custom object types.
    type: 'x-crypto-wallet',
    property: 'value',
    kinds: ['evm_address', 'bitcoin_address', 'tron_address'],
    write: (i) => i.display,
    read: valueOf,
  },
  {
    // Phones, social handles and bank accounts have no SCO either; written in the form caveat's
    // lookup reads (x:@name, +852 …, an IBAN).
    type: 'x-caveat-identifier',
    property: 'value',
    kinds: ['phone', 'social_handle', 'bank_account'],
    write: (i) => {
      if (i.kind !== 'social_handle') return i.display;
      const shown = /^@(.+) on ([a-z]+)$/.exec(i.display);
      const [, platform, name] = i.key.split(':');
      return shown ? `${shown[2]}:@${shown[1]}` : `${platform}:@${name}`;
    },
    read: valueOf,
  },
  {
    // Only read, from observed data: an account is an identifier only with its platform beside it.
    type: 'user-account',
    property: 'account_login',
    kinds: [],
    write: () => '',
    read: (sco) =>
      typeof sco.account_login === 'string' &&
      typeof sco.account_type === 'string' &&
      canonicalPlatform(sco.account_type)
        ? `${sco.account_type}:@${sco.account_login}`
        : undefined,
  },
];

export const observableType = (type: string): ObservableType | undefined =>
  OBSERVABLE_TYPES.find((o) => o.type === type);

export const observableOfKind = (kind: IndicatorKind): ObservableType =>
  OBSERVABLE_TYPES.find((o) => o.kinds.includes(kind)) ??
  (observableType('x-caveat-identifier') as ObservableType);

/** The SCO types of STIX 2.1 (§6); those caveat has no identifier kind for are ignored, by name. */
export const STIX_OBSERVABLE_TYPES = [
  'artifact',
  'autonomous-system',
  'directory',
  'domain-name',
  'email-addr',
  'email-message',
  'file',
  'ipv4-addr',
  'ipv6-addr',
  'mac-addr',
  'mutex',
  'network-traffic',
  'process',
  'software',
  'url',
  'user-account',
  'windows-registry-key',
  'x509-certificate',
] as const;
