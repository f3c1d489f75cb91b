import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import bs58check from 'bs58check';
import pino from 'pino';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaveat, type Caveat } from '../../src/app/caveat.js';
import { DEMO_CONSOLE_PASSWORD, DEMO_KEYS, seedDemo } from '../../src/app/demo-seed.js';
import { loadConfig } from '../../src/config.js';
import { demoRelayPolicy } from '../../src/demo/relay-policy.js';
import { buildHttpApp, type HttpApp } from '../../src/http/app.js';
import { openPgliteDatabase } from '../../src/store/pglite-database.js';
import { browserAvailable, launchChromium } from '../support/browser.js';
import { withdrawal } from '../support/fixtures.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const screenshotDir = `${root}artifacts/screenshots`;
// Its own build output: never rewrite another suite's public directory under its feet.
const publicDir = `${root}artifacts/tmp/e2e-scam-reports-public`;
const bearer = (key: { id: string; secret: string }) => `Bearer cvt_${key.id}_${key.secret}`;
const ADMIN = bearer(DEMO_KEYS.admin);
const EXCHANGE = bearer(DEMO_KEYS.exchange);
const PARTNER = bearer(DEMO_KEYS.partner);

/** A made-up TRON address (valid checksum, derived from a hash, on no demo list): the scammers' wallet. */
function madeUpTronAddress(seed: string): string {
  const body = createHash('sha256').update(seed).digest().subarray(0, 20);
  return bs58check.encode(Buffer.concat([Buffer.from([0x41]), body]));
}
const WALLET = madeUpTronAddress('caveat e2e: the wallet three victims were sent to');
const PHISHING_DOMAIN = 'usdt-reward-claim-center.top';

/** A real, small PNG (a red-and-white 24×16 image), built byte by byte: the "screenshot". */
function screenshotPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(typed));
    return Buffer.concat([length, typed, sum]);
  };
  const width = 24;
  const height = 16;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const offset = y * (1 + width * 3) + 1 + x * 3;
      const red = y < height / 2;
      rows.set(red ? [200, 16, 32] : [255, 255, 255], offset);
    }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

