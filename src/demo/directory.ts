import type { DirectoryEntry, NewDirectoryEntry } from '../campaigns/directory.js';
import { demoStatisticEntries } from './statistics.js';

/**
 * [Demo] Each demo jurisdiction's directory: the real public hotlines, sites and figures its
 * campaign quotes, written once for every locale (the campaigns name them by key). Scameter stays
 * in the Hong Kong content itself, as its page differs by language, and caveat's own /check link
 * is the instance's public address, not a fact of the jurisdiction.
 */
const entries: Record<string, NewDirectoryEntry[]> = {
  HK: [
    {
      key: 'adcc-18222',
      kind: 'resource',
      label: '[Demo] ADCC Anti-Scam Helpline 18222',
      phone: '18222',
      checkBeforeSend: true,
    },
    {
      key: 'adcc',
      kind: 'resource',
      label: '[Demo] Anti-Deception Coordination Centre website',
      url: 'https://www.adcc.gov.hk/',
      checkBeforeSend: false,
    },
    {
      key: 'contact-adcc-18222',
      kind: 'contact',
      label: '[Demo] ADCC Anti-Scam Helpline (contact)',
      phone: '18222',
      hours: '24/7',
    },
    { key: 'contact-emergency', kind: 'contact', label: '[Demo] Emergency 999', phone: '999' },
  ],
  MO: [
    {
      key: 'pj-anti-fraud-hotline',
      kind: 'resource',
      label: '[Demo] Judiciary Police anti-fraud hotline',
      phone: '8800 7777',
      checkBeforeSend: true,
    },
    {
      key: 'pj-website',
      kind: 'resource',
      label: '[Demo] Judiciary Police website',
      url: 'https://www.pj.gov.mo/',
      checkBeforeSend: false,
    },
    {
      key: 'contact-pj-anti-fraud-hotline',
      kind: 'contact',
      label: '[Demo] Judiciary Police anti-fraud hotline (contact)',
      phone: '8800 7777',
    },
    {
      key: 'contact-pj-report',
      kind: 'contact',
      label: '[Demo] Judiciary Police report hotline 993',
      phone: '993',
    },
  ],
  GB: [
    {
      key: 'fca-scamsmart',
      kind: 'resource',
      label: '[Demo] FCA ScamSmart',
      url: 'https://www.fca.org.uk/scamsmart',
      checkBeforeSend: true,
    },
    {
      key: 'action-fraud',
      kind: 'resource',
      label: '[Demo] Action Fraud',
      url: 'https://www.actionfraud.police.uk/',
      phone: '0300 123 2040',
      checkBeforeSend: false,
    },
    {
      key: 'stop-scams-159',
      kind: 'resource',
      label: '[Demo] Stop Scams UK 159',
      phone: '159',
      checkBeforeSend: true,
    },
    {
      key: 'contact-action-fraud',
      kind: 'contact',
      label: '[Demo] Action Fraud (contact)',
      phone: '0300 123 2040',
      url: 'https://www.actionfraud.police.uk/',
    },
    {
      key: 'contact-sers',
      kind: 'contact',
      label: '[Demo] Suspicious Email Reporting Service',
      email: 'report@phishing.gov.uk',
    },
  ],
  TW: [
    {
      key: 'npa-165-hotline',
      kind: 'resource',
      label: '[Demo] 165 Anti-Fraud Hotline',
      phone: '165',
      checkBeforeSend: true,
    },
    {
      key: 'npa-165-site',
      kind: 'resource',
      label: '[Demo] 165 Anti-Fraud website',
      url: 'https://165.npa.gov.tw/',
      checkBeforeSend: true,
    },
    {
      key: 'contact-npa-165',
      kind: 'contact',
      label: '[Demo] 165 Anti-Fraud Hotline (contact)',
      phone: '165',
    },
    { key: 'contact-police-110', kind: 'contact', label: '[Demo] Police 110', phone: '110' },
  ],
};

/** The directory of a demo jurisdiction: its hotlines and sites, then its figures. */
export function demoDirectory(jurisdiction: string): NewDirectoryEntry[] {
  return [...(entries[jurisdiction] ?? []), ...demoStatisticEntries(jurisdiction)];
}

/** The same as the store holds it once seeded: for checking and rendering the demo specs offline. */
export function demoDirectoryEntries(jurisdiction: string): DirectoryEntry[] {
  return demoDirectory(jurisdiction).map(({ kind, ...entry }) => ({
    jurisdiction,
    kind,
    ...entry,
    ...(kind === 'resource' ? { checkBeforeSend: entry.checkBeforeSend ?? false } : {}),
    updatedAt: '2026-01-01T00:00:00.000Z',
  }));
}
