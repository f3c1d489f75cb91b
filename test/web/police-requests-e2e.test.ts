import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AxeBuilder } from '@axe-core/playwright';
import { unzipSync, zipSync } from 'fflate';
import * as OTPAuth from 'otpauth';
import pino from 'pino';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaveat, type Caveat } from '../../src/app/caveat.js';
import { DEMO_CONSOLE_PASSWORD, DEMO_USERS, seedDemo } from '../../src/app/demo-seed.js';
import { loadConfig } from '../../src/config.js';
import { buildHttpApp, type HttpApp } from '../../src/http/app.js';
import { openPgliteDatabase } from '../../src/store/pglite-database.js';
import { browserAvailable, launchChromium } from '../support/browser.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const screenshotDir = `${root}artifacts/screenshots`;
const publicDir = `${root}artifacts/tmp/police-e2e-public`;
/** The made-up [Demo] reported TRON address of the demo indicators (README). */
const REPORTED_WALLET = 'TB71wT152mrwnUrZFSa1cVP7a5tRuYkrCN';
const OFFICER_PASSWORD = 'e2e-officer-password-1';
const HK_OFFICER = 'officer.chan@hkpf.demo.caveat.example';
const UK_OFFICER = 'officer.smith@met.demo.caveat.example';
/** The demo seed's police-request responder (role le_responder). */
const RESPONDER = 'responder@demo.caveat.example';

/** A small valid one-page PDF (header, catalog, pages, page, xref with exact offsets, trailer). */
function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

/** Decodes what a mail file may hold: quoted-printable soft breaks and escapes, or JSON strings. */
function mailText(raw: string): string {
  const unfolded = /quoted-printable/i.test(raw)
    ? raw
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : raw;
  return unfolded.replace(/\\u0026/g, '&').replace(/&amp;/g, '&');
}

