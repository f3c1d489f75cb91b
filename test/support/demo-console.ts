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

export interface DemoConsole {
  caveat: Caveat;
  http: HttpApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context signed in as the demo admin, on the Campaigns page. */
  signInAsAdmin(width: number): Promise<Page>;
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
  return {
    caveat,
    http,
    baseUrl,
    browser,
    async signInAsAdmin(width) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/console/`);
      await page.getByLabel('Email').fill('admin@demo.caveat.example');
      await page.getByLabel('Password').fill(DEMO_CONSOLE_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await http.app.close();
      await caveat.close();
    },
  };
}
