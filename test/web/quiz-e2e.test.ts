import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo-seed.js';
import { buildHttpApp, type HttpApp } from '../../src/http/app.js';
import { browserAvailable, launchChromium } from '../support/browser.js';
import { withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const publicDir = `${root}artifacts/tmp/quiz-public`;
const screenshots = `${root}artifacts/screenshots/`;

describe.skipIf(!browserAvailable)('the /quiz page and <caveat-quiz> in chromium at phone width', () => {
  let h: Harness;
  let http: HttpApp;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    await build({
      configFile: `${root}src/web/quiz/vite.config.ts`,
      logLevel: 'warn',
      build: { outDir: `${publicDir}/quiz` },
    });
    h = await startHarness(await storeKinds[0]!.open(), { seed: false });
    await seedDemo(h.caveat, pino({ level: 'silent' }));
    http = await buildHttpApp(h.caveat, { publicDir });
    url = await http.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    mkdirSync(screenshots, { recursive: true });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await http?.app.close();
    await h?.close();
  });

  async function noSeriousViolations(page: Page): Promise<void> {
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
  }

  /** Answers every question (option `pick(index)`), checking each explanation; returns the score line. */
  async function takeQuiz(page: Page, pick: (index: number) => number, name: string): Promise<string[]> {
    const explanations: string[] = [];
    for (let index = 0; index < 8; index += 1) {
      const heading = page.locator('caveat-quiz h2');
      await heading.waitFor();
      const options = page.locator('caveat-quiz button.option');
      const count = await options.count();
      expect(count).toBeGreaterThanOrEqual(2);
      await options.nth(pick(index) % count).click();
      const feedback = page.locator('caveat-quiz .feedback');
      await feedback.waitFor();
      const explanation = (await page.locator('caveat-quiz .explanation').textContent()) ?? '';
      expect(explanation.length).toBeGreaterThan(20);
      explanations.push(explanation);
      // The feedback heading has focus, so a screen reader reads the verdict next.
      expect(
        await page.evaluate(() => document.querySelector('caveat-quiz')?.shadowRoot?.activeElement?.tagName),
      ).toBe('H3');
      if (index === 0) {
        await noSeriousViolations(page);
        await page.screenshot({ path: `${screenshots}quiz-${name}-explanation.png`, fullPage: true });
      }
      await page.locator('caveat-quiz .feedback button.primary').click();
    }
    return explanations;
  }

  it('zh-Hant: draws, explains, scores, passes axe, and the attempt lands in the store', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-HK' });
    const page = await context.newPage();
    await page.goto(`${url}/quiz?lang=zh-Hant&jurisdiction=HK`);
    await expect(page.locator('h1').textContent()).resolves.toBe('你識破騙局嗎？');
    await page.locator('caveat-quiz h2').waitFor();
    expect(await page.locator('caveat-quiz section').getAttribute('lang')).toBe('zh-Hant');
    await noSeriousViolations(page);
    const explanations = await takeQuiz(page, (i) => i, 'zh-Hant');
    expect(explanations.join(' ')).toMatch(/防騙視伏器 Scameter|18222/);
    const score = (await page.locator('caveat-quiz .score').textContent()) ?? '';
    expect(score).toMatch(/^你識破了 8 題中的 \d 題。$/);
    await noSeriousViolations(page);
    await page.screenshot({ path: `${screenshots}quiz-zh-Hant-score.png`, fullPage: true });
    const rows = await h.caveat.db.query<{
      locale: string;
      user_ref: string | null;
      answers: string;
      right: string;
    }>(
      `SELECT a.locale, a.user_ref, count(q.*) AS answers, count(q.*) FILTER (WHERE NOT q.fooled) AS right
       FROM quiz_attempts a JOIN quiz_answers q ON q.attempt_id = a.id GROUP BY a.id`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ locale: 'zh-Hant', user_ref: null });
    expect(Number(rows[0]?.answers)).toBe(8);
    expect(score).toContain(`中的 ${Number(rows[0]?.right)} 題`);
    await context.close();
  });

  it('en: picks Hong Kong on the page, every answer right scores 8 of 8', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${url}/quiz?lang=en`);
    await page.selectOption('#jurisdiction', 'HK');
    await page.click('#pick button[type=submit]');
    // The right answers, from the published bank, as an informed user would pick them.
    const spec = (
      await h.caveat.db.query<{
        spec: { questions: { id: string; correct: string; text: { en: { prompt: string } } }[] };
      }>(`SELECT spec FROM quiz_versions WHERE jurisdiction = 'HK' AND state = 'published'`)
    )[0]!.spec;
    for (let index = 0; index < 8; index += 1) {
      await page.locator('caveat-quiz h2').waitFor();
      const attempt = (
        await h.caveat.db.query<{ questions: { id: string; optionOrder: string[] }[] }>(
          'SELECT questions FROM quiz_attempts ORDER BY started_at DESC LIMIT 1',
        )
      )[0]!;
      const drawn = attempt.questions[index]!;
      const correct = spec.questions.find((q) => q.id === drawn.id)!.correct;
      await page.locator('caveat-quiz button.option').nth(drawn.optionOrder.indexOf(correct)).click();
      await expect(page.locator('caveat-quiz .feedback h3').textContent()).resolves.toBe(
        'Right: you spotted it.',
      );
      if (index === 0) {
        await noSeriousViolations(page);
        await page.screenshot({ path: `${screenshots}quiz-en-explanation.png`, fullPage: true });
      }
      await page.locator('caveat-quiz .feedback button.primary').click();
    }
    await expect(page.locator('caveat-quiz .score').textContent()).resolves.toBe('You spotted 8 of 8.');
    await noSeriousViolations(page);
    await page.screenshot({ path: `${screenshots}quiz-en-score.png`, fullPage: true });
    await context.close();
  });

  it('from a warning’s link, ties the attempt to the warned user and clears the token from the address', async () => {
    const decision = (
      await http.app.inject({
        method: 'POST',
        url: '/v1/screenings',
        headers: bearer(h.keys.exchange),
        payload: withdrawal({ userRef: 'warned-user-9', amountUsd: 900 }),
      })
    ).json();
    expect(decision.eventToken).toBeTruthy();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${url}/quiz?lang=en#t=${encodeURIComponent(decision.eventToken)}`);
    await page.locator('caveat-quiz h2').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.locator('#pick').isHidden()).toBe(true);
    const rows = await h.caveat.db.query<{ user_ref: string; decision_id: string; jurisdiction: string }>(
      'SELECT user_ref, decision_id, jurisdiction FROM quiz_attempts WHERE user_ref IS NOT NULL',
    );
    expect(rows).toEqual([{ user_ref: 'warned-user-9', decision_id: decision.id, jurisdiction: 'HK' }]);
    // A token that starts nothing (no quiz there, or not ours): the reader gets the picker instead.
    await page.close();
    const stranger = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await stranger.goto(`${url}/quiz?lang=en#t=cvtev_unknown.abcdefghijklmnop`);
    await stranger.locator('caveat-quiz [role=alert]').waitFor({ timeout: 10_000 });
    await stranger.locator('#pick').waitFor({ state: 'visible', timeout: 10_000 });
    await stranger.close();
  });
});
