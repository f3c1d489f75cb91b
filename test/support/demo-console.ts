import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { startCaveat, type Caveat } from '../../src/app/caveat.js';
import { DEMO_CONSOLE_PASSWORD, seedDemo } from '../../src/app/demo-seed.js';
import { loadConfig } from '../../src/config.js';
import { buildHttpApp, type HttpApp } from '../../src/http/app.js';
import { openPgliteDatabase } from '../../src/store/pglite-database.js';
import { launchChromium } from './browser.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const screenshotDir = `${root}artifacts/screenshots`;

/** axe findings a user would hit (serious or critical), as "rule: targets" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

/** How far the page reaches past the viewport sideways (0 when nothing scrolls sideways). */
export const sidewaysOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Waits until a console page has its heading and has stopped loading (no "Loading …" status left). */
export async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('main .loading').length === 0, undefined, {
    timeout: 15_000,
  });
  await page.evaluate(() => document.fonts.ready);
}

export interface DemoConsole {
  caveat: Caveat;
  http: HttpApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context signed in as the demo admin, on the Campaigns page. */
  signInAsAdmin(width: number): Promise<Page>;
  /** A fresh browser context signed in as anyone (the demo password unless given), on Campaigns. */
  signInAs(email: string, width: number, password?: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The demo instance with the console built from the source into its own public directory (never
 * rewriting public/ under another test's feet), listening on a free port, and Chromium.
 * `prepare` runs on the seeded instance before it listens.
 */
export async function startDemoConsole(
  publicDir: string,
  prepare: (caveat: Caveat) => Promise<void> = async () => undefined,
): Promise<DemoConsole> {
  await build({
    configFile: `${root}src/web/console/vite.config.ts`,
    logLevel: 'warn',
    build: { outDir: `${publicDir}/console` },
  });
  const caveat = await startCaveat({
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    logger: pino({ level: 'silent' }),
    db: await openPgliteDatabase(undefined),
    sweep: false,
    relayDelivery: false,
  });
  await seedDemo(caveat, pino({ level: 'silent' }));
  await prepare(caveat);
  const http = await buildHttpApp(caveat, { demo: true, publicDir });
  const baseUrl = await http.app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchChromium();
  mkdirSync(screenshotDir, { recursive: true });
  async function signInAs(email: string, width: number, password = DEMO_CONSOLE_PASSWORD): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/console/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    return page;
  }
  return {
    caveat,
    http,
    baseUrl,
    browser,
    signInAsAdmin: (width) => signInAs('admin@demo.caveat.example', width),
    signInAs,
    async close() {
      await browser.close();
      await http.app.close();
      await caveat.close();
    },
  };
}
