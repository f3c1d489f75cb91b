import { BAIT_WORDS } from './bait-words.js';
import type { LookalikePattern } from './model.js';

/**
 * The brand's own name under another ending: binance.top, coinbase.pages.dev, okx.ltd. A brand
 * that is a common word is also what other people call their own sites (crypto.news,
 * blockchain.news), so its swaps count only when the ending keeps the official one
 * (crypto.com.ph) or is a bait word (ledger.support).
 */
export const tldSwap: LookalikePattern = {
  find({ host, labels }, names, report) {
    const label = labels[labels.length - 1];
    if (!label) return;
    const name = names.byPlain(label.plain);
    if (!name || name.label !== label.raw) return;
    if (
      name.commonWord &&
      !host.publicSuffix.split('.').includes(name.suffix.split('.')[0] as string) &&
      !BAIT_WORDS.has(host.publicSuffix)
    )
      return;
    report({
      brand: name.brand,
      imitates: name.imitates,
      score: 0.9,
      reasons: [`the brand's name under another ending: .${host.publicSuffix} instead of .${name.suffix}`],
    });
  },
};
