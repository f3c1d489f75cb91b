/**
 * Words phishing sites put beside a brand to look like its account pages. A brand that is a common
 * word (crypto, ledger) counts as impersonation inside a longer name only beside one of these:
 * crypto-news.com is a news site, crypto-login-verify.com is not.
 */
export const BAIT_WORDS = new Set([
  'login',
  'signin',
  'logon',
  'support',
  'helpdesk',
  'help',
  'verify',
  'verification',
  'secure',
  'security',
  'recover',
  'recovery',
  'restore',
  'unlock',
  'unfreeze',
  'airdrop',
  'claim',
  'rewards',
  'giveaway',
  'kyc',
  'validate',
  'validation',
  'sync',
  'refund',
  'auth',
  'account',
  'accounts',
  'official',
  'update',
]);
