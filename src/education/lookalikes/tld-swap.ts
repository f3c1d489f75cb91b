import type { LookalikeMaker } from './model.js';

const ENDINGS = ['top', 'vip', 'cc', 'icu', 'xyz'];

/** binance.top: the same name under another ending, which anyone can register. */
export const tldSwap: LookalikeMaker = {
  trick: 'tld_swap',
  make: (official) =>
    ENDINGS.filter((tld) => tld !== official.suffix).map((tld) => {
      const shown = `${official.label}.${tld}`;
      return { shown, ascii: shown, tld };
    }),
};
