import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp, type HttpApp } from '../../src/http/app.js';
import { browserAvailable, launchChromium } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

describe.skipIf(!browserAvailable)('the demo withdrawal page in chromium', () => {
  let h: Harness;
  let demo: HttpApp;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    h = await startHarness(await storeKinds[0]!.open());
    // The page only: the warning build is not needed to see which jurisdictions it offers.
    demo = await buildHttpApp(h.caveat, {
      demo: true,
      publicDir: mkdtempSync(join(tmpdir(), 'caveat-demo-')),
    });
    url = await demo.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.app.close();
    await h?.close();
  });

  it('offers the jurisdictions that exist, with their locales, not a list written into the page', async () => {
    await h.caveat.campaigns.createJurisdiction(
      { code: 'SG', name: 'Singapore', defaultLocale: 'en', locales: ['en', 'zh-Hans'] },
      'test',
    );
    const page = await browser.newPage();
    await page.goto(`${url}/demo/withdraw?jurisdiction=SG`);
    await page.locator('body[data-ready=true]').waitFor();
    const jurisdictions = await page
      .locator('select[name=jurisdiction] option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    // The harness has HK and MO, and SG was just added; GB and TW were only ever in the page's HTML.
    expect(jurisdictions).toEqual(['HK', 'MO', 'SG']);
    await expect(page.inputValue('select[name=jurisdiction]')).resolves.toBe('SG');
    const locales = await page
      .locator('select[name=locale] option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(locales).toEqual(['en-SG', 'zh-Hans-SG']);
    await page.selectOption('select[name=jurisdiction]', 'MO');
    await expect(
      page
        .locator('select[name=locale] option')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
    ).resolves.toEqual(['zh-Hant-MO', 'pt-MO', 'en-MO']);
    // A link that names a locale the jurisdiction does not list still sends that locale.
    await page.goto(`${url}/demo/withdraw?jurisdiction=HK&locale=en`);
    await page.locator('body[data-ready=true]').waitFor();
    await expect(page.inputValue('select[name=locale]')).resolves.toBe('en');
    await page.close();
  });
});
