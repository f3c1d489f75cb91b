/**
 * Twenty crypto brands as an exchange would register them, with the domains each brand publishes
 * as its own (its website's footer, its "official channels" or verification page). Two entries
 * show the override of the automatic distinctiveness: "blockchain" is not in the English word list
 * but is a common noun in thousands of legitimate names (blockchain.news, blockchain-council.org).
 */
export interface OfficialDomainEntry {
  brand: string;
  domains: string[];
  distinctive?: boolean;
}

export const OFFICIAL_BRANDS: OfficialDomainEntry[] = [
  { brand: 'Binance', domains: ['binance.com', 'binance.net', 'binance.cloud', 'binance.vision'] },
  { brand: 'Coinbase', domains: ['coinbase.com'] },
  { brand: 'Kraken', domains: ['kraken.com'] },
  { brand: 'Crypto.com', domains: ['crypto.com'] },
  { brand: 'OKX', domains: ['okx.com'] },
  { brand: 'Bybit', domains: ['bybit.com'] },
  { brand: 'KuCoin', domains: ['kucoin.com'] },
  { brand: 'Bitget', domains: ['bitget.com'] },
  { brand: 'Gemini', domains: ['gemini.com'] },
  { brand: 'Bitfinex', domains: ['bitfinex.com'] },
  { brand: 'Bitstamp', domains: ['bitstamp.net'] },
  { brand: 'MetaMask', domains: ['metamask.io'] },
  { brand: 'Trezor', domains: ['trezor.io'] },
  { brand: 'Ledger', domains: ['ledger.com'] },
  { brand: 'Uniswap', domains: ['uniswap.org'] },
  { brand: 'Phantom', domains: ['phantom.app'] },
  { brand: 'Trust Wallet', domains: ['trustwallet.com'] },
  { brand: 'OpenSea', domains: ['opensea.io'] },
  { brand: 'Blockchain.com', domains: ['blockchain.com'], distinctive: false },
  { brand: 'Gate', domains: ['gate.io'] },
];

/** The registry of the older tests: two brands, one domain each. */
export const TWO_BRANDS: OfficialDomainEntry[] = [
  { brand: 'Binance', domains: ['binance.com'] },
  { brand: 'Coinbase', domains: ['coinbase.com'] },
];
