import type { Harness } from '../support/harness.js';

/** Official channels as the demo registers them. */
export async function addDemoChannels(h: Harness): Promise<void> {
  await h.caveat.intelligenceStore.addOfficialChannels(
    [
      { brand: '[Demo] Binance', kind: 'domain', key: 'domain:binance.com', display: 'binance.com' },
      { brand: '[Demo] Binance', kind: 'social_handle', key: 'handle:x:binance', display: 'x:@binance' },
    ],
    'test',
  );
  await h.caveat.intelligence.refresh();
}
