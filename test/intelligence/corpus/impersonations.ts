/**
 * Impersonations of the twenty brands in official-domains.ts, by the trick they use. The shapes are
 * those described in public write-ups and the brands' own security advisories (fake support and
 * "verify your account" pages, airdrop and reward claims, wallet "sync"/"restore" pages, sites on
 * free hosting platforms, punycode and accented homoglyphs, typosquats), plus every example of
 * issue 14. They are written here as patterns, not as reports about real sites, and none comes from
 * the public phishing list kept outside the project as the independent held-out check. Unicode names are given as such; the tests look
 * them up in their punycode form, as a browser sends them.
 */
export type ImpersonationClass =
  /** The brand's name inside a label of another domain. */
  | 'brand-in-label'
  /** The brand's name in a site on a hosting platform or under someone else's domain. */
  | 'hosting-platform'
  /** The official domain spelt in front of, or glued into, another site. */
  | 'official-in-front'
  /** The brand's name under another ending. */
  | 'tld-swap'
  /** Homoglyphs, accents, punycode: no brand string in the ASCII name. */
  | 'confusable'
  /** Typosquats: no brand string either. */
  | 'typo';

/** Classes whose domains contain the brand's name as written ("brand-named"). */
export const BRAND_NAMED: readonly ImpersonationClass[] = [
  'brand-in-label',
  'hosting-platform',
  'official-in-front',
  'tld-swap',
];

export interface Impersonation {
  domain: string;
  imitates: string;
  kind: ImpersonationClass;
}