describe.skipIf(!browserAvailable)(
  'scam reports end to end in chromium: report → cluster → hold → referral, and a dispute',
  () => {
    let caveat: Caveat;
    let http: HttpApp;
    let baseUrl: string;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const cspViolations: string[] = [];
    let reportsKey = '';
    let webReference = '';
    let clusterId = '';

    async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
      const context = await browser.newContext({ viewport, locale: 'en-GB', reducedMotion: 'reduce' });
      contexts.push(context);
      const page = await context.newPage();
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });
      return page;
    }

    async function signIn(email: string): Promise<Page> {
      const page = await newPage();
      await page.goto(`${baseUrl}/console/`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(DEMO_CONSOLE_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
      return page;
    }

    async function api<T>(method: string, url: string, authorization: string, payload?: unknown) {
      const response = await http.app.inject({
        method: method as 'GET' | 'POST',
        url,
        headers: { authorization },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return { status: response.statusCode, body: response.json() as T };
    }

    const reportCount = async () =>
      (await caveat.db.query<{ n: number }>('SELECT count(*)::int AS n FROM scam_reports'))[0]?.n ?? -1;

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

      // The exchange's support tool files reports for its users through the API with its own key.
      const key = await api<{ token: string }>('POST', '/v1/admin/api-keys', ADMIN, {
        name: 'E2E support tool',
        scopes: ['scam_reports'],
      });
      expect(key.status).toBe(201);
      reportsKey = `Bearer ${key.body.token}`;
      const earlier = [
        {
          idempotencyKey: 'e2e-support-1',
          userRef: 'hk-user-1001',
          jurisdiction: 'HK',
          category: 'investment',
          identifiers: [{ value: WALLET }],
          description: 'A trading "mentor" on WhatsApp told me to deposit USDT to this wallet for a bonus.',
          loss: { amount: '2500', asset: 'USDT', date: '2026-11-20' },
          firstContact: 'messaging_app',
          consentToPoliceContact: false,
        },
        {
          idempotencyKey: 'e2e-support-2',
          userRef: 'mo-user-2002',
          jurisdiction: 'MO',
          category: 'investment',
          identifiers: [{ value: WALLET }],
          description: 'Same group, same wallet: they asked for a "release fee" before I could withdraw.',
          loss: { amount: '800', asset: 'USDT', date: '2026-11-24' },
          firstContact: 'social_media',
          consentToPoliceContact: true,
          reporterContact: { name: '[Demo] Reporter Two', email: 'reporter.two@demo.caveat.example' },
        },
      ];
      for (const report of earlier) {
        const created = await api<{ reference: string }>('POST', '/v1/scam-reports', reportsKey, report);
        expect(created.status).toBe(201);
      }
    }, 180_000);

    afterAll(async () => {
      expect(cspViolations).toEqual([]);
      for (const context of contexts) await context.close();
      await browser?.close();
      await http?.app.close();
      await caveat?.close();
    });

    it('a user on /check reports the phishing site with a screenshot, naming the wallet', async () => {
      const page = await newPage({ width: 390, height: 844 });
      const response = await page.goto(`${baseUrl}/check?lang=en`);
      expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
      await page.fill('#q', PHISHING_DOMAIN);
      await page.click('#check button[type=submit]');
      await page.locator('#result.result').waitFor();
      // Nothing is known about it yet: the answer never says "safe" on its own.
      const first = (await page.locator('#result').textContent()) ?? '';
      expect(first).not.toMatch(/\bis safe\b/i);
      await page.getByRole('button', { name: 'Report it' }).click();
      await page.getByRole('heading', { level: 2, name: 'Report a scam' }).waitFor();
      // The lookup's answer is already the first identifier.
      await expect(
        page.getByLabel('Address, website, phone, email or account 1', { exact: true }).inputValue(),
      ).resolves.toBe(PHISHING_DOMAIN);
      await page.getByLabel('What kind of scam?').selectOption('phishing_site');
      await page.getByRole('button', { name: 'Add another' }).click();
      // A mistyped EIP-55 address first: the server refuses it and says so beside that box.
      const second = page.getByLabel('Address, website, phone, email or account 2', { exact: true });
      await second.fill('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeE');
      await page
        .getByLabel('What happened?')
        .fill('A "USDT reward" site asked me to connect and then to send a fee to this TRON wallet.');
      await page.getByLabel('Amount').fill('1200');
      await page.getByLabel('Currency or coin').fill('USDT');
      await page.getByLabel('Date', { exact: true }).fill('2026-11-30');
      await page.getByLabel('How did they first contact you?').selectOption('website');
      await page.getByLabel('Where do you live?').selectOption('HK');
      // Contact fields exist only once the reporter agrees to be contacted by police.
      await expect(page.getByLabel('Your email').isVisible()).resolves.toBe(false);
      await page.getByLabel('The police may contact me about this report').check();
      await expect(page.getByLabel('Your email').isVisible()).resolves.toBe(true);
      await page.getByLabel('The police may contact me about this report').uncheck();
      await expect(page.getByLabel('Your email').isVisible()).resolves.toBe(false);
      // The screenshot, and a web page renamed .png: the server sniffs it and refuses it alone.
      await page.setInputFiles('#r-evidence', [
        { name: 'reward-site.png', mimeType: 'image/png', buffer: screenshotPng() },
        {
          name: 'not-an-image.png',
          mimeType: 'image/png',
          buffer: Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'),
        },
      ]);
      const before = await reportCount();
      await page.getByRole('button', { name: 'Send report' }).click();
      // The server's refusal comes back after the click: wait for it to mark the field.
      await expect.poll(() => second.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
      const note = await page.locator(`#${await second.getAttribute('id')}-error`).textContent();
      expect(note).toMatch(/^We could not read this: .*checksum/i);
      expect(await reportCount()).toBe(before);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshotDir}/check-report.png`, fullPage: true });

      await second.fill(WALLET);
      await page.getByRole('button', { name: 'Send report' }).click();
      await page.getByRole('heading', { level: 2, name: /Thank you/ }).waitFor();
      webReference = ((await page.locator('#report-reference').textContent()) ?? '').trim();
      expect(webReference).toMatch(/^CVR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await expect(page.locator('#report-evidence').textContent()).resolves.toBe('1 file(s) attached.');
      await expect(page.locator('#report-evidence-failed').textContent()).resolves.toMatch(
        /^not-an-image\.png was not attached: /,
      );
      expect(await reportCount()).toBe(before + 1);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshotDir}/check-report-done.png`, fullPage: true });

      // Until an analyst confirms them, the three reports are only mentioned, never a verdict.
      await page.getByRole('link', { name: 'Check something else' }).click();
      await page.fill('#q', WALLET);
      await page.click('#check button[type=submit]');
      const answer = page.locator('#result.result');
      await answer.waitFor();
      await expect(answer.getAttribute('class')).resolves.toBe('result unknown');
      // The lookup reads reports from an index refreshed on NOTIFY: under load the first answer can
      // predate the last report. Ask again until it is there.
      await expect
        .poll(
          async () => {
            const text = (await answer.textContent()) ?? '';
            if (/3 unverified report/.test(text)) return text;
            await page.evaluate(() => document.getElementById('result')?.removeAttribute('class'));
            await page.click('#check button[type=submit]');
            await answer.waitFor();
            return (await answer.textContent()) ?? '';
          },
          { timeout: 15_000, interval: 300 },
        )
        .toMatch(/^Not found in our lists\. That does not make it safe\.3 unverified report\(s\)/);
    }, 90_000);

    it('an analyst sees the three reports clustered by the wallet and confirms the cluster', async () => {
      expect(webReference).not.toBe('');
      const analyst = await signIn('analyst@demo.caveat.example');
      const nav = analyst.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Scam reports' }).click();
      await analyst.getByRole('link', { name: webReference }).waitFor();
      await expect(
        analyst.getByRole('table', { name: 'Scam reports' }).getByRole('row').count(),
      ).resolves.toBe(4);
      expect(await seriousViolations(analyst)).toEqual([]);
      await nav.getByRole('link', { name: 'Clusters' }).click();
      await analyst.getByRole('heading', { level: 1, name: 'Clusters' }).waitFor();
      const row = analyst
        .getByRole('row')
        .filter({ has: analyst.getByRole('cell', { name: '3', exact: true }) });
      await row.first().waitFor();
      expect(await seriousViolations(analyst)).toEqual([]);
      await row.first().getByRole('link').click();
      await analyst.getByRole('heading', { level: 2, name: 'Reports' }).waitFor();
      const reports = analyst.getByRole('table', { name: 'Reports' }).getByRole('row');
      await expect.poll(() => reports.count()).toBe(4); // a heading row and three reports
      await analyst.getByRole('link', { name: webReference }).waitFor();
      await analyst.getByRole('rowheader', { name: WALLET }).waitFor();
      clusterId = decodeURIComponent(new URL(analyst.url()).pathname.split('/').at(-1) ?? '');
      expect(await seriousViolations(analyst)).toEqual([]);
      await analyst.screenshot({ path: `${screenshotDir}/console-clusters.png`, fullPage: true });

      // Staff can open the evidence; it is the PNG the user uploaded.
      await analyst.getByRole('link', { name: webReference }).click();
      await analyst.getByRole('heading', { level: 1, name: `Report ${webReference}` }).waitFor();
      const evidence = analyst.getByRole('link', { name: /^File 1 \(image\/png/ });
      const href = (await evidence.getAttribute('href')) ?? '';
      const file = await analyst.request.get(`${baseUrl}${href}`);
      expect(file.status()).toBe(200);
      expect(Buffer.from(await file.body()).equals(screenshotPng())).toBe(true);
      // …and nobody without a staff session can.
      expect((await fetch(`${baseUrl}${href}`)).status).toBe(401);
      expect(await seriousViolations(analyst)).toEqual([]);

      await analyst.goBack();
      await analyst.getByRole('heading', { level: 2, name: 'Confirm as a scam' }).waitFor();
      await analyst.getByLabel('Risk level').selectOption('high');
      await analyst.getByLabel('Scam type').selectOption('investment');
      await analyst.getByRole('button', { name: 'Confirm cluster' }).click();
      await analyst
        .getByRole('status')
        .getByText(/Cluster confirmed/)
        .waitFor();
      await analyst.getByText(/^Confirmed · risk high/).waitFor();
    }, 90_000);

    it('the next HK withdrawal to that wallet is held, quoting the confirmed count', async () => {
      expect(clusterId).not.toBe('');
      const screened = await api<{
        decision: string;
        reasons: { code: string; message: string; params?: { count?: number } }[];
      }>(
        'POST',
        '/v1/screenings',
        EXCHANGE,
        withdrawal({
          userRef: 'hk-user-after-confirmation',
          locale: 'en',
          destination: { address: WALLET, isNew: true, isWhitelisted: false },
        }),
      );
      expect(screened.status).toBe(201);
      expect(screened.body.decision).toBe('hold');
      const reason = screened.body.reasons.find((r) => r.code === 'destination_reported');
      expect(reason?.message).toMatch(/reported 3 times as an investment scam in (HK, MO|MO, HK)/);
      expect(reason?.params?.count).toBe(3);
    }, 30_000);

    it('the cluster is referred to the Macau police, whose pull feed gets only what its policy allows', async () => {
      expect(clusterId).not.toBe('');
      const admin = await signIn('admin@demo.caveat.example');
      await admin.goto(`${baseUrl}/console/scam-clusters/${encodeURIComponent(clusterId)}`);
      await admin.getByRole('heading', { level: 2, name: 'Refer to a police partner' }).waitFor();
      await admin.getByLabel('Partner', { exact: true }).selectOption(demoRelayPolicy.partnerId);
      await admin.getByRole('button', { name: 'Refer cluster' }).click();
      await admin
        .getByRole('status')
        .getByText(/Cluster referred to/)
        .waitFor();
      expect(await seriousViolations(admin)).toEqual([]);

      const feed = await api<{ alerts: { trigger: string; payload: { data: Record<string, unknown> } }[] }>(
        'GET',
        '/v1/partner/alerts?cursor=0',
        PARTNER,
      );
      expect(feed.status).toBe(200);
      const referral = feed.body.alerts.find((a) => a.trigger === 'referral');
      expect(referral).toBeDefined();
      const data = referral?.payload.data ?? {};
      const allowed = new Set<string>(demoRelayPolicy.policy.fields);
      expect(Object.keys(data).filter((field) => !allowed.has(field))).toEqual([]);
      expect(data).toMatchObject({ clusterId, reportCount: 3 });
      expect(JSON.stringify(data.identifiers)).toContain(WALLET);
      // Only the reporter who consented is reachable; nobody's words or user reference leave.
      const text = JSON.stringify(data);
      expect(text).toContain('reporter.two@demo.caveat.example');
      expect(text).not.toContain('hk-user-1001');
      expect(text).not.toContain('release fee');
      expect(text).not.toContain('USDT reward');
    }, 90_000);

    it('a dispute of the flagged domain is filed on /check in 简体中文, decided in the console and shown by reference', async () => {
      expect(clusterId).not.toBe('');
      const page = await newPage({ width: 390, height: 844 });
      await page.goto(`${baseUrl}/check?lang=zh-Hans`);
      await expect(page.locator('h1').textContent()).resolves.toBe('转账前先查一查');
      await page.fill('#q', PHISHING_DOMAIN);
      await page.click('#check button[type=submit]');
      await expect(page.locator('#result.result').getAttribute('class')).resolves.toBe(
        'result reported_scam',
      );
      await page.getByRole('button', { name: '这是我的网站或地址，被错误标记' }).click();
      await page.getByRole('heading', { level: 2, name: '被错误标记？' }).waitFor();
      await expect(page.getByLabel('你的网站、地址、电话、邮箱或账号').inputValue()).resolves.toBe(
        PHISHING_DOMAIN,
      );
      await page.getByLabel('为什么这是错误标记？').fill('This is our company’s promotion site, not a scam.');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: '提交申诉' }).click();
      await page.getByRole('heading', { level: 2, name: '我们已收到你的申诉' }).waitFor();
      const reference = ((await page.locator('#dispute-reference').textContent()) ?? '').trim();
      expect(reference).toMatch(/^DSP-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

      const analyst = await signIn('analyst@demo.caveat.example');
      await analyst.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Disputes' }).click();
      await analyst.getByRole('button', { name: `Decide ${reference}` }).click();
      await analyst.getByLabel('Decision').selectOption('keep');
      await analyst
        .getByLabel('Public note')
        .fill(
          'Reviewed: this site asks for fees to a wallet confirmed in several reports. The listing stays.',
        );
      expect(await seriousViolations(analyst)).toEqual([]);
      await analyst.getByRole('button', { name: 'Record decision' }).click();
      await analyst.getByRole('status').getByText(`${reference}: listing kept.`).waitFor();

      // The disputer follows it by reference: the decision and its note, never a reporter's data.
      await page.goto(`${baseUrl}/check?lang=zh-Hans#status=${reference}`);
      const status = page.locator('#status-result');
      await status.getByText('申诉不成立：维持列入名单。').waitFor();
      await expect(status.textContent()).resolves.toContain('The listing stays.');
      expect(await seriousViolations(page)).toEqual([]);
      const publicView = await fetch(`${baseUrl}/public/disputes/${reference}`).then((r) => r.text());
      expect(publicView).not.toMatch(/reporter|hk-user|promotion site/i);
    }, 90_000);

    it('a partner reviewer sees no reports by default, and reads them (no triage, no reporter data) once the exchange shares them', async () => {
      const reviewer = await signIn('reviewer.mo@demo.caveat.example');
      const nav = reviewer.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link', { name: 'Scam reports' }).count()).resolves.toBe(0);
      await expect(nav.getByRole('link', { name: 'Clusters' }).count()).resolves.toBe(0);
      await reviewer.goto(`${baseUrl}/console/scam-reports`);
      await reviewer
        .getByRole('alert')
        .getByText(/does not share MO scam reports/)
        .waitFor();
      const list = await reviewer.request.get(`${baseUrl}/v1/admin/scam-reports`);
      expect(list.status()).toBe(403);

      // The exchange's admin shares Macau's reports from the Scam reports page.
      const admin = await signIn('admin@demo.caveat.example');
      await admin.goto(`${baseUrl}/console/scam-reports`);
      await admin.getByRole('heading', { level: 2, name: 'Sharing with police reviewers' }).waitFor();
      expect(await seriousViolations(admin)).toEqual([]);
      await admin.getByRole('button', { name: 'Share MO reports' }).click();
      await admin.getByRole('button', { name: 'Share', exact: true }).click();
      await admin.getByRole('status').getByText('MO reports are now shared').waitFor();

      const filed = await http.app.inject({
        method: 'POST',
        url: '/public/scam-reports',
        remoteAddress: '198.51.100.77',
        payload: {
          jurisdiction: 'MO',
          category: 'impersonation_police',
          identifiers: [{ value: '+853 6612 3456' }],
          description: 'A caller said he was from the Judiciary Police and asked for a transfer.',
          consentToPoliceContact: true,
          reporterContact: { email: 'mo-victim@example.com' },
        },
      });
      expect(filed.statusCode, filed.body).toBe(201);
      const { reference } = filed.json<{ reference: string }>();

      await reviewer.reload();
      await nav.getByRole('link', { name: 'Scam reports' }).click();
      const row = reviewer.getByRole('row').filter({ hasText: reference });
      await row.waitFor();
      await expect(reviewer.getByRole('button', { name: /Assign .* to me/ }).count()).resolves.toBe(0);
      await row.getByRole('link').first().click();
      await reviewer.getByRole('heading', { level: 1, name: `Report ${reference}` }).waitFor();
      await reviewer.getByText('Shared with you for reading by the exchange').waitFor();
      await expect(reviewer.getByRole('heading', { name: 'Notes' }).count()).resolves.toBe(0);
      await expect(reviewer.content()).resolves.not.toContain('mo-victim@example.com');
      expect(await seriousViolations(reviewer)).toEqual([]);

      await admin.getByRole('button', { name: 'Stop sharing MO reports' }).click();
      await admin.getByRole('button', { name: 'Stop sharing', exact: true }).click();
      await admin.getByRole('status').getByText('MO reports are no longer shared').waitFor();
      expect((await reviewer.request.get(`${baseUrl}/v1/admin/scam-reports`)).status()).toBe(403);
    }, 90_000);
  },
);
