import { parseHostname } from './identifiers/domain.js';
import type { NormalizedIdentifier } from './identifiers/identifier.js';

export const OFFICIAL_CHANNEL_KINDS = ['domain', 'email', 'phone', 'social_handle'] as const;
export type OfficialChannelKind = (typeof OFFICIAL_CHANNEL_KINDS)[number];

/** One official channel of a brand, by its normalized key (see identifiers/). */
export interface OfficialChannel {
  brand: string;
  kind: OfficialChannelKind;
  key: string;
  display: string;
  /**
   * For a domain: whether the lookalike detector may find its name inside other names (true), only
   * as a whole name (false: a common word), or decides itself from a word list (absent).
   */
  distinctive?: boolean;
  /**
   * The jurisdiction whose own channel this is (a police hotline, a national scam-check site);
   * absent: one of the exchange's channels, official everywhere.
   */
  jurisdiction?: string;
}

export interface OfficialMatch {
  brand: string;
  channel: OfficialChannel;
  /** How it matched: the channel itself, or a site or address under an official domain. */
  via: 'exact' | 'official_domain';
}

/**
 * The exchange's official domains, email senders, phone numbers and social accounts, per brand.
 * A subdomain of an official domain (accounts.example.com) and an address at one are official too.
 */
export class OfficialRegistry {
  private readonly byKey = new Map<string, OfficialChannel>();
  private readonly byRegistrableDomain = new Map<string, OfficialChannel>();

  constructor(readonly channels: readonly OfficialChannel[]) {
    for (const channel of channels) {
      this.byKey.set(channel.key, channel);
      if (channel.kind === 'domain') {
        const host = parseHostname(channel.key.slice('domain:'.length));
        if (host) this.byRegistrableDomain.set(host.registrable, channel);
      }
    }
  }

  match(identifier: NormalizedIdentifier): OfficialMatch | undefined {
    const exact = this.byKey.get(identifier.key);
    if (exact) return { brand: exact.brand, channel: exact, via: 'exact' };
    if (identifier.registrableDomain) {
      const domain = this.byRegistrableDomain.get(identifier.registrableDomain);
      if (domain) return { brand: domain.brand, channel: domain, via: 'official_domain' };
    }
    return undefined;
  }

  /** Every official registrable domain, a brand's other domains (binance.net) included. */
  officialDomains(): { brand: string; registrable: string; label: string; distinctive?: boolean }[] {
    return [...this.byRegistrableDomain.entries()].flatMap(([registrable, channel]) => {
      const host = parseHostname(registrable);
      if (!host) return [];
      const domain = { brand: channel.brand, registrable, label: host.label };
      return [channel.distinctive === undefined ? domain : { ...domain, distinctive: channel.distinctive }];
    });
  }

  officialHandles(): { brand: string; platform: string; handle: string }[] {
    return this.channels
      .filter((c) => c.kind === 'social_handle')
      .map((c) => {
        const [, platform = '', handle = ''] = /^handle:([^:]+):(.*)$/.exec(c.key) ?? [];
        return { brand: c.brand, platform, handle };
      });
  }
}
