import { fileURLToPath } from 'node:url';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo-seed.js';
import { buildHttpApp, type HttpApp } from '../../src/http/app.js';
import { browserAvailable, launchChromium } from '../support/browser.js';
import { withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const publicDir = `${root}artifacts/tmp/warning-quiz-public`;

/** An exchange page that shows a decision it got from its backend, as the README's embedding does. */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Withdraw</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main><h1>Withdraw</h1>
<caveat-warning></caveat-warning></main><script type="module" src="/warning/caveat-warning.js"></script></body></html>`;

describe.skipIf(!browserAvailable)('the warning’s "test yourself" link in chromium', () => {
  let h: Harness;
  let http: HttpApp;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    for (const app of ['warning', 'quiz'])
      await build({
        configFile: `${root}src/web/${app}/vite.config.ts`,
        logLevel: 'warn',
        build: { outDir: `${publicDir}/${app}` },
      });
    h = await startHarness(await storeKinds[0]!.open(), { seed: false });
    await seedDemo(h.caveat, pino({ level: 'silent' }));
    http = await buildHttpApp(h.caveat, { publicDir });
    http.app.get('/test/withdraw', (_request, reply) => reply.type('text/html').send(PAGE));
    url = await http.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await http?.app.close();
    await h?.close();
  });

  it('opens the quiz in the warning’s language, tied to the warned user, in a new tab', async () => {
    const decision = (
      await http.app.inject({
        method: 'POST',
        url: '/v1/screenings',
        headers: bearer(h.keys.exchange),
        payload: withdrawal({ userRef: 'warned-user-21', locale: 'zh-Hant-HK', amountUsd: 800 }),
      })
    ).json();
    expect(decision.decision).toBe('warn');
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${url}/test/withdraw`);
    await page.evaluate((d) => {
      const element = document.querySelector('caveat-warning') as HTMLElement & { decision: unknown };
      element.decision = d;
    }, decision);
    const link = page.getByRole('link', { name: /測一測/ });
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/quiz\?lang=zh-Hant#t=/);
    expect(await link.getAttribute('rel')).toContain('noreferrer');
    const [quiz] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await quiz.locator('caveat-quiz h2').waitFor();
    expect(await quiz.locator('caveat-quiz section').getAttribute('lang')).toBe('zh-Hant');
    expect(new URL(quiz.url()).hash).toBe('');
    const rows = await h.caveat.db.query<{ user_ref: string; decision_id: string; locale: string }>(
      'SELECT user_ref, decision_id, locale FROM quiz_attempts',
    );
    expect(rows).toEqual([{ user_ref: 'warned-user-21', decision_id: decision.id, locale: 'zh-Hant' }]);
    await context.close();
  });
});
