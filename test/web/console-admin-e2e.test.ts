import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaveat, type Caveat } from '../../src/app/caveat.js';
import { DEMO_CONSOLE_PASSWORD, seedDemo } from '../../src/app/demo-seed.js';
import { loadConfig } from '../../src/config.js';
import { buildHttpApp, type HttpApp } from '../../src/http/app.js';
import { openPgliteDatabase } from '../../src/store/pglite-database.js';
import { browserAvailable, launchChromium } from '../support/browser.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const screenshotDir = `${root}artifacts/screenshots`;
const publicDir = `${root}artifacts/tmp/e2e-admin-public`;

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

describe.skipIf(!browserAvailable)(
  'console admin: add never overwrites, the audit log reads as words',
  () => {
    let caveat: Caveat;
    let http: HttpApp;
    let baseUrl: string;
    let browser: Browser;

    beforeAll(async () => {
      await build({
        configFile: `${root}src/web/console/vite.config.ts`,
        logLevel: 'warn',
        build: { outDir: `${publicDir}/console` },
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
      await browser?.close();
      await http?.app.close();
      await caveat?.close();
    });

    async function signIn(width: number): Promise<Page> {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/console/`);
      await page.getByLabel('Email').fill('admin@demo.caveat.example');
      await page.getByLabel('Password').fill(DEMO_CONSOLE_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
      return page;
    }

    it('refuses "Add a partner" with an existing id beside the ID field, and edits in place', async () => {
      const admin = await signIn(1280);
      const [existing] = await caveat.campaigns.listPartners('HK');
      if (!existing) throw new Error('the demo has an HK partner');
      await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partners' }).click();
      await admin.getByRole('heading', { level: 2, name: 'Add a partner' }).waitFor();
      await admin.getByLabel('Partner ID').fill(existing.id);
      await admin.getByLabel('Name').fill('Singapore Police Force');
      await admin.getByLabel('Jurisdiction').selectOption('MO');
      await admin.getByRole('button', { name: 'Save partner' }).click();
      await admin.getByRole('alert').getByText('The partner was not saved.').waitFor();
      const idField = admin.getByLabel('Partner ID');
      await expect.poll(() => idField.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
      // The message sits beside the field it is about.
      await expect(
        admin.locator('form').getByText('a partner with this id already exists').first().isVisible(),
      ).resolves.toBe(true);
      expect(await caveat.campaigns.getPartner(existing.id)).toEqual(existing);
      expect(await seriousViolations(admin)).toEqual([]);

      await admin.getByRole('button', { name: `Edit ${existing.name}` }).click();
      await admin.getByRole('heading', { level: 2, name: `Edit ${existing.name}` }).waitFor();
      await admin.getByLabel('Name').fill(`${existing.name} (CSTCB)`);
      await admin.getByRole('button', { name: 'Save partner' }).click();
      await admin.getByRole('row', { name: `${existing.name} (CSTCB)` }).waitFor();
      await expect
        .poll(async () => (await caveat.campaigns.getPartner(existing.id))?.name)
        .toBe(`${existing.name} (CSTCB)`);
      expect((await caveat.campaigns.getPartner(existing.id))?.jurisdiction).toBe(existing.jurisdiction);

      // The audit log: who by name, and the edit as before → after, not JSON.
      await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
      const row = admin.getByRole('row').filter({ hasText: 'partner.update' }).first();
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain(
        '[Demo] Exchange compliance admin (admin@demo.caveat.example)',
      );
      await expect(row.locator('del').textContent()).resolves.toBe(existing.name);
      await expect(row.locator('ins').textContent()).resolves.toBe(`${existing.name} (CSTCB)`);
      await expect(row.textContent()).resolves.not.toContain('{"');
      expect(await seriousViolations(admin)).toEqual([]);
      await admin.screenshot({ path: `${screenshotDir}/console-audit-diff.png` });
      await admin.context().close();
    }, 60_000);

    it('refuses "Add a jurisdiction" HK and keeps its locales, at phone width', async () => {
      const admin = await signIn(390);
      const before = await caveat.campaigns.getJurisdiction('HK');
      await admin.goto(`${baseUrl}/console/jurisdictions`);
      await admin.getByRole('heading', { level: 2, name: 'Add a jurisdiction' }).waitFor();
      await admin.getByLabel('Code').fill('HK');
      await admin.getByLabel('Name').fill('Hong Kong');
      await admin.getByLabel('Default locale').fill('en');
      await admin.getByRole('button', { name: 'Save jurisdiction' }).click();
      await admin.getByRole('alert').getByText('The jurisdiction was not saved.').waitFor();
      await expect
        .poll(() => admin.getByLabel('Code').getAttribute('aria-invalid'), { timeout: 10_000 })
        .toBe('true');
      expect(await caveat.campaigns.getJurisdiction('HK')).toEqual(before);
      expect(await seriousViolations(admin)).toEqual([]);
      await admin.context().close();
    }, 60_000);
  },
);
