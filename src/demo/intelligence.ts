import type { ReportRow } from '../intelligence/exchange/report-row.js';

/**
 * [Demo] The demo exchange's official channels: Binance's public website and X account (public
 * facts; the exchange whose campaigns caveat is modelled on). Marked demo in the brand name.
 */
export const demoOfficialChannels: { brand: string; value: string; jurisdiction?: string }[] = [
  { brand: '[Demo] Binance', value: 'binance.com' },
  { brand: '[Demo] Binance', value: 'x:@binance' },
  // Each demo jurisdiction's own anti-scam hotline (the same public numbers its directory quotes), so
  // that /check answers "official" for them. Numbers only: a police site is no brand to imitate here.
  { brand: '[Demo] ADCC Anti-Scam Helpline (Hong Kong Police)', value: '18222', jurisdiction: 'HK' },
  { brand: '[Demo] Judiciary Police anti-fraud hotline (Macau)', value: '8800 7777', jurisdiction: 'MO' },
  { brand: '[Demo] Action Fraud (UK)', value: '0300 123 2040', jurisdiction: 'GB' },
  { brand: '[Demo] 165 Anti-Fraud Hotline (Taiwan)', value: '165', jurisdiction: 'TW' },
];

/**
 * [Demo] Reported addresses. These are made up (TRON addresses derived from sha256 of
 * "caveat-demo-indicator-1" and "-2"), valid in form but reported by no one: never real accusations.
 */
export const demoIndicatorRows: ReportRow[] = [
  {
    value: 'TB71wT152mrwnUrZFSa1cVP7a5tRuYkrCN',
    network: 'TRON',
    scamType: 'investment',
    riskLevel: 'high',
    source: 'partner',
    reportCount: '14',
    jurisdictions: 'HK',
    ref: 'demo:tron-1',
  },
  {
    value: 'TBnahKLPnFWhuCjj5FqaR4J3yMk8iuLR1K',
    network: 'TRON',
    scamType: 'impersonation',
    riskLevel: 'medium',
    source: 'user_report',
    reportCount: '3',
    jurisdictions: 'MO',
    ref: 'demo:tron-2',
  },
];
