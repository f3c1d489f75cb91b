import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caveat } from '../../src/app/caveat.js';
import { browserAvailable } from '../support/browser.js';
import {
  root,
  screenshotDir,
  seriousViolations,
  startDemoConsole,
  type DemoConsole,
} from '../support/demo-console.js';

const publicDir = `${root}artifacts/tmp/e2e-admin-public`;

describe.skipIf(!browserAvailable)(
  'console admin: add never overwrites, the audit log reads as words',
  () => {
    let caveat: Caveat;
    let baseUrl: string;
    let app: DemoConsole;

    beforeAll(async () => {
      app = await startDemoConsole(publicDir);
      ({ caveat, baseUrl } = app);
    }, 120_000);
    afterAll(async () => app?.close());

    const signIn = (width: number): Promise<Page> => app.signInAsAdmin(width);

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
