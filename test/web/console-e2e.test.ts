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
import { runSimulation } from '../../src/cli/pilot-simulator.js';
import { loadConfig } from '../../src/config.js';
import { defaultBehaviours, planPopulation } from '../../src/measurement/simulation.js';
import { demoCampaigns } from '../../src/demo/campaigns.js';
import { buildHttpApp, type HttpApp } from '../../src/http/app.js';
import { openPgliteDatabase } from '../../src/store/pglite-database.js';
import { browserAvailable, launchChromium } from '../support/browser.js';
import { withdrawal } from '../support/fixtures.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const screenshotDir = `${root}artifacts/screenshots`;
const publicDir = `${root}artifacts/tmp/e2e-public`;
const HK_CAMPAIGN = 'hk-joint-anti-scam';
const EXCHANGE_TOKEN = `cvt_${DEMO_KEYS.exchange.id}_${DEMO_KEYS.exchange.secret}`;
const hkExperiment = demoCampaigns.find((c) => c.id === HK_CAMPAIGN)?.spec.experiment;

/** A user the HK pilot warns (not in its holdout), new each call so the frequency cap never bites. */
let userCounter = 0;
function warnedHongKongUser(): string {
  if (!hkExperiment) throw new Error('no HK demo campaign');
  for (;;) {
    userCounter += 1;
    const user = `e2e-user-${userCounter}`;
    if (assign(hkExperiment, user).arm === 'treatment') return user;
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

describe.skipIf(!browserAvailable)('the warning and the console, end to end in chromium', () => {
  let caveat: Caveat;
  let http: HttpApp;
  let baseUrl: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  /** A fresh browser profile; phone-sized for the exchange page, desktop for the console. */
  async function newPage(viewport: { width: number; height: number }): Promise<Page> {
    // Reduced motion: screenshots never catch the warning's entry animation half-way.
    const context = await browser.newContext({ viewport, locale: 'en-GB', reducedMotion: 'reduce' });
    contexts.push(context);
    // The real Scameter must not be fetched from a test; a stub answers for it.
    await context.route('https://cyberdefender.hk/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Scameter stub</title><h1>Scameter</h1>' }),
    );
    return context.newPage();
  }

  /** Content-Security-Policy violations the browser reported, per page: there must be none. */
  const cspViolations: string[] = [];

  async function signIn(email: string): Promise<Page> {
    const page = await newPage({ width: 1280, height: 900 });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(`${baseUrl}/console/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_CONSOLE_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    return page;
  }

  beforeAll(async () => {
    // Serve what the source builds now, not a stale public/ from an earlier install (and never
    // rewrite public/ under another test's feet).
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
  }, 120_000);

  afterAll(async () => {
    expect(cspViolations).toEqual([]);
    for (const context of contexts) await context.close();
    await browser?.close();
    await http?.app.close();
    await caveat?.close();
  });

  it('a user sees the HK warning, waits out the countdown, opens Scameter, cancels — and the console counts it', async () => {
    const page = await newPage({ width: 375, height: 812 });
    const user = warnedHongKongUser();
    await page.goto(`${baseUrl}/demo/withdraw?user=${user}&jurisdiction=HK&locale=en`);
    await page.getByRole('button', { name: 'Withdraw' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await expect(dialog.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(/scam/i);
    const proceed = dialog.locator('button.secondary');
    await expect(proceed.isDisabled()).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // The minimum display time is real: 10 seconds in the demo campaign.
    await page.waitForFunction(
      () =>
        !document
          .querySelector('caveat-warning')
          ?.shadowRoot?.querySelector('button.secondary')
          ?.textContent?.match(/\d/),
      undefined,
      { timeout: 15_000 },
    );
    const [scameter] = await Promise.all([
      page.waitForEvent('popup'),
      dialog
        .getByRole('link', { name: /Scameter/ })
        .first()
        .click(),
    ]);
    await expect(scameter.title()).resolves.toBe('Scameter stub');
    await scameter.close();
    await dialog.getByRole('button', { name: 'Cancel withdrawal' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Withdrawal cancelled');
    const decisionId = await page.evaluate(() => document.body.dataset.decisionId ?? '');

    // The element delivers its events itself; the outcome is derived from them.
    await expect
      .poll(
        async () =>
          (
            await caveat.db.query<{ outcome: string; withdrew: boolean }>(
              'SELECT outcome, withdrew FROM outcomes WHERE decision_id = $1',
              [decisionId],
            )
          )[0],
        { timeout: 10_000 },
      )
      // Scameter was opened before the decision: the outcome is "verified", and the user did not withdraw.
      .toMatchObject({ outcome: 'verified', withdrew: false });

    const analyst = await signIn('analyst@demo.caveat.example');
    await analyst.getByRole('link', { name: /Hong Kong/ }).click();
    await analyst.getByRole('link', { name: 'Dashboard' }).click();
    const intervention = analyst.locator('.card', {
      has: analyst.getByRole('heading', { name: 'Intervention rate' }),
    });
    await expect(intervention.locator('.card-detail').textContent({ timeout: 10_000 })).resolves.toMatch(
      /^1 of n = 1 /,
    );
    await expect(intervention.locator('.card-value').textContent()).resolves.toMatch(/^100(\.0)?% \(95% CI/);
    expect(await seriousViolations(analyst)).toEqual([]);

    // A seeded pilot behind it, for a dashboard with something to show (and the README screenshot).
    const population = planPopulation(
      defaultBehaviours(600).filter((b) => b.jurisdiction === 'HK'),
      { seed: 7, runId: 'e2e', loseHoldoutReports: 0 },
    );
    const stats = await runSimulation({ url: baseUrl, apiKey: EXCHANGE_TOKEN, users: population });
    expect(stats.holdout).toBeGreaterThan(50);
    await analyst.getByRole('button', { name: 'Refresh' }).click();
    const holdoutCard = analyst.locator('.card', {
      has: analyst.getByRole('heading', { name: 'Holdout', exact: true }),
    });
    await expect
      .poll(async () => (await holdoutCard.locator('.card-value').textContent())?.replace(/,/g, ''), {
        timeout: 10_000,
      })
      .toBe(String(stats.holdout));
    expect(await seriousViolations(analyst)).toEqual([]);
    await analyst.screenshot({ path: `${screenshotDir}/console-dashboard.png`, fullPage: true });
  }, 90_000);

  it('a partner reviewer approves a draft and it is live for the next screening', async () => {
    const admin = await signIn('admin@demo.caveat.example');
    await admin.getByRole('link', { name: /Hong Kong/ }).click();
    await admin.getByRole('button', { name: 'Start a new draft' }).click();
    // The editor is replaced by the new draft's; pick the locale only once that one is there.
    await admin.getByRole('heading', { name: 'Draft (version 2)' }).waitFor();
    await admin.getByLabel('Locale', { exact: true }).selectOption('en');
    const title = '[Demo] Stop: is someone telling you to send this?';
    await admin.getByLabel('Title', { exact: true }).fill(title);
    // The live preview shows the unsaved text, in the real element, at phone width.
    const preview = admin.frameLocator('iframe[title="Warning preview at phone width"]');
    await expect
      .poll(() => preview.locator('caveat-warning').getByRole('heading', { level: 2 }).textContent(), {
        timeout: 10_000,
      })
      .toBe(title);
    await admin.screenshot({ path: `${screenshotDir}/console-draft-preview.png`, fullPage: false });
    await admin.getByRole('button', { name: 'Save draft' }).click();
    await admin.getByRole('button', { name: 'Submit for review' }).click();
    await admin.getByText('Awaiting partner review').first().waitFor();
    await expect(admin.getByRole('button', { name: 'Publish' }).isDisabled()).resolves.toBe(true);
    expect(await seriousViolations(admin)).toEqual([]);

    const reviewer = await signIn('reviewer.hk@demo.caveat.example');
    await reviewer.getByRole('link', { name: /Hong Kong/ }).click();
    await reviewer.getByText('Awaiting partner review').first().waitFor();
    // The approval is a statement per language read (test/review/review-e2e covers it in full).
    await reviewer.getByLabel('I have read the English text').check();
    await reviewer.getByLabel('I have read the 繁體中文 text').check();
    await reviewer.getByRole('button', { name: 'Approve the checked languages' }).click();
    await reviewer
      .getByText(/Approved by reviewer\.hk@demo\.caveat\.example/)
      .first()
      .waitFor();

    await admin.reload();
    await admin.getByRole('button', { name: 'Publish' }).click();
    // Publishing asks first, with the reach: jurisdiction, holdout, warnings a day, what it replaces.
    const confirmPublish = admin.getByRole('dialog', { name: 'Confirm publish of version 2' });
    await confirmPublish.waitFor();
    await confirmPublish
      .getByText(/Hong Kong/)
      .first()
      .waitFor();
    await confirmPublish.getByText('Replaces').waitFor();
    await confirmPublish.getByText('Warnings a day at the current traffic').waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.screenshot({ path: `${screenshotDir}/console-publish-confirm.png`, fullPage: false });
    await confirmPublish.getByRole('button', { name: 'Publish version 2' }).click();
    await admin
      .getByText(/published/i)
      .first()
      .waitFor();
    await expect
      .poll(
        async () => (await caveat.campaigns.listLive()).find((l) => l.campaign.id === HK_CAMPAIGN)?.version,
      )
      .toBe(2);

    const screened = await http.app.inject({
      method: 'POST',
      url: '/v1/screenings',
      headers: { authorization: `Bearer ${EXCHANGE_TOKEN}` },
      payload: withdrawal({ userRef: warnedHongKongUser(), locale: 'en' }),
    });
    expect(screened.json()).toMatchObject({ decision: 'warn', campaign: { id: HK_CAMPAIGN, version: 2 } });
    expect(screened.json().content.title).toBe(title);
  }, 90_000);

  it('a Macau user reading Portuguese gets the Portuguese warning and chrome from the real server', async () => {
    const page = await newPage({ width: 375, height: 812 });
    const moExperiment = demoCampaigns.find((c) => c.id === 'mo-joint-anti-scam')?.spec.experiment;
    let user = '';
    for (let i = 0; moExperiment && !user; i += 1)
      if (assign(moExperiment, `e2e-mo-${i}`).arm === 'treatment') user = `e2e-mo-${i}`;
    await page.goto(`${baseUrl}/demo/withdraw?user=${user}&jurisdiction=MO&locale=pt-MO`);
    await page.getByRole('button', { name: 'Withdraw' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await expect(dialog.getAttribute('lang')).resolves.toBe('pt');
    await expect(dialog.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(
      /^\[Demo\] Pare antes/,
    );
    await dialog.getByRole('button', { name: 'Cancelar levantamento' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}/warning-pt.png`, fullPage: false });
  }, 60_000);

  it('raises a sample-ratio alarm on the dashboard when an exchange stops reporting holdout outcomes', async () => {
    // Half the holdout users' outcomes never reported: the analysed split no longer matches 80/20.
    const population = planPopulation(
      defaultBehaviours(800).filter((b) => b.jurisdiction === 'MO'),
      { seed: 11, runId: 'e2e-srm', loseHoldoutReports: 0.6 },
    );
    await runSimulation({ url: baseUrl, apiKey: EXCHANGE_TOKEN, users: population });
    const analyst = await signIn('analyst@demo.caveat.example');
    await analyst.goto(`${baseUrl}/console/campaigns/mo-joint-anti-scam/dashboard`);
    const alarm = analyst.getByRole('alert').filter({ hasText: 'Sample ratio mismatch' });
    await alarm.first().waitFor({ timeout: 10_000 });
    await expect(alarm.first().textContent()).resolves.toMatch(
      /version 1 of mo-joint-anti-scam, in the decisions whose outcome was reported/,
    );
    await expect(analyst.getByText(/^Sample ratio OK/).count()).resolves.toBe(0);
    expect(await seriousViolations(analyst)).toEqual([]);
  }, 90_000);

  it('a reviewer of Macau sees only Macau campaigns, and not Hong Kong’s even by its address', async () => {
    const reviewer = await signIn('reviewer.mo@demo.caveat.example');
    const rows = reviewer.getByRole('table').getByRole('link');
    await expect(rows.allTextContents()).resolves.toEqual([expect.stringMatching(/Macau/)]);
    expect(await seriousViolations(reviewer)).toEqual([]);
    await reviewer.goto(`${baseUrl}/console/campaigns/${HK_CAMPAIGN}`);
    await reviewer.getByRole('heading', { level: 1, name: 'Campaign not found' }).waitFor();
    await reviewer.goto(`${baseUrl}/console/campaigns/${HK_CAMPAIGN}/dashboard`);
    await expect(reviewer.getByText(/Hong Kong/).count()).resolves.toBe(0);
  }, 60_000);

  it('saves jurisdictions and API keys through the admin forms, and a refused save writes nothing', async () => {
    const admin = await signIn('admin@demo.caveat.example');
    const jurisdictionCodes = async () =>
      (
        (await (await admin.request.get(`${baseUrl}/v1/admin/jurisdictions`)).json()) as {
          jurisdictions: { code: string }[];
        }
      ).jurisdictions.map((j) => j.code);
    await admin
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Jurisdictions' })
      .click();
    await admin.getByRole('heading', { level: 2, name: 'Add a jurisdiction' }).waitFor();
    await admin.getByLabel('Code').fill('SG');
    await admin.getByLabel('Name').fill('Singapore');
    await admin.getByLabel('Default locale').fill('not a locale!');
    await admin.getByRole('button', { name: 'Save jurisdiction' }).click();
    await admin.getByRole('alert').getByText('The jurisdiction was not saved.').waitFor();
    await expect
      .poll(() => admin.getByLabel('Default locale').getAttribute('aria-invalid'), { timeout: 10_000 })
      .toBe('true');
    expect(await jurisdictionCodes()).not.toContain('SG');

    await admin.getByLabel('Default locale').fill('en');
    await admin.getByRole('button', { name: 'Save jurisdiction' }).click();
    await admin.getByRole('status').getByText('Saved Singapore.').waitFor();
    await admin.getByRole('row', { name: /Singapore/ }).waitFor();
    expect(await jurisdictionCodes()).toContain('SG');
    await admin.getByRole('button', { name: 'Edit Singapore' }).click();
    // The form the row opened takes the keyboard focus.
    await expect.poll(() => admin.evaluate(() => document.activeElement?.textContent)).toBe('Edit Singapore');

    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
    await admin.getByLabel('Key name').fill('E2E lookup key');
    await admin.getByLabel(/^lookup:/).check();
    await admin.getByRole('button', { name: 'Create API key' }).click();
    const token = (await admin.locator('code.token').textContent()) ?? '';
    const lookup = () =>
      fetch(`${baseUrl}/v1/lookup?q=${encodeURIComponent('https://cyberdefender.hk/')}`, {
        headers: { authorization: `Bearer ${token}` },
      }).then((response) => response.status);
    await expect(lookup()).resolves.toBe(200);
    await admin.getByRole('button', { name: 'Revoke E2E lookup key' }).click();
    await admin.getByRole('button', { name: 'Yes, revoke key' }).click();
    await admin
      .getByRole('row', { name: /E2E lookup key/ })
      .getByText(/^Revoked/)
      .waitFor();
    await expect(lookup()).resolves.toBe(401);
  }, 60_000);

  it('has no serious or critical axe violations on the sign-in and admin pages', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    const response = await page.goto(`${baseUrl}/console/`);
    // Only its own scripts, never framed (the preview frame may be framed by the console only).
    expect(response?.headers()['content-security-policy']).toMatch(
      /script-src 'self';.*frame-ancestors 'none'/,
    );
    const preview = await page.request.get(`${baseUrl}/console/preview.html`);
    expect(preview.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const admin = await signIn('admin@demo.caveat.example');
    for (const name of ['Jurisdictions', 'Partners', 'API keys', 'Users', 'Audit log']) {
      await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
      await admin.getByRole('heading', { level: 1, name }).waitFor();
      await admin.getByRole('table').first().waitFor();
      expect({ page: name, violations: await seriousViolations(admin) }).toEqual({
        page: name,
        violations: [],
      });
    }
  }, 90_000);
});
