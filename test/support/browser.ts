import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

/**
 * Browser suites run in Debian's Chromium. Without it they are skipped with a message, except where
 * REQUIRE_BROWSER is set (CI), where a missing browser must fail rather than pass quietly.
 */
export const browserAvailable = existsSync(CHROMIUM) || process.env.REQUIRE_BROWSER !== undefined;
if (!browserAvailable) {
  process.stderr.write(`browser tests skipped: ${CHROMIUM} not found (apt-get install chromium)\n`);
}

/** Headless Chromium with the flags this machine needs (no background connections to Google). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
