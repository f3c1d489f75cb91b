import type { LookalikeMaker } from './model.js';

// Made-up site names of the kind phishing kits use; under endings that cost a few cents a year.
const CARRIERS = ['account-verify.top', 'secure-login.xyz', 'wallet-check.cc'];

/** binance.com.account-verify.top: the official name first, so the start of the address looks right. */
export const brandInFront: LookalikeMaker = {
  trick: 'brand_in_front',
  make: (official) =>
    CARRIERS.map((site) => {
      const shown = `${official.registrable}.${site}`;
      return { shown, ascii: shown, site };
    }),
};
