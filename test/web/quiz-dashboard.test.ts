import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONSOLE_PASSWORD, seedDemo } from '../../src/app/demo-seed.js';
import { educationOf } from '../../src/app/education-service.js';
import { buildHttpApp, type HttpApp } from '../../src/http/app.js';
import { simulateTakers, TRUE_RATES } from '../education/population.js';
import { browserAvailable, launchChromium } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const publicDir = `${root}artifacts/tmp/quiz-dashboard-public`;
const screenshots = `${root}artifacts/screenshots/`;

describe.skipIf(!browserAvailable)('the quiz in the console, in chromium', () => {
  let h: Harness;
  let http: HttpApp;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    await build({
      configFile: `${root}src/web/console/vite.config.ts`,
      logLevel: 'warn',
      build: { outDir: `${publicDir}/console` },
    });
    h = await startHarness(await storeKinds[0]!.open(), { seed: false });
    await seedDemo(h.caveat, pino({ level: 'silent' }));
    // A population with known per-trick fooled rates takes the published demo quiz of Hong Kong.
    await simulateTakers(await educationOf(h.caveat), {
      jurisdiction: 'HK',
      takers: 160,
      seed: 'dashboard-1',
    });
    http = await buildHttpApp(h.caveat, { publicDir });
    url = await http.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    mkdirSync(screenshots, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await http?.app.close();
    await h?.close();
  });

  async function signIn(email: string) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${url}/console/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_CONSOLE_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor({ timeout: 10_000 });
    return { page, context };
  }

  it(
    'an admin generates a draft, the partner’s reviewer approves it as it is, the admin publishes it',
    { timeout: 60_000 },
    async () => {
      const admin = await signIn('admin@demo.caveat.example');
      await admin.page.goto(`${url}/console/campaigns/hk-joint-anti-scam/quiz`);
      const adminTab = admin.page.locator('section:has(#quiz-tab-heading)');
      await adminTab.getByText(/Live: version 1/).waitFor({ timeout: 10_000 });
      await admin.page.getByRole('button', { name: 'Generate a draft from current knowledge' }).click();
      await adminTab.getByText(/Draft version 2: waiting for review/).waitFor({ timeout: 10_000 });
      // Not before the partner approved it.
      expect(await admin.page.getByRole('button', { name: 'Publish the draft' }).count()).toBe(0);
      const reviewer = await signIn('reviewer.hk@demo.caveat.example');
      await reviewer.page.goto(`${url}/console/campaigns/hk-joint-anti-scam/quiz`);
      // The quiz's own language, not the console's (the header has a Language switch too).
      await reviewer.page
        .locator('section:has(#quiz-tab-heading)')
        .getByLabel('Language', { exact: true })
        .selectOption('zh-Hant');
      await reviewer.page.locator('.quiz-questions details').first().click();
      await expect(reviewer.page.locator('.quiz-questions').textContent()).resolves.toContain('防騙視伏器');
      const axe = await new AxeBuilder({ page: reviewer.page }).include('#quiz-tab-heading').analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      await reviewer.page.getByRole('button', { name: 'Approve the draft as it is' }).click();
      await reviewer.page
        .locator('section:has(#quiz-tab-heading)')
        .getByText(/approved by user:reviewer\.hk@demo\.caveat\.example/)
        .waitFor({ timeout: 10_000 });
      await reviewer.page.screenshot({ path: `${screenshots}console-quiz-review.png`, fullPage: false });
      await admin.page.reload();
      await admin.page.getByRole('button', { name: 'Publish the draft' }).click();
      await adminTab.getByText(/Live: version 2/).waitFor({ timeout: 10_000 });
      await admin.context.close();
      await reviewer.context.close();
    },
  );

  it('shows each trick’s fooled share with an interval that holds the true rate', async () => {
    const { page, context } = await signIn('analyst@demo.caveat.example');
    await page.goto(`${url}/console/campaigns/hk-joint-anti-scam/dashboard`);
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: /Phishing quiz: which tricks fool people in HK/ }),
    });
    await section.locator('tr[data-trick]').first().waitFor({ timeout: 10_000 });
    const rows = await section
      .locator('tr[data-trick]')
      .evaluateAll((trs) =>
        trs.map((tr) => ({ trick: tr.getAttribute('data-trick') ?? '', text: tr.textContent ?? '' })),
      );
    expect(rows.map((r) => r.trick).sort()).toEqual(Object.keys(TRUE_RATES).sort());
    for (const row of rows) {
      const match = /\(95% CI ([\d.]+)–([\d.]+)%\)/.exec(row.text);
      expect(match, row.text).not.toBeNull();
      const truth = TRUE_RATES[row.trick as keyof typeof TRUE_RATES] * 100;
      expect(Number(match?.[1]), row.trick).toBeLessThan(truth);
      expect(Number(match?.[2]), row.trick).toBeGreaterThan(truth);
      expect(row.text).toContain('of 160');
    }
    const axe = await new AxeBuilder({ page }).include('section:has(#quiz-heading)').analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await section.screenshot({ path: `${screenshots}console-quiz-section.png` });
    await context.close();
  });
});
