/**
 * A labelled set for the lookalike detector against an official registry of binance.com and
 * coinbase.com: real-world impersonation patterns (positives) and legitimate look-alikes that must
 * not be flagged (negatives). Shapes follow public phishing write-ups; the positive names are written
 * here as patterns, not as reports about real sites. The 20-brand corpus is in corpus/. Unicode names
 * are given as such; tests look them up in their punycode (ASCII) form, as a browser sends them.
 */
export const OFFICIAL_DOMAINS = ['binance.com', 'coinbase.com'];

export const IMPERSONATIONS: [string, string][] = [
  ['binance-verify-support.com', 'binance.com'],
  ['binance.com.security-check.xyz', 'binance.com'],
  ['accounts-binance-log-in.com', 'binance.com'],
  ['binance.top', 'binance.com'],
  ['binance.help', 'binance.com'],
  ['b\u0456nance.com', 'binance.com'], // a Cyrillic і
  ['binnance.com', 'binance.com'],
  ['bimance.com', 'binance.com'],
  ['binacne.com', 'binance.com'],
  ['secure.binance.com-login.info', 'binance.com'],
  ['binancewallet-airdrop.org', 'binance.com'],
  ['coinbase-wallet-restore.com', 'coinbase.com'],
  ['c\u03bfinbase.com', 'coinbase.com'], // a Greek ο
  ['c0inbase.com', 'coinbase.com'],
  ['login.coinbase.com.account-verify.io', 'coinbase.com'],
  ['secure-coinbase.net', 'coinbase.com'],
  ['coinbasse.com', 'coinbase.com'],
  ['coinbase.pages.dev', 'coinbase.com'],
];

export const LEGITIMATE: string[] = [
  'binance.com',
  'accounts.binance.com',
  'www.binance.com',
  'coinbase.com',
  'help.coinbase.com',
  'finance.com',
  'binary.com',
  'balance.com',
  'cabinets.com',
  'coinbox.com',
  'base.org',
  'bitcoin.org',
  'ethereum.org',
  'coin.com',
  'romance-scams.org',
  'binancial.com',
  'coinbasin.org',
  'financial-times.com',
];
