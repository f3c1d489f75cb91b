import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo-seed.js';
import { browserAvailable, launchChromium } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';
import { TEXT } from '../../src/web/check/check-strings.js';

const screenshots = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));

describe.skipIf(!browserAvailable)('the public "Check before you send" page in chromium', () => {
  let h: Harness;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    h = await startHarness(await storeKinds[0]!.open(), { seed: false });
    await seedDemo(h.caveat, pino({ level: 'silent' }));
    url = await h.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    mkdirSync(screenshots, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function check(page: Page, q: string): Promise<{ verdict: string; text: string }> {
    await page.fill('#q', q);
    // The previous answer stays on the page until the new one replaces it: clear its mark first, so
    // waiting for a result waits for this query's.
    await page.evaluate(() => document.getElementById('result')?.removeAttribute('class'));
    await page.click('button[type=submit]');
    const result = page.locator('#result.result');
    await result.waitFor();
    return {
      verdict: (await result.getAttribute('class'))?.replace('result ', '') ?? '',
      text: (await result.textContent()) ?? '',
    };
  }

  it('warns in Traditional Chinese about a reported address, at phone width, and passes axe', async () => {
    // axe needs a page from an explicit context.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${url}/check?lang=zh-Hant`);
    await expect(page.locator('h1').textContent()).resolves.toBe('轉賬前先查一查');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
    const answer = await check(page, 'TB71wT152mrwnUrZFSa1cVP7a5tRuYkrCN');
    expect(answer.verdict).toBe('reported_scam');
    expect(answer.text).toContain('14');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await page.screenshot({ path: `${screenshots}check-page-zh-Hant.png`, fullPage: true });
    await context.close();
  });

  it('tells an English user a lookalike is not official and an official site is', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${url}/check?lang=en`);
    const fake = await check(page, 'binance.com.security-check.xyz');
    expect(fake.verdict).toBe('suspicious_lookalike');
    expect(fake.text).toMatch(/NOT an official channel\. It imitates binance\.com/);
    const real = await check(page, 'https://www.binance.com/en');
    expect(real.verdict).toBe('official');
    const invalid = await check(page, '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD');
    expect(invalid.verdict).toBe('invalid');
    expect(invalid.text).toMatch(/EIP-55/);
    await page.close();
  });

  it('speaks Portuguese', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/check?lang=pt`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Verifique antes de enviar');
    expect((await check(page, 'example.org')).verdict).toBe('unknown');
    await page.close();
  });

  it('speaks Simplified Chinese in Singapore and reads the SPF hotline 1800-255-0000 as Singapore dials it', async () => {
    // A new jurisdiction appears on the page without a new page: SG is added here, not in the seed.
    await h.caveat.campaigns.createJurisdiction(
      { code: 'SG', name: 'Singapore', defaultLocale: 'en', locales: ['en', 'zh-Hans'] },
      'test',
    );
    // [Demo] The Singapore Police Force hotline (police.gov.sg, "Police Hotline 1800-255-0000").
    await h.caveat.intelligenceStore.addOfficialChannel(
      {
        brand: 'Singapore Police Force [Demo]',
        kind: 'phone',
        key: 'phone:+6518002550000',
        display: '+65 1800 255 0000',
      },
      'test',
    );
    await h.caveat.intelligence.refresh();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-Hans-SG' });
    const page = await context.newPage();
    await page.goto(`${url}/check`);
    await expect(page.locator('h1').textContent()).resolves.toBe(TEXT['zh-Hans'].title);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    // The reader's region comes from the browser's language (zh-Hans-SG), and SG is offered by name.
    await expect.poll(() => page.inputValue('#q-place')).toBe('SG');
    await expect(page.locator('#q-place option[value=SG]').textContent()).resolves.toBe('新加坡');
    const hotline = await check(page, '1800-255-0000');
    expect(hotline.verdict).toBe('official');
    expect(hotline.text).toContain('Singapore Police Force [Demo]');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await page.screenshot({ path: `${screenshots}check-page-zh-Hans-SG.png`, fullPage: true });

    // Switching language keeps the place.
    await expect(page.getAttribute('#languages a[lang=en]', 'href')).resolves.toBe(
      '?lang=en&jurisdiction=SG',
    );
    // Somewhere else: no region is known, so the national number is refused in plain words.
    await page.selectOption('#q-place', '');
    const nowhere = await check(page, '1800-255-0000');
    expect(nowhere.verdict).toBe('invalid');
    expect(nowhere.text).toMatch(/\+/);
    await context.close();
  });

  it('answers the public lookup of a national number for a jurisdiction, and names an unknown one', async () => {
    const sg = await h.app.inject({ url: '/public/lookup?q=1800-255-0000&jurisdiction=SG' });
    expect(sg.statusCode).toBe(200);
    expect(sg.json()).toMatchObject({
      verdict: 'official',
      official: { brand: 'Singapore Police Force [Demo]' },
    });
    const unknown = await h.app.inject({ url: '/public/lookup?q=1800-255-0000&jurisdiction=ZZ' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].field).toBe('querystring/jurisdiction');
    const listed = await h.app.inject({ url: '/public/jurisdictions' });
    expect(listed.json().jurisdictions.map((j: { code: string }) => j.code)).toContain('SG');
  });
});
