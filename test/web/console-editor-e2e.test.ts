import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSpec, LocalizedContent } from '../../src/campaigns/spec.js';
import { DEMO_CONSOLE_PASSWORD } from '../../src/app/demo-seed.js';
import { browserAvailable } from '../support/browser.js';
import {
  root,
  screenshotDir,
  seriousViolations as pageViolations,
  startDemoConsole,
  type DemoConsole,
} from '../support/demo-console.js';

const publicDir = `${root}artifacts/tmp/e2e-editor-public`;
const CAMPAIGN = 'hk-editor-e2e';
const PLAIN_PHONE = 'Use digits, spaces, + ( ) or -, like +852 2527 7177.';
const PLAIN_PHONE_ZH = '請只用數字、空格、+ ( ) 或 -，例如 +852 2527 7177。';

/** Two contacts with their own numbers (no directory entry), so contact 2's phone is typed here. */
function content(title: string): LocalizedContent {
  return {
    title,
    body: '[Demo] Scammers ask you to move crypto to an address they control.',
    tips: ['Check the address on Scameter before you send.'],
    commonScams: [],
    resources: [],
    contacts: [
      { name: 'Anti-Deception Coordination Centre [Demo]', phone: '18222' },
      { name: 'Police emergency [Demo]', phone: '999' },
    ],
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
  content: { 'zh-Hant': content('[示範] 小心騙案'), en: content('[Demo] Beware of scams') },
};

describe.skipIf(!browserAvailable)('console campaign editor, in chromium', () => {
  let app: DemoConsole;
  beforeAll(async () => {
    app = await startDemoConsole(publicDir, async (caveat) => {
      await caveat.campaigns.createCampaign(
        {
          id: CAMPAIGN,
          jurisdiction: 'HK',
          partnerId: 'hk-police-cstcb',
          name: '[Demo] Editor test',
          demo: true,
          spec,
        },
        'test',
      );
    });
  }, 180_000);
  afterAll(async () => app?.close());

  const nav = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

  const openDraft = async (page: Page) => {
    await page.goto(`${app.baseUrl}/console/campaigns/${CAMPAIGN}`);
    await page.getByRole('heading', { name: 'Draft (version 1)' }).waitFor();
  };

  /** axe's serious and critical findings, in the whole page or in one part of it. */
  const seriousViolations = async (page: Page, within?: string) => {
    if (!within) return pageViolations(page);
    const results = await new AxeBuilder({ page }).include(within).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  };

  const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

  /** The text of the message that aria-describedby links to the field (the last id: the error). */
  const describedError = async (page: Page, field: Locator) => {
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ');
    return page.locator(`[id="${ids.at(-1) ?? ''}"]`).textContent();
  };

  it('routes through the data router: campaigns, a campaign, another page', async () => {
    const page = await app.signInAsAdmin(1280);
    await page
      .getByRole('link', { name: /Hong Kong/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await nav(page, 'Audit log');
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    expect(page.url()).toContain('/console/audit');
  }, 60_000);

  it('a bad phone in contact 2: plain words beside it, focus there on save, the preview marked stale; the same in Chinese', async () => {
    const page = await app.signInAsAdmin(1280);
    await openDraft(page);
    await page.getByLabel('Locale', { exact: true }).selectOption('en');
    // The field is found by its label in either console language: the same input before and after the switch.
    const contact2 = page.getByRole('group', { name: /^(Contact|聯絡) 2$/ });
    const phone = contact2.getByLabel(/^(Phone|電話號碼)$/);
    await phone.fill('call 999 now!');

    // As soon as the preview is refused, it says it is out of date and the field is marked.
    const preview = page.locator('section.preview-pane');
    await expect.poll(() => preview.getAttribute('data-preview-state'), { timeout: 10_000 }).toBe('stale');
    await preview.getByText('Preview out of date — fix the marked fields').waitFor();
    await expect.poll(() => phone.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');

    await page.getByRole('button', { name: 'Save draft' }).click();
    const summary = page.locator('section.problem-summary');
    const link = summary.getByRole('link', { name: 'Contact 2 — phone number (English)' });
    await link.waitFor();
    await expect.poll(() => isFocused(phone), { timeout: 10_000 }).toBe(true);
    await expect(describedError(page, phone)).resolves.toBe(PLAIN_PHONE);
    await expect(summary.textContent()).resolves.toContain(PLAIN_PHONE);
    // Nothing of the developer's wording is left on the page.
    await expect(page.getByText(/must match pattern|\/contacts\/1/).count()).resolves.toBe(0);

    // The summary's link takes the keyboard back to the field.
    await page.getByRole('button', { name: 'Save draft' }).focus();
    await link.click();
    await expect.poll(() => isFocused(phone)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}/console-editor-problems.png`, fullPage: false });

    await page.locator('label.language-switch select').selectOption('zh-Hant');
    await expect.poll(() => describedError(page, phone)).toBe(PLAIN_PHONE_ZH);
    await summary.getByRole('link', { name: '聯絡 2 — 電話號碼（英文）' }).waitFor();
    await preview.getByText('預覽已過時 — 請修正已標示的欄位').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('section.problem-summary').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screenshotDir}/console-editor-problems-zh-Hant.png`, fullPage: false });
    await page.locator('label.language-switch select').selectOption('en');

    // Fixed: the mark, the summary and the stale notice go once the preview accepts the draft.
    await phone.fill('+852 999');
    await expect.poll(() => preview.getAttribute('data-preview-state'), { timeout: 10_000 }).toBe('ready');
    await expect.poll(() => phone.getAttribute('aria-invalid')).toBe(null);
    await expect(summary.count()).resolves.toBe(0);
  }, 90_000);

  it('in 繁體中文 the locale picker and the contact and resource fields are labelled in Chinese', async () => {
    const page = await app.signInAsAdmin(1280);
    await openDraft(page);
    await page.locator('label.language-switch select').selectOption('zh-Hant');
    try {
      const locale = page.getByLabel('語言版本', { exact: true });
      await locale.selectOption('en');
      await expect(locale.locator('option').allTextContents()).resolves.toContain('zh-Hant（預設）');
      await page.getByRole('button', { name: '移除語言版本 en' }).waitFor();
      await page.getByLabel('要新增的語言版本', { exact: true }).waitFor();
      await page.getByRole('button', { name: '新增語言版本' }).waitFor();

      const contact2 = page.getByRole('group', { name: '聯絡 2', exact: true });
      for (const label of ['名稱', '電話號碼', '網址', '電郵地址', '服務時間'])
        await expect(contact2.getByLabel(label, { exact: true }).count(), label).resolves.toBe(1);

      await page.getByRole('button', { name: '新增資源' }).click();
      const resource1 = page.getByRole('group', { name: '資源 1', exact: true });
      for (const label of ['ID', '名稱', '用途', '網址', '電話號碼'])
        await expect(resource1.getByLabel(label, { exact: true }).count(), label).resolves.toBe(1);
      await resource1.getByLabel('轉賬前查核（可查核地址、網站或號碼的地方）').waitFor();
      // None of the English labels is left in the two editors.
      for (const english of ['Phone', 'Purpose', 'Email', 'Hours', 'Name'])
        await expect(page.getByLabel(english, { exact: true }).count(), english).resolves.toBe(0);
      await page.getByRole('heading', { name: '版本記錄' }).waitFor();
    } finally {
      await page.locator('label.language-switch select').selectOption('en');
    }
  }, 60_000);

  it('asks before a link leaves unsaved edits, and offers them back on return', async () => {
    const page = await app.signInAsAdmin(1280);
    await openDraft(page);
    await page.getByLabel('Locale', { exact: true }).selectOption('en');
    const title = page.getByLabel('Title', { exact: true });
    const edited = '[Demo] Stop: is someone telling you to send this?';
    await title.fill(edited);

    await nav(page, 'Audit log');
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Stay and keep editing' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(page.url()).toContain(`/campaigns/${CAMPAIGN}`);
    await expect(title.inputValue()).resolves.toBe(edited);

    await nav(page, 'Audit log');
    await dialog.getByRole('button', { name: 'Leave this page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();

    await openDraft(page);
    const offer = page.getByText(/^You have unsaved changes from .+\./);
    await offer.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.getByLabel('Locale', { exact: true }).selectOption('en');
    await expect(title.inputValue()).resolves.toBe(edited);

    // Saved: the local copy is gone, and a return offers nothing.
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page
      .getByRole('status')
      .getByText(/^Saved /)
      .waitFor();
    await openDraft(page);
    await page.getByLabel('Locale', { exact: true }).selectOption('en');
    await expect(title.inputValue()).resolves.toBe(edited);
    await expect(page.getByText(/^You have unsaved changes from/).count()).resolves.toBe(0);
  }, 90_000);

  it('a police reviewer sees the content, and the technical settings folded away and read-only', async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/console/`);
    await page.getByLabel('Email').fill('reviewer.hk@demo.caveat.example');
    await page.getByLabel('Password').fill(DEMO_CONSOLE_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    await openDraft(page);
    await expect(page.getByLabel('Title', { exact: true }).isEditable()).resolves.toBe(true);
    const priority = page.getByLabel('Priority', { exact: true });
    await expect(priority.isVisible()).resolves.toBe(false);
    await page.locator('summary', { hasText: 'Technical settings' }).click();
    await priority.waitFor();
    await expect(priority.isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Add variant' }).count()).resolves.toBe(0);

    // At phone width with a problem marked: still nothing serious for axe, nothing sideways.
    await page.getByLabel('Locale', { exact: true }).selectOption('en');
    await page.getByRole('group', { name: 'Contact 2', exact: true }).getByLabel(/phone/i).first().fill('x');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('section.problem-summary').waitFor();
    // The editor only: the version table below is another part's (its scrolling region is being
    // reflowed to cards at this width).
    expect(await seriousViolations(page, '.workspace')).toEqual([]);
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).resolves.toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshotDir}/console-editor-reviewer-390.png`, fullPage: false });
    await context.close();
  }, 90_000);
});
