import type { ReportRow } from '../intelligence/exchange/report-row.js';

/**
 * [Demo] The demo exchange's official channels: Binance's public website and X account (public
 * facts; the exchange whose campaigns caveat is modelled on). Marked demo in the brand name.
 */
export const demoOfficialChannels = [
  { brand: '[Demo] Binance', value: 'binance.com' },
  { brand: '[Demo] Binance', value: 'x:@binance' },
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