const rows: [ImpersonationClass, string, string[]][] = [
  // Binance, including every example of issue 14.
  [
    'brand-in-label',
    'binance.com',
    [
      'binance-verify-support.com',
      'accounts-binance-log-in.com',
      'binancewallet-airdrop.org',
      'binance-kyc-center.com',
      'mybinance-account.info',
      'binance24.net',
      'getbinance-bonus.com',
      'binance-p2p-refund.top',
      'wwwbinance.com',
      'binance-usdt-claim.xyz',
    ],
  ],
  [
    'hosting-platform',
    'binance.com',
    [
      'binance-promo.netlify.com',
      'promo-binance.netlify.com',
      'binance-support.home.blog',
      'binance-airdrop.netlify.app',
      'binance-kyc.vercel.app',
      'secure-binance.web.app',
      'binance-login.firebaseapp.com',
      'binance-reward.pages.dev',
      'binancesupport.blogspot.com',
      'binance-help.github.io',
    ],
  ],
  [
    'official-in-front',
    'binance.com',
    [
      'binance.com.security-check.xyz',
      'secure.binance.com-login.info',
      'binance-com.site',
      'www-binance-com.online',
      'binance.com.verify-account.app',
    ],
  ],
  [
    'tld-swap',
    'binance.com',
    [
      'binance.top',
      'binance.help',
      'binance.pages.dev',
      'binance.netlify.app',
      'binance.co.com',
      'binance.ltd',
    ],
  ],
  [
    'confusable',
    'binance.com',
    [
      'xn--bnance-3va.com',
      'b\u0456nance.com',
      'bínance.org',
      'binancé.com',
      'bïnance.net',
      'bịnance.com',
      'binаnce.com',
      'blnance.com',
      'b1nance.com',
    ],
  ],
  [
    'typo',
    'binance.com',
    [
      'binanse.ch',
      'bianace.online',
      'banance.xyz',
      'binnance24.com',
      'zendesk-binanc.com',
      'binnance.com',
      'bimance.com',
      'binacne.com',
      'biinance.com',
      'binanc.com',
      'bnance.com',
      'binace.io',
      'binancr.com',
      'binanace.com',
      'vinance.net',
      'binnancewallet.com',
      'walletbinnance.net',
    ],
  ],
  // Coinbase.
  [
    'brand-in-label',
    'coinbase.com',
    [
      'coinbase-wallet-restore.com',
      'secure-coinbase.net',
      'coinbase-support-desk.com',
      'coinbaseverify.com',
      'login-coinbase.info',
      'coinbase-pro-signin.com',
    ],
  ],
  [
    'hosting-platform',
    'coinbase.com',
    [
      'coinbase-login.webflow.io',
      'coinbase-help.web.app',
      'coinbasewallet-sync.vercel.app',
      'coinbase-support.wixsite.com',
    ],
  ],
  ['official-in-front', 'coinbase.com', ['login.coinbase.com.account-verify.io', 'coinbase.com-secure.net']],
  ['tld-swap', 'coinbase.com', ['coinbase.pages.dev', 'coinbase.support', 'coinbase.co.in']],
  [
    'confusable',
    'coinbase.com',
    ['c\u03bfinbase.com', 'c0inbase.com', 'coinbasé.com', 'cóinbase.com', 'coinbаse.com', 'colnbase.com'],
  ],
  [
    'typo',
    'coinbase.com',
    [
      'coinbasse.com',
      'coinbsae.com',
      'conibase.com',
      'coinbas.com',
      'coinbace.com',
      'coinnbase.net',
      'coinbasseapp.com',
    ],
  ],
  // Uniswap.
  [
    'brand-in-label',
    'uniswap.org',
    ['uniswap-airdrop.com', 'claim-uniswap.org', 'uniswaplabs-rewards.com', 'uniswap-v4.app'],
  ],
  [
    'hosting-platform',
    'uniswap.org',
    [
      'app-uniswap.org.evil.com',
      'uniswap-claim.netlify.app',
      'uniswap.vercel.app',
      'uniswap-interface.pages.dev',
    ],
  ],
  ['official-in-front', 'uniswap.org', ['uniswap.org.claim-rewards.xyz', 'app.uniswap.org-connect.live']],
  ['tld-swap', 'uniswap.org', ['uniswap.com.co', 'uniswap.finance']],
  ['confusable', 'uniswap.org', ['unisẉap.org', 'uníswap.org', 'unіswap.org']],
  ['typo', 'uniswap.org', ['uniwsap.org', 'unisawp.org', 'uniswapp.org', 'unswap.org', 'uniiswap.io']],
  // MetaMask.
  [
    'brand-in-label',
    'metamask.io',
    ['metamask-wallet-sync.com', 'metamask-restore.net', 'metamaskvalidate.com', 'support-metamask.io'],
  ],
  [
    'hosting-platform',
    'metamask.io',
    ['metamask-verify.web.app', 'metamask-sync.netlify.app', 'metamask-help.gitbook.io'],
  ],
  ['tld-swap', 'metamask.io', ['metamask.com.ng', 'metamask.app']],
  ['confusable', 'metamask.io', ['rnetamask.io', 'metamàsk.io', 'metаmask.io']],
  ['typo', 'metamask.io', ['metamsk.io', 'metmask.io', 'meatmask.io', 'metamaks.com']],
  // OpenSea.
  ['brand-in-label', 'opensea.io', ['opensea-nft-claim.com', 'openseafreemint.com', 'opensea-login.net']],
  ['hosting-platform', 'opensea.io', ['opensea-drop.vercel.app', 'opensea-offer.web.app']],
  ['tld-swap', 'opensea.io', ['opensea.market', 'opensea.com.co']],
  ['confusable', 'opensea.io', ['0pensea.io', 'openséa.io', 'оpensea.io']],
  ['typo', 'opensea.io', ['opnesea.io', 'openseaa.io', 'opensae.io']],
  // KuCoin, Bitget, Bybit, Bitfinex, Bitstamp, Trust Wallet, Trezor.
  ['brand-in-label', 'kucoin.com', ['kucoin-support.com', 'kucoin-airdrop.net']],
  ['typo', 'kucoin.com', ['kucoim.com', 'kucion.com', 'kukoin.com']],
  ['confusable', 'kucoin.com', ['kuc0in.com', 'kucóin.com']],
  ['brand-in-label', 'bitget.com', ['bitget-bonus.com', 'bitgetsupport.net']],
  ['typo', 'bitget.com', ['bitgte.com', 'bitgett.com', 'bltget.com']],
  ['brand-in-label', 'bybit.com', ['bybit-reward.com', 'bybit-kyc.net', 'bybit-login.pages.dev']],
  ['confusable', 'bybit.com', ['bybít.com', 'bуbit.com']],
  ['brand-in-label', 'bitfinex.com', ['bitfinex-support.com', 'bitfinexrefund.com']],
  ['typo', 'bitfinex.com', ['bitfinx.com', 'bitfienx.com']],
  ['brand-in-label', 'bitstamp.net', ['bitstamp-login.com', 'bitstamp-verify.netlify.app']],
  ['typo', 'bitstamp.net', ['bitsatmp.net', 'bitstmp.com']],
  [
    'brand-in-label',
    'trustwallet.com',
    ['trustwallet-restore.com', 'trustwallet-sync.web.app', 'claim-trustwallet.net'],
  ],
  ['typo', 'trustwallet.com', ['trustwalet.com', 'trustwallett.com', 'turstwallet.com']],
  ['brand-in-label', 'trezor.io', ['trezor-suite-update.com', 'trezorwallet-recovery.com']],
  ['tld-swap', 'trezor.io', ['trezor.us', 'trezor.app']],
  ['typo', 'trezor.io', ['trezzor.io', 'terzor.io']],
  ['confusable', 'trezor.io', ['trezór.io', 'trez0r.io']],
  // Brands that are common words or short: only whole labels, TLD swaps, confusables, typos and
  // the official domain spelt out (or a bait word beside the name).
  [
    'official-in-front',
    'crypto.com',
    ['crypto-com-login.net', 'cryptocom-support.com', 'crypto.com.verify-wallet.xyz'],
  ],
  ['brand-in-label', 'crypto.com', ['crypto-login-verify.com', 'crypto-account-unlock.com']],
  ['tld-swap', 'crypto.com', ['crypto.com.ph', 'crypto.support']],
  ['confusable', 'crypto.com', ['crypt0.com', 'cryptó.com']],
  ['official-in-front', 'ledger.com', ['ledger.com.firmware-update.io', 'ledgercom-recovery.com']],
  ['brand-in-label', 'ledger.com', ['ledger-live-update.com', 'ledger-recovery-support.com']],
  ['tld-swap', 'ledger.com', ['ledger.support']],
  ['confusable', 'ledger.com', ['ledgèr.com', 'xn--ledgr-9za.com', '1edger.com']],
  ['typo', 'ledger.com', ['ledgre.com', 'ledgeer.com']],
  ['official-in-front', 'kraken.com', ['kraken.com.secure-login.xyz']],
  ['brand-in-label', 'kraken.com', ['kraken-login-verify.com']],
  ['tld-swap', 'kraken.com', ['kraken.support']],
  ['confusable', 'kraken.com', ['krakèn.com', 'krаken.com']],
  ['typo', 'kraken.com', ['krakne.com', 'kraaken.com']],
  ['brand-in-label', 'gemini.com', ['gemini-support-login.com']],
  ['confusable', 'gemini.com', ['gemíni.com', 'gernini.com']],
  ['official-in-front', 'phantom.app', ['phantom.app.claim-sol.xyz']],
  ['brand-in-label', 'phantom.app', ['phantom-wallet-restore.com']],
  ['confusable', 'phantom.app', ['phantorn.app', 'phantóm.app']],
  ['typo', 'phantom.app', ['phanton.app', 'phamtom.app']],
  ['official-in-front', 'blockchain.com', ['blockchain-com-login.net', 'blockchain.com.wallet-verify.xyz']],
  ['typo', 'blockchain.com', ['blockchian.com', 'blokchain.com', 'blockchaain.com']],
  ['official-in-front', 'okx.com', ['okx-com-login.net']],
  ['brand-in-label', 'okx.com', ['okx-support-verify.com']],
  ['tld-swap', 'okx.com', ['okx.help', 'okx.com.co']],
  ['confusable', 'okx.com', ['0kx.com', 'ókx.com']],
  ['official-in-front', 'gate.io', ['gateio-login.com', 'gate-io-support.net']],
  ['tld-swap', 'gate.io', ['gate.support']],
];

export const IMPERSONATIONS: Impersonation[] = rows.flatMap(([kind, imitates, domains]) =>
  domains.map((domain) => ({ domain, imitates, kind })),
);
