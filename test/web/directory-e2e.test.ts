import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSpec, LocalizedContent } from '../../src/campaigns/spec.js';
import { browserAvailable } from '../support/browser.js';
import {
  root,
  screenshotDir,
  seriousViolations,
  sidewaysOverflow,
  startDemoConsole,
  type DemoConsole,
} from '../support/demo-console.js';

const publicDir = `${root}artifacts/tmp/e2e-directory-public`;
const CAMPAIGN = 'hk-directory-e2e';
const NEW_PHONE = '+852 18222';

/** A locale that takes the helpline's number from the HK demo directory and gives only its words. */
function content(title: string, helpline: string, purpose: string): LocalizedContent {
  return {
    title,
    body: '[Demo] Scammers ask you to move crypto to an address they control.',
    tips: [],
    commonScams: [],
    resources: [{ id: 'adcc-18222', ref: 'adcc-18222', name: helpline, purpose }],
    contacts: [{ ref: 'contact-adcc-18222', name: helpline }],
    statistics: [],
    neverCallNotice: '[Demo] We will never call you to ask you to move funds.',
  };
}

const spec: CampaignSpec = {
  action: 'warn',
  priority: 10,
  targeting: { newDestinationOnly: true },
  experiment: { key: CAMPAIGN, holdoutShare: 0.1, variants: [{ key: 'A', weight: 1 }] },
  frequencyCap: { maxPerUser: 3, windowHours: 24 },
  minDisplaySeconds: 5,
  content: {
    'zh-Hant': content('[示範] 小心騙案', '防騙易熱線', '向警方查詢'),
    en: content('[Demo] Beware of scams', 'Anti-Scam Helpline', 'Ask the police'),
  },
};

describe.skipIf(!browserAvailable)('the jurisdiction directory, in chromium', () => {
  let app: DemoConsole;
  beforeAll(async () => {
    // The preview frame shows the real warning element, built from the source beside the console.
    await build({
      configFile: `${root}src/web/warning/vite.config.ts`,
      logLevel: 'warn',
      build: { outDir: `${publicDir}/warning` },
    });
    app = await startDemoConsole(publicDir, async (caveat) => {
      await caveat.campaigns.createCampaign(
        {
          id: CAMPAIGN,
          jurisdiction: 'HK',
          partnerId: null,
          name: '[Demo] Directory test',
          demo: true,
          spec,
        },
        'test',
      );
    });
  }, 180_000);
  afterAll(async () => app?.close());

  /** The text of the rendered warning in the draft's preview frame, for one locale of the draft. */
  const previewText = async (page: Page, locale: string) => {
    await page.getByLabel('Locale', { exact: true }).selectOption(locale);
    return page
      .frameLocator('iframe.preview-frame')
      .locator('caveat-warning')
      .evaluate((element) => element.shadowRoot?.textContent ?? '');
  };

  it('one change of the helpline in the directory shows in the en and zh-Hant preview of a draft', async () => {
    const page = await app.signInAsAdmin(1280);
    await page.goto(`${app.baseUrl}/console/jurisdictions?directory=HK`);
    const directory = page.locator('section.directory-section');
    await directory.getByRole('heading', { level: 2, name: 'Directory', exact: true }).waitFor();
    await directory.locator('#directory-adcc-18222').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await directory.getByRole('button', { name: 'Edit [Demo] ADCC Anti-Scam Helpline 18222' }).click();
    await page
      .getByRole('heading', { level: 2, name: 'Edit [Demo] ADCC Anti-Scam Helpline 18222' })
      .waitFor();
    // A bad number is refused beside the field, in words.
    await page.getByLabel('Phone').fill('call us');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await expect
      .poll(() => page.getByLabel('Phone').getAttribute('aria-invalid'), { timeout: 10_000 })
      .toBe('true');
    await page.getByLabel('Phone').fill(NEW_PHONE);
    await page.getByRole('button', { name: 'Save entry' }).click();
    await expect.poll(() => directory.locator('#directory-adcc-18222').textContent()).toContain(NEW_PHONE);

    await page.goto(`${app.baseUrl}/console/campaigns/${CAMPAIGN}`);
    await page.getByRole('heading', { name: 'Draft (version 1)' }).waitFor();
    for (const locale of ['en', 'zh-Hant']) {
      await expect.poll(() => previewText(page, locale), { timeout: 15_000 }).toContain(NEW_PHONE);
    }
    // The editor shows the entry's number read-only, with a way to change it in the directory.
    const resource = page.getByRole('group', { name: 'Resource 1', exact: true });
    await expect(resource.getByLabel('From the directory').inputValue()).resolves.toBe('adcc-18222');
    await resource.locator('.directory-facts').getByText(NEW_PHONE).waitFor();
    await resource.getByRole('link', { name: /in the directory/ }).waitFor();
    await expect(resource.getByLabel('Phone', { exact: true }).count()).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}/console-directory-draft.png` });

    // The live HK demo campaign keeps showing what it was published with, and its page says so.
    await page.goto(`${app.baseUrl}/console/campaigns/hk-joint-anti-scam`);
    const notice = page.getByRole('region', {
      name: 'The directory changed since the live version was published',
    });
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain(`“18222” → “${NEW_PHONE}”`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('the Directory section at phone width: no serious findings, nothing wider than the screen', async () => {
    const page = await app.signInAsAdmin(390);
    await page.goto(`${app.baseUrl}/console/jurisdictions?directory=HK`);
    const directory = page.locator('section.directory-section');
    await directory.locator('#directory-adcc-18222').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBe(0);

    // Removing asks first; "Keep it" keeps it.
    await directory.getByRole('button', { name: 'Remove [Demo] Emergency 999' }).click();
    const question = page.getByRole('alertdialog');
    await question.getByText(/Remove \[Demo\] Emergency 999 from the directory\?/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await question.getByRole('button', { name: 'Keep it' }).click();
    await expect(directory.locator('#directory-contact-emergency').count()).resolves.toBe(1);
    await page.screenshot({ path: `${screenshotDir}/console-directory-390.png`, fullPage: true });
    await page.context().close();
  }, 90_000);
});