describe.skipIf(!browserAvailable)('police requests, end to end in chromium', () => {
  let caveat: Caveat;
  let http: HttpApp;
  let baseUrl: string;
  let browser: Browser;
  let outbox: string;
  let work: string;
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];
  /** What the first test files and the later ones check. */
  const filed = { id: '', caseNumber: '' };

  async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({
      viewport,
      locale: 'en-GB',
      reducedMotion: 'reduce',
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    return page;
  }

  /** The confirmation link mailed to one address, read from the file outbox once it is there. */
  async function confirmationPath(email: string): Promise<string> {
    let found = '';
    await expect
      .poll(
        () => {
          for (const name of readdirSync(outbox)) {
            const text = mailText(readFileSync(join(outbox, name), 'utf8'));
            if (!text.includes(email)) continue;
            const match = /\/police\/confirm\?token=[A-Za-z0-9_\-.%]+/.exec(text);
            if (match) found = match[0];
          }
          return found;
        },
        { timeout: 10_000 },
      )
      .not.toBe('');
    return found;
  }

  async function consoleSignIn(email: string, landing: string): Promise<Page> {
    const page = await newPage();
    await page.goto(`${baseUrl}/console/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_CONSOLE_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: landing }).waitFor();
    return page;
  }

  async function signUpAndConfirm(page: Page, agency: RegExp, email: string, name: string): Promise<void> {
    await page.goto(`${baseUrl}/police/signup`);
    await page.getByLabel('Agency').selectOption({ label: (await agencyLabel(page, agency)) ?? '' });
    await page.getByLabel('Official email').fill(email);
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Password').fill(OFFICER_PASSWORD);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your mailbox' }).waitFor();
    await page.goto(`${baseUrl}${await confirmationPath(email)}`);
    await page.getByRole('button', { name: 'Confirm my address' }).click();
    await page
      .getByRole('status')
      .getByText(/Your address is confirmed/)
      .waitFor();
  }

  async function agencyLabel(page: Page, agency: RegExp): Promise<string | undefined> {
    const select = page.getByLabel('Agency');
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
    return (await select.locator('option').allTextContents()).find((label) => agency.test(label));
  }

  async function approve(admin: Page, email: string): Promise<void> {
    await admin
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Police officers' })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'Police officers' }).waitFor();
    await admin.getByRole('button', { name: `Approve ${email}` }).click();
    await admin
      .getByRole('status')
      .getByText(/can now sign in and file requests/)
      .waitFor();
  }

  async function officerSignIn(page: Page, email: string): Promise<void> {
    await page.goto(`${baseUrl}/police/signin`);
    await page.getByLabel('Official email').fill(email);
    await page.getByLabel('Password').fill(OFFICER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  beforeAll(async () => {
    for (const app of ['console', 'police'])
      await build({
        configFile: `${root}src/web/${app}/vite.config.ts`,
        logLevel: 'warn',
        build: { outDir: `${publicDir}/${app}` },
      });
    work = mkdtempSync(join(tmpdir(), 'caveat-police-e2e-'));
    outbox = join(work, 'outbox');
    mkdirSync(outbox);
    caveat = await startCaveat({
      // The per-address sign-in limit is not under test here; the per-account lockout is.
      config: loadConfig({
        LOG_LEVEL: 'silent',
        MAIL_TRANSPORT: `file:${outbox}`,
        SIGN_IN_PER_MINUTE: '100',
      }),
      logger: pino({ level: 'silent' }),
      db: await openPgliteDatabase(undefined),
      sweep: false,
      relayDelivery: false,
    });
    await seedDemo(caveat, pino({ level: 'silent' }));
    expect(DEMO_USERS.find((user) => user.email === RESPONDER)?.role).toBe('le_responder');
    http = await buildHttpApp(caveat, { demo: true, publicDir });
    baseUrl = await http.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    mkdirSync(screenshotDir, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    expect(cspViolations).toEqual([]);
    for (const context of contexts) await context.close();
    await browser?.close();
    await http?.app.close();
    await caveat?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('an HK officer signs up with the agency domain, confirms by the mailed link, is approved and files a disclosure request with an order', async () => {
    // Phone-sized: the portal is used from the field as much as from a desk.
    const officer = await newPage({ width: 390, height: 844 });
    const response = await officer.goto(`${baseUrl}/police/signup`);
    expect(response?.headers()['content-security-policy']).toMatch(
      /script-src 'self';.*frame-ancestors 'none'/,
    );
    // An address outside the agency's official domains is refused beside the email field.
    await officer
      .getByLabel('Agency')
      .selectOption({ label: (await agencyLabel(officer, /Hong Kong/)) ?? '' });
    await officer.getByLabel('Official email').fill('officer.chan@gmail.com');
    await officer.getByLabel('Full name').fill('[Demo] Officer Chan');
    await officer.getByLabel('Password').fill(OFFICER_PASSWORD);
    await officer.getByRole('button', { name: 'Sign up' }).click();
    await officer.getByRole('alert').getByText('You are not signed up yet.').waitFor();
    await expect
      .poll(() => officer.getByLabel('Official email').getAttribute('aria-invalid'), { timeout: 10_000 })
      .toBe('true');
    expect(await seriousViolations(officer)).toEqual([]);

    await signUpAndConfirm(officer, /Hong Kong/, HK_OFFICER, '[Demo] Officer Chan');
    expect(await seriousViolations(officer)).toEqual([]);

    // Confirmed but not approved: no filing yet.
    await officerSignIn(officer, HK_OFFICER);
    await officer.getByRole('alert').waitFor();
    await expect(officer.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sign in');

    const admin = await consoleSignIn('admin@demo.caveat.example', 'Campaigns');
    await approve(admin, HK_OFFICER);
    expect(await seriousViolations(admin)).toEqual([]);

    await officerSignIn(officer, HK_OFFICER);
    await officer.getByRole('heading', { level: 1, name: 'My agency’s requests' }).waitFor();
    await officer.getByText('Your agency has not filed any request yet.').waitFor();
    expect(await seriousViolations(officer)).toEqual([]);

    await officer.getByRole('link', { name: 'File a new request' }).click();
    await officer.getByRole('heading', { level: 1, name: 'New request' }).waitFor();
    await officer.getByLabel('Type of request').selectOption('disclosure');
    await officer
      .getByLabel('Legal basis')
      .fill('[Demo] Production order under s. 3 of the Organized and Serious Crimes Ordinance (Cap. 455)');
    await officer.getByLabel('Your agency’s reference').fill('[Demo] CSTCB-2026-0042');
    await officer.getByLabel('Identifier 1', { exact: true }).fill(REPORTED_WALLET);
    await officer.getByLabel('Network of identifier 1 (optional)').fill('TRC20');
    await officer.getByLabel('Scam indicator').check();
    await officer.getByLabel('Decision', { exact: true }).check();
    await officer.getByLabel('Exact amount (USD)').check();
    await officer
      .getByLabel('Description')
      .fill('[Demo] Victims of an investment scam were told to send USDT to this wallet.');
    await officer.getByLabel(/^Order or warrant/).setInputFiles({
      name: 'production-order.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf(),
    });
    expect(await seriousViolations(officer)).toEqual([]);
    await officer.getByRole('button', { name: 'File request' }).click();
    const heading = officer.getByRole('heading', { level: 1, name: /^Request LE-/ });
    await heading.waitFor();
    filed.caseNumber = ((await heading.textContent()) ?? '').replace(/^Request /, '');
    filed.id = decodeURIComponent(new URL(officer.url()).pathname.split('/').at(-1) ?? '');
    expect(filed.caseNumber).toMatch(/^LE-\d{4}-\d+$/);
    await officer
      .getByRole('status')
      .getByText(new RegExp(`Request ${filed.caseNumber} was filed`))
      .waitFor();
    await officer.getByText('production-order.pdf').waitFor();
    await officer.getByText(/^Due$/).first().waitFor();

    // A text file named .pdf is refused by its content, beside the file field.
    await officer.getByLabel(/^Attach an order/).setInputFiles({
      name: 'not-really.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('this is plain text, not a PDF\n'),
    });
    await officer.getByRole('button', { name: 'Attach', exact: true }).click();
    await expect
      .poll(() => officer.getByLabel(/^Attach an order/).getAttribute('aria-invalid'), { timeout: 10_000 })
      .toBe('true');
    await expect(officer.getByText('not-really.pdf').count()).resolves.toBe(0);
    expect(await seriousViolations(officer)).toEqual([]);
    await officer.screenshot({ path: `${screenshotDir}/police-portal-request.png`, fullPage: true });
  }, 120_000);

  it('the responder sees it with its timer and answers with two allowed fields; a field outside the policy is disabled, and only an admin can override it', async () => {
    expect(filed.id).not.toBe('');
    const responder = await consoleSignIn(RESPONDER, 'Police requests');
    const row = responder.getByRole('row', { name: new RegExp(filed.caseNumber) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Due.*due in (29|30) days/);
    await expect(row.textContent()).resolves.toContain('Disclosure');
    expect(await seriousViolations(responder)).toEqual([]);
    await row.getByRole('link', { name: filed.caseNumber }).click();
    await responder.getByRole('heading', { level: 1, name: `Police request ${filed.caseNumber}` }).waitFor();
    await responder.getByRole('button', { name: 'Assign to me' }).click();
    await responder.getByRole('status').getByText('Assigned to you.').waitFor();

    const answer = responder.locator('section', { has: responder.getByRole('heading', { name: 'Answer' }) });
    const outside = answer.getByLabel('Exact amount (USD) (asked for)');
    await outside.waitFor();
    await expect(outside.isDisabled()).resolves.toBe(true);
    await answer
      .getByText(/Outside the agency’s data-sharing policy/)
      .first()
      .waitFor();
    // A responder has no override: the control is not there at all.
    await expect(answer.getByLabel(/administrator override/).count()).resolves.toBe(0);
    const allowed = [
      answer.getByLabel('Scam indicator (asked for)'),
      answer.getByLabel('Decision (asked for)'),
    ];
    for (const box of allowed) {
      await expect(box.isDisabled()).resolves.toBe(false);
      await box.check();
    }
    await answer.getByText('2 fields selected.').waitFor();
    expect(await seriousViolations(responder)).toEqual([]);
    await responder.screenshot({ path: `${screenshotDir}/console-police-answer.png`, fullPage: true });

    // The override path is an administrator's: ticking it unlocks the field and asks for a reason.
    const admin = await consoleSignIn('admin@demo.caveat.example', 'Campaigns');
    await admin.goto(`${baseUrl}/console/police-requests/${encodeURIComponent(filed.id)}`);
    const adminAnswer = admin.locator('section', { has: admin.getByRole('heading', { name: 'Answer' }) });
    const adminOutside = adminAnswer.getByLabel('Exact amount (USD) (asked for)');
    await adminOutside.waitFor();
    await expect(adminOutside.isDisabled()).resolves.toBe(true);
    await adminAnswer.getByLabel(/administrator override/).check();
    await expect(adminOutside.isDisabled()).resolves.toBe(false);
    await adminAnswer.getByLabel('Override reason').waitFor();
    expect(await seriousViolations(admin)).toEqual([]);

    await responder.getByRole('button', { name: 'Send answer and build the evidence pack' }).click();
    await responder.getByRole('heading', { level: 2, name: 'Answer sent' }).waitFor();
    await expect(
      responder.getByRole('table', { name: 'Disclosed records' }).getByRole('row').count(),
    ).resolves.toBe(3);

    // The disclosure log shows that answer, and a search for the subject finds it.
    await responder
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Disclosure log' })
      .click();
    await responder.getByLabel('Subject').fill(REPORTED_WALLET);
    await responder.getByRole('button', { name: 'Search' }).click();
    const logRows = responder
      .getByRole('table', { name: 'Disclosures' })
      .getByRole('row', { name: new RegExp(filed.caseNumber) });
    await expect.poll(() => logRows.count()).toBe(2);
    await expect(logRows.first().textContent()).resolves.toContain(HK_OFFICER);
    expect(await seriousViolations(responder)).toEqual([]);
    const csv = await responder.request.get(`${baseUrl}/v1/admin/disclosures/export?format=csv`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(filed.caseNumber);
  }, 120_000);

  it('the officer downloads the evidence pack; caveat evidence verify accepts it, and names the file when one byte changes', async () => {
    expect(filed.caseNumber).not.toBe('');
    const officer = await newPage();
    await officerSignIn(officer, HK_OFFICER);
    await officer.getByRole('heading', { level: 1, name: 'My agency’s requests' }).waitFor();
    await officer.getByRole('link', { name: filed.caseNumber }).click();
    await officer.getByText(/^Answered /).waitFor();
    await expect(
      officer.getByRole('table', { name: 'Disclosed records' }).getByRole('row').count(),
    ).resolves.toBe(3);
    expect(await seriousViolations(officer)).toEqual([]);
    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByRole('link', { name: /Download the evidence pack/ }).click(),
    ]);
    const pack = join(work, 'pack.zip');
    await download.saveAs(pack);

    const verify = (file: string) =>
      run('node', ['--import', 'tsx', 'src/cli/main.ts', 'evidence', 'verify', file, '--url', baseUrl], {
        cwd: root,
      }).then(
        (done) => ({ code: 0, output: done.stdout + done.stderr }),
        (failed: { code?: number; stdout?: string; stderr?: string }) => ({
          code: failed.code ?? 1,
          output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`,
        }),
      );
    const good = await verify(pack);
    expect(good).toMatchObject({ code: 0 });

    const entries = unzipSync(readFileSync(pack));
    expect(Object.keys(entries)).toEqual(
      expect.arrayContaining([
        'records.json',
        'records.csv',
        'intelligence.stix.json',
        'manifest.json',
        'manifest.sig',
      ]),
    );
    const records = entries['records.json'];
    if (!records) throw new Error('no records.json in the pack');
    const changed = Uint8Array.from(records);
    // One byte: a digit or letter becomes another, so the JSON stays JSON and only the hash can tell.
    const at = changed.findIndex((byte) => byte >= 0x61 && byte <= 0x7a);
    changed[at] = changed[at] === 0x61 ? 0x62 : 0x61;
    const tampered = join(work, 'tampered.zip');
    writeFileSync(tampered, zipSync({ ...entries, 'records.json': changed }));
    const bad = await verify(tampered);
    expect(bad.code).not.toBe(0);
    expect(bad.output).toContain('records.json');
  }, 120_000);

  it('an officer of another agency (the UK) sees none of it', async () => {
    expect(filed.caseNumber).not.toBe('');
    const uk = await newPage();
    await signUpAndConfirm(uk, /Metropolitan Police/, UK_OFFICER, '[Demo] Officer Smith');
    const admin = await consoleSignIn('admin@demo.caveat.example', 'Campaigns');
    await approve(admin, UK_OFFICER);
    await officerSignIn(uk, UK_OFFICER);
    await uk.getByRole('heading', { level: 1, name: 'My agency’s requests' }).waitFor();
    await uk.getByText('Your agency has not filed any request yet.').waitFor();
    await expect(uk.getByText(filed.caseNumber).count()).resolves.toBe(0);
    await uk.goto(`${baseUrl}/police/requests/${encodeURIComponent(filed.id)}`);
    await uk.getByText('There is no request of your agency at this address.').waitFor();
    const pack = await uk.request.get(
      `${baseUrl}/police/api/requests/${encodeURIComponent(filed.id)}/evidence-pack`,
    );
    expect(pack.status()).toBe(404);
    // The portal's page answers its own paths, never an unknown API path.
    const unknown = await uk.request.get(`${baseUrl}/police/api/no-such-route`);
    expect(unknown.status()).toBe(404);
    expect(unknown.headers()['content-type']).toMatch(/^application\/problem\+json/);
    expect(await seriousViolations(uk)).toEqual([]);
  }, 120_000);

  it('an officer sets up an authenticator app, then needs its code; repeated wrong passwords lock the account', async () => {
    const uk = await newPage({ width: 390, height: 844 });
    await officerSignIn(uk, UK_OFFICER);
    await uk.getByRole('heading', { level: 1, name: 'My agency’s requests' }).waitFor();
    await uk.getByRole('link', { name: 'Sign-in security' }).click();
    await uk.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = ((await uk.getByLabel('Setup key').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const code = () => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
    await uk.getByLabel('Code from the app').fill(code());
    expect(await seriousViolations(uk)).toEqual([]);
    await uk.getByRole('button', { name: 'Confirm code' }).click();
    await uk
      .getByRole('status')
      .getByText(/Your authenticator app is set up/)
      .waitFor();
    await uk.getByRole('button', { name: 'Sign out' }).click();
    await uk.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    await officerSignIn(uk, UK_OFFICER);
    await uk.getByRole('alert').getByText('Enter the six-digit code from your authenticator app.').waitFor();
    await uk.getByLabel('Authenticator code').fill(code());
    await uk.getByRole('button', { name: 'Sign in' }).click();
    await uk.getByRole('heading', { level: 1, name: 'My agency’s requests' }).waitFor();
    await uk.getByRole('button', { name: 'Sign out' }).click();
    await uk.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    // Five wrong passwords lock the account; then even the right one (and code) is refused.
    const alert = uk.getByRole('alert');
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await uk.getByLabel('Official email').fill(UK_OFFICER);
      await uk.getByLabel('Password').fill(`wrong-password-${attempt}`);
      await uk.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => alert.textContent()).toMatch(attempt < 5 ? /Wrong email or password/ : /./);
      // Each attempt's answer replaces the last: wait until the button is usable again.
      await expect.poll(() => uk.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true);
    }
    await uk.getByLabel('Password').fill(OFFICER_PASSWORD);
    await uk.getByLabel('Authenticator code').fill(code());
    await uk.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => alert.textContent())
      .toMatch(/^Too many failed sign-ins: this account is locked until /);
    expect(await seriousViolations(uk)).toEqual([]);
  }, 120_000);
});
