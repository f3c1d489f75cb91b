import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp, type HttpApp } from '../../src/http/app.js';
import { browserAvailable, launchChromium } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const publicDir = `${root}artifacts/tmp/console-totp-public`;
const PASSWORD = 'a long enough password';

const codeFor = (secret: string) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();

describe.skipIf(!browserAvailable)('console two-factor sign-in in chromium', () => {
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
    h = await startHarness(await storeKinds[0]!.open(), {
      seed: false,
      env: { CONSOLE_REQUIRE_TOTP_FOR_ADMINS: 'true' },
    });
    await h.caveat.users.create(
      {
        email: 'admin@x.test',
        name: 'Ada Admin',
        role: 'admin',
        jurisdiction: null,
        partnerId: null,
        password: PASSWORD,
      },
      'test',
    );
    http = await buildHttpApp(h.caveat, { publicDir });
    url = await http.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  }, 120_000);
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

  async function passwordStep(page: Page): Promise<void> {
    await page.goto(`${url}/console/`);
    await page.getByLabel('Email').fill('admin@x.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('an admin enrols right after the password, then signs in with the code', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await passwordStep(page);
    // Held at enrolment: no navigation, only the set-up.
    await page.getByRole('heading', { level: 1, name: 'Two-factor sign-in' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Main' }).count()).resolves.toBe(0);
    await noSeriousViolations(page);
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await page.getByLabel('Set-up key').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('Code from the app').fill(codeFor(secret));
    await page.getByRole('button', { name: 'Confirm code' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    await context.close();

    // A new browser: the password, then the code the form now asks for.
    const again = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const second = await again.newPage();
    await passwordStep(second);
    const codeField = second.getByLabel('Code from your authenticator app');
    await codeField.waitFor();
    await expect(codeField.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await noSeriousViolations(second);
    await codeField.fill('000000' === codeFor(secret) ? '111111' : '000000');
    await second.getByRole('button', { name: 'Sign in' }).click();
    await second.getByRole('alert').filter({ hasText: 'not the one your authenticator app shows' }).waitFor();
    await codeField.fill(codeFor(secret));
    await second.getByRole('button', { name: 'Sign in' }).click();
    await second.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    await again.close();
  });

  it("an admin resets another admin's two-factor from the Users page (a lost phone), after a confirmation", async () => {
    const bea = await h.caveat.users.create(
      {
        email: 'bea@x.test',
        name: 'Bea Admin',
        role: 'admin',
        jurisdiction: null,
        partnerId: null,
        password: PASSWORD,
      },
      'test',
    );
    const enrol = async (id: string) => {
      const secret = new OTPAuth.Secret().base32;
      await h.caveat.users.startTotp(id, secret);
      await h.caveat.users.enableTotp(id, secret, 'test');
      return secret;
    };
    const beaSecret = await enrol(bea.id);
    // Ada has enrolled in the test above; alone, this test enrols her itself.
    const adaBefore = (await h.caveat.users.list()).find((u) => u.email === 'admin@x.test');
    if (adaBefore && !adaBefore.totpEnabled) await enrol(adaBefore.id);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${url}/console/`);
    await page.getByLabel('Email').fill('bea@x.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Code from your authenticator app').fill(codeFor(beaSecret));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    const adaRow = page.getByRole('row').filter({ hasText: 'admin@x.test' });
    await expect.poll(() => adaRow.getByRole('cell').nth(5).textContent()).toBe('On');
    // No reset for oneself: that would be a way around one's own second factor.
    await expect(page.getByRole('button', { name: 'Reset two-factor for bea@x.test' }).count()).resolves.toBe(
      0,
    );
    await page.getByRole('button', { name: 'Reset two-factor for admin@x.test' }).click();
    await page.getByRole('button', { name: 'Yes, reset two-factor' }).click();
    await page.getByRole('status').filter({ hasText: "Ada Admin's two-factor sign-in is off" }).waitFor();
    await expect.poll(() => adaRow.getByRole('cell').nth(5).textContent()).toBe('Off');
    const ada = (await h.caveat.users.list()).find((u) => u.email === 'admin@x.test');
    expect(ada?.totpEnabled).toBe(false);
    await noSeriousViolations(page);
    await context.close();

    // Ada signs in with her password alone and is held at enrolment again (admins must have it).
    const again = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const adaPage = await again.newPage();
    await passwordStep(adaPage);
    await adaPage.getByRole('heading', { level: 1, name: 'Two-factor sign-in' }).waitFor();
    await again.close();
  });
});
