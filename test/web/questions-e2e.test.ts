import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import pino from 'pino';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaveat, type Caveat } from '../../src/app/caveat.js';
import { DEMO_CONSOLE_PASSWORD, DEMO_KEYS, seedDemo } from '../../src/app/demo-seed.js';
import { assign } from '../../src/campaigns/assignment.js';
import { loadConfig } from '../../src/config.js';
import { demoCampaigns } from '../../src/demo/campaigns.js';
import { buildHttpApp, type HttpApp } from '../../src/http/app.js';
import { openPgliteDatabase } from '../../src/store/pglite-database.js';
import { browserAvailable, launchChromium } from '../support/browser.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const screenshotDir = `${root}artifacts/screenshots`;
const publicDir = `${root}artifacts/tmp/questions-e2e-public`;
const EXCHANGE_TOKEN = `cvt_${DEMO_KEYS.exchange.id}_${DEMO_KEYS.exchange.secret}`;
const hk = demoCampaigns.find((c) => c.id === 'hk-joint-anti-scam');

let userCounter = 0;
function warnedUser(): string {
  if (!hk) throw new Error('no HK demo campaign');
  for (;;) {
    userCounter += 1;
    const user = `questions-e2e-${userCounter}`;
    if (assign(hk.spec.experiment, user).arm === 'treatment') return user;
  }
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

const CASES = [
  {
    locale: 'en',
    answer: 'Someone I met online asked me',
    scam: 'Investment scam',
    notice: /paused until/,
    paused: 'Withdrawal paused',
  },
  {
    locale: 'zh-Hant-HK',
    answer: '我在網上認識的人叫我轉',
    scam: '投資騙案',
    notice: /暫停至/,
    paused: '提款已暫停',
  },
] as const;

describe.skipIf(!browserAvailable)(
  'questions, the ladder and the pilot number, end to end in chromium',
  () => {
    let caveat: Caveat;
    let http: HttpApp;
    let baseUrl: string;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const decisions: string[] = [];

    async function newPage(viewport: { width: number; height: number }, locale = 'en-GB'): Promise<Page> {
      const context = await browser.newContext({ viewport, locale, reducedMotion: 'reduce' });
      contexts.push(context);
      await context.route('https://cyberdefender.hk/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<title>Scameter stub</title>' }),
      );
      return context.newPage();
    }

    beforeAll(async () => {
      for (const app of ['warning', 'console'])
        await build({
          configFile: `${root}src/web/${app}/vite.config.ts`,
          logLevel: 'warn',
          build: { outDir: `${publicDir}/${app}` },
        });
      caveat = await startCaveat({
        config: loadConfig({ LOG_LEVEL: 'silent' }),
        logger: pino({ level: 'silent' }),
        db: await openPgliteDatabase(undefined),
        sweep: false,
        relayDelivery: false,
      });
      await seedDemo(caveat, pino({ level: 'silent' }));
      http = await buildHttpApp(caveat, { demo: true, publicDir });
      baseUrl = await http.app.listen({ host: '127.0.0.1', port: 0 });
      browser = await launchChromium();
      mkdirSync(screenshotDir, { recursive: true });
    }, 180_000);

    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await http?.app.close();
      await caveat?.close();
    });

    it.each(CASES)(
      '$locale at 390 px: "someone I met online" puts the romance/investment scam first and asks for an hour of cooling-off',
      async ({ locale, answer, scam, notice, paused }) => {
        const page = await newPage({ width: 390, height: 844 }, locale === 'en' ? 'en-GB' : 'zh-HK');
        await page.goto(`${baseUrl}/demo/withdraw?user=${warnedUser()}&jurisdiction=HK&locale=${locale}`);
        await page.getByRole('button', { name: 'Withdraw' }).click();
        const dialog = page.getByRole('alertdialog');
        await dialog.waitFor();
        const questions = dialog.locator('section.questions');
        await questions.waitFor();
        await expect(questions.locator('fieldset.question').count()).resolves.toBe(2);
        expect(await seriousViolations(page)).toEqual([]);
        // The page is not wider than the phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

        const before = Date.now();
        await dialog.getByRole('radio', { name: answer }).check();
        const ladderNotice = dialog.locator('.ladder-notice');
        await ladderNotice.waitFor({ timeout: 10_000 });
        await expect(ladderNotice.getAttribute('data-step')).resolves.toBe('cooling_off');
        await expect(ladderNotice.textContent()).resolves.toMatch(notice);
        // The tailored part: the scams come first, the one the answer points to first of them, open.
        await expect(
          dialog.locator('section[data-section]').first().getAttribute('data-section'),
        ).resolves.toBe('commonScams');
        const firstScam = dialog.locator('section[data-section="commonScams"] details').first();
        await expect(firstScam.locator('summary').textContent()).resolves.toContain(scam);
        await expect(firstScam.getAttribute('open')).resolves.not.toBeNull();
        // Cancel and "talk to us" stay the first actions; continuing is not possible while held.
        const proceed = dialog.locator('button.secondary');
        await expect(proceed.textContent()).resolves.toContain(paused);
        await expect(proceed.isDisabled()).resolves.toBe(true);
        await expect(dialog.locator('.buttons > *').first().getAttribute('class')).resolves.toBe('primary');
        await expect(dialog.locator('a.talk').getAttribute('href')).resolves.toBe('tel:18222');
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: `${screenshotDir}/warning-questions-${locale}.png`, fullPage: true });

        const decisionId = await page.evaluate(() => document.body.dataset.decisionId ?? '');
        decisions.push(decisionId);
        const status = await fetch(`${baseUrl}/v1/decisions/${decisionId}`, {
          headers: { authorization: `Bearer ${EXCHANGE_TOKEN}` },
        });
        const body = (await status.json()) as { decision: string; step: string; releaseAt: string };
        expect(body).toMatchObject({ decision: 'hold', step: 'cooling_off' });
        const hour = Date.parse(body.releaseAt) - before;
        expect(hour).toBeGreaterThan(3590_000);
        expect(hour).toBeLessThan(3615_000);

        // The exchange's backend reports that the money never left.
        const completion = await fetch(`${baseUrl}/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${EXCHANGE_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            events: [
              {
                id: `completion-${decisionId}`,
                decisionId,
                type: 'withdrawal_not_completed',
                occurredAt: new Date().toISOString(),
              },
            ],
          }),
        });
        expect(completion.status).toBe(200);
      },
      60_000,
    );

    it('the dashboard counts those users in the pilot number and under their answer', async () => {
      expect(decisions).toHaveLength(2);
      const page = await newPage({ width: 1280, height: 900 });
      await page.goto(`${baseUrl}/console/`);
      await page.getByLabel('Email').fill('analyst@demo.caveat.example');
      await page.getByLabel('Password').fill(DEMO_CONSOLE_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
      await page.getByRole('link', { name: /Hong Kong/ }).click();
      await page.getByRole('link', { name: 'Dashboard' }).click();
      const section = page.locator('section.pilot-number');
      await section.waitFor({ timeout: 10_000 });
      // Neither user cancelled or proceeded: the exchange's completion events say they did not withdraw.
      await expect(section.getByTestId('pilot-per-user').textContent()).resolves.toMatch(
        /^100(\.0)?% \(95% CI/,
      );
      await expect(section.locator('.card-detail').first().textContent()).resolves.toMatch(
        /^2 of n = 2 users/,
      );
      const row = section.getByRole('row', { name: /Someone I met online asked me/ });
      await expect(row.locator('td').first().textContent()).resolves.toBe('2');
      const coolingOff = section.getByRole('row', { name: /Cooling-off hold/ });
      await expect(coolingOff.locator('td').first().textContent()).resolves.toBe('2');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshotDir}/console-pilot-number.png`, fullPage: true });

      // Staff see both cooling-offs in the hold queue and release one after talking to the user.
      await page.getByRole('link', { name: 'Held withdrawals' }).click();
      await page.getByRole('heading', { level: 1, name: 'Held withdrawals' }).waitFor();
      for (const id of decisions) await page.getByRole('row', { name: new RegExp(id) }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: `Release ${decisions[0]}` }).click();
      await page.getByLabel('Note for the audit log').fill('Called back: they know the recipient.');
      await page.getByRole('button', { name: 'Release the withdrawal' }).click();
      await page.getByRole('status').filter({ hasText: 'released' }).waitFor();
      // The list reloads after the release: wait for the row to go rather than counting once.
      await page.getByRole('row', { name: new RegExp(decisions[0] ?? '') }).waitFor({ state: 'detached' });
      const audit = await caveat.db.query<{ actor: string; detail: { note: string } }>(
        "SELECT actor, detail FROM audit_log WHERE action = 'decision.released' AND entity_id = $1",
        [decisions[0] ?? ''],
      );
      expect(audit).toMatchObject([
        {
          actor: expect.stringContaining('analyst'),
          detail: { note: expect.stringContaining('Called back') },
        },
      ]);
    }, 60_000);

    it('the editor asks the questions in its live preview, and names a locale whose answers differ', async () => {
      const page = await newPage({ width: 1280, height: 900 });
      await page.goto(`${baseUrl}/console/`);
      await page.getByLabel('Email').fill('admin@demo.caveat.example');
      await page.getByLabel('Password').fill(DEMO_CONSOLE_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
      await page.getByRole('link', { name: /Hong Kong/ }).click();
      await page.getByRole('button', { name: 'Start a new draft' }).click();
      await page.getByRole('heading', { name: 'Draft (version 2)' }).waitFor();
      await page.getByLabel('Locale', { exact: true }).selectOption('en');
      const questions = page.locator('fieldset.list-editor', {
        has: page.locator(':scope > legend', { hasText: /^Questions$/ }),
      });
      await expect(questions.locator(':scope > fieldset.list-item').count()).resolves.toBe(2);
      const prompt = 'Who is asking you to send this?';
      await questions.getByLabel('Question', { exact: true }).first().fill(prompt);
      const preview = page.frameLocator('iframe[title="Warning preview at phone width"]');
      await expect
        .poll(() => preview.locator('caveat-warning fieldset.question legend').first().textContent(), {
          timeout: 10_000,
        })
        .toBe(prompt);
      // Answering in the preview shows the tailored part, as a user would see it.
      await preview.getByRole('radio', { name: 'Someone I met online asked me' }).check();
      await expect(preview.locator('caveat-warning .ladder-notice').getAttribute('data-step')).resolves.toBe(
        'cooling_off',
      );
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshotDir}/console-questions-editor.png`, fullPage: false });
      // An answer id changed in English only: the other locale no longer asks the same question.
      await questions.getByLabel('Answer id').nth(1).fill('online-friend');
      await page.getByRole('button', { name: 'Save draft' }).click();
      await expect(
        page
          .getByText(/must ask the same questions, with the same answer ids/)
          .first()
          .textContent(),
      ).resolves.toMatch(/zh-Hant|en/);
    }, 60_000);
  },
);
