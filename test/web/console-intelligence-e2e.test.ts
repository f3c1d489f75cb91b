import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../src/app/demo-seed.js';
import { demoRelayPolicy } from '../../src/demo/relay-policy.js';
import { browserAvailable } from '../support/browser.js';
import {
  root,
  screenshotDir,
  seriousViolations,
  sidewaysOverflow,
  startDemoConsole,
  type DemoConsole,
} from '../support/demo-console.js';

const publicDir = `${root}artifacts/tmp/e2e-intelligence-public`;
const EXCHANGE_TOKEN = `cvt_${DEMO_KEYS.exchange.id}_${DEMO_KEYS.exchange.secret}`;
const SPF = 'Singapore Police Force [Demo]';

describe.skipIf(!browserAvailable)(
  'console: official channels, indicators and relay policies, in chromium',
  () => {
    let baseUrl: string;
    let app: DemoConsole;

    const lookup = async (q: string, jurisdiction: string) => {
      const response = await fetch(
        `${baseUrl}/v1/lookup?${new URLSearchParams({ q, jurisdiction }).toString()}`,
        { headers: { authorization: `Bearer ${EXCHANGE_TOKEN}` } },
      );
      return (await response.json()) as { verdict: string; official?: { brand: string } };
    };

    beforeAll(async () => {
      app = await startDemoConsole(publicDir, async (caveat) => {
        if (!(await caveat.campaigns.getJurisdiction('SG')))
          await caveat.campaigns.putJurisdiction(
            { code: 'SG', name: 'Singapore', defaultLocale: 'en', locales: ['en', 'zh-Hans'] },
            'test',
          );
        // A second version, so the page has a history to show.
        await caveat.relayStore.publishPolicy(
          demoRelayPolicy.partnerId,
          { ...demoRelayPolicy.policy, retentionDays: 45 },
          'user:admin@demo.caveat.example',
        );
      });
      ({ baseUrl } = app);
    }, 120_000);
    afterAll(async () => app?.close());

    const signIn = (width: number): Promise<Page> => app.signInAsAdmin(width);

    const nav = (page: Page, name: string) =>
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

    it('adds an official channel that the lookup then answers official, and removes it (1280 px)', async () => {
      const admin = await signIn(1280);
      await nav(admin, 'Official channels');
      await admin.getByRole('heading', { level: 2, name: 'Add an official channel' }).waitFor();
      const value = admin.getByLabel('Domain, email, phone number or social account');
      await admin.getByLabel('Brand', { exact: true }).fill(SPF);
      await value.fill('1800-255-0000');
      await admin.getByRole('button', { name: 'Add channel' }).click();
      // Without a jurisdiction a national number cannot be read: the server says so beside the field.
      await admin.getByRole('alert').getByText('The channel was not added.').waitFor();
      await expect.poll(() => value.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
      const describedBy = (await value.getAttribute('aria-describedby')) ?? '';
      await expect(admin.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).resolves.toMatch(
        /region/,
      );
      expect(await seriousViolations(admin)).toEqual([]);

      await admin.getByLabel('Jurisdiction', { exact: true }).selectOption('SG');
      await admin.getByRole('button', { name: 'Add channel' }).click();
      await admin
        .getByRole('status')
        .getByText(/^Added .* to Singapore Police Force \[Demo\]\.$/)
        .waitFor();
      await admin.getByRole('heading', { level: 2, name: SPF }).waitFor();
      const row = admin.getByRole('row').filter({ hasText: 'Phone number' }).filter({ hasText: '1800' });
      await row.waitFor();
      await expect(row.getByRole('cell').nth(1).textContent()).resolves.toMatch(/Singapore \(SG\)/);
      // Per jurisdiction: Hong Kong's view leaves Singapore's own hotline out, Singapore's keeps it.
      await admin.getByLabel('Show jurisdiction').selectOption('HK');
      await expect.poll(() => row.count()).toBe(0);
      await admin.getByLabel('Show jurisdiction').selectOption('SG');
      await row.waitFor();
      const answer = await lookup('1800-255-0000', 'SG');
      expect(answer.verdict).toBe('official');
      expect(answer.official?.brand).toBe(SPF);

      // The page's own check asks the same lookup.
      await admin.getByLabel('Value to check').fill('1800 255 0000');
      await admin.getByLabel("Reader's jurisdiction").selectOption('SG');
      await admin.getByRole('button', { name: 'Check', exact: true }).click();
      await admin.getByText(`Answer: Official (${SPF})`).waitFor();
      expect(await seriousViolations(admin)).toEqual([]);
      expect(await sidewaysOverflow(admin)).toBe(0);
      await admin.screenshot({ path: `${screenshotDir}/console-official-channels.png`, fullPage: true });

      const display = (await row.getByRole('rowheader').textContent()) ?? '';
      await admin.getByRole('button', { name: `Remove ${display}` }).click();
      await admin.getByRole('button', { name: 'Remove', exact: true }).click();
      await admin.getByRole('status').getByText(`Removed ${display} from ${SPF}.`).waitFor();
      await expect.poll(async () => (await lookup('1800-255-0000', 'SG')).verdict).not.toBe('official');
      await admin.context().close();
    }, 60_000);

    it('adds, finds and expires an indicator, and imports a CSV with progress and per-row errors (1280 px)', async () => {
      const admin = await signIn(1280);
      await nav(admin, 'Indicators');
      await admin.getByRole('heading', { level: 2, name: 'Add an indicator' }).waitFor();

      // A value that is no identifier is refused beside the field, nothing added.
      const value = admin.getByLabel('Value', { exact: true });
      await value.fill('not an identifier at all');
      await admin.getByRole('button', { name: 'Add indicator' }).click();
      await admin.getByRole('alert').getByText('The indicator was not added.').waitFor();
      await expect.poll(() => value.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');

      await value.fill('spf-refund-desk.example');
      await admin.getByLabel('Scam type').selectOption('impersonation');
      await admin.getByLabel('Jurisdictions').fill('SG, HK');
      await admin.getByRole('button', { name: 'Add indicator' }).click();
      await admin.getByRole('status').getByText('Added a report of spf-refund-desk.example.').waitFor();
      const row = admin.getByRole('row', { name: /spf-refund-desk\.example/ });
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain('Impersonation');
      await expect(row.locator('[data-label="Jurisdictions"]').textContent()).resolves.toMatch(
        /^(SG, HK|HK, SG)$/,
      );
      expect((await lookup('spf-refund-desk.example', 'SG')).verdict).toBe('reported_scam');

      await admin.getByRole('button', { name: 'Expire spf-refund-desk.example' }).click();
      await admin.getByRole('button', { name: 'Expire', exact: true }).click();
      await admin.getByRole('status').getByText('Expired spf-refund-desk.example.').waitFor();
      await row.getByText(/^Expired \d/).waitFor();
      expect((await lookup('spf-refund-desk.example', 'SG')).verdict).not.toBe('reported_scam');
      expect(await seriousViolations(admin)).toEqual([]);

      // A file with a bad row: nothing imported, the row and field named.
      const file = admin.getByLabel('File', { exact: true });
      await admin.getByLabel('Feed name').fill('spf-weekly');
      await file.setInputFiles({
        name: 'bad.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'value,scamType,riskLevel\nbad-one.example,phishing,high\nbad-two.example,phishing,severe\n',
        ),
      });
      await admin.getByRole('button', { name: 'Import file' }).click();
      await admin.getByRole('alert').getByText('Nothing was imported.').waitFor();
      await admin
        .getByRole('list', { name: 'Problems by row' })
        .getByText(/^Row 2, riskLevel: /)
        .waitFor();
      expect((await lookup('bad-one.example', 'SG')).verdict).not.toBe('reported_scam');

      await file.setInputFiles({
        name: 'good.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'value,scamType,riskLevel,jurisdictions,id\n' +
            'import-one.example,phishing,high,SG,1\nimport-two.example,investment,high,SG,2\n+6561234567,impersonation,medium,SG,3\n',
        ),
      });
      // The request is held until the page has shown what it is waiting for, then let through.
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await admin.route('**/v1/admin/indicators/import', async (route) => {
        await held;
        await route.continue();
      });
      await admin.getByRole('button', { name: 'Import file' }).click();
      await admin.getByRole('status').getByText('Checking and importing 3 rows…').waitFor();
      await expect(admin.getByRole('progressbar').count()).resolves.toBe(1);
      release();
      await admin
        .getByRole('status')
        .getByText(/^Imported 3 rows: 3 merged, 0 skipped/)
        .waitFor();
      await admin.unroute('**/v1/admin/indicators/import');
      expect((await lookup('import-two.example', 'SG')).verdict).toBe('reported_scam');

      await admin.getByLabel('Value contains').fill('import-');
      await admin.getByRole('button', { name: 'Search', exact: true }).click();
      await admin.getByRole('heading', { level: 2, name: 'Indicators 1–2 of 2' }).waitFor();
      expect(await seriousViolations(admin)).toEqual([]);
      expect(await sidewaysOverflow(admin)).toBe(0);
      await admin.context().close();
    }, 60_000);

    it('lists relay policies with their versions and opens one (1280 px)', async () => {
      const admin = await signIn(1280);
      await nav(admin, 'Relay policies');
      const view = admin.getByRole('button', { name: /^View version 1 of / }).first();
      await view.waitFor();
      await admin.getByRole('row', { name: /2 \(in force\)/ }).waitFor();
      await admin.getByRole('button', { name: /^View version 2 of / }).click();
      const heading = admin.getByRole('heading', { level: 2, name: /, version 2$/ });
      await heading.waitFor();
      await expect
        .poll(() => admin.evaluate(() => document.activeElement?.id))
        .toBe('policy-version-heading');
      await admin.getByText('45 days').waitFor();
      await admin.getByText('Fields that may leave').waitFor();
      expect(new URL(admin.url()).searchParams.get('version')).toBe('2');
      expect(await seriousViolations(admin)).toEqual([]);
      expect(await sidewaysOverflow(admin)).toBe(0);
      await admin.context().close();
    }, 60_000);

    it('fits all three pages in 390 px with nothing serious for axe', async () => {
      const admin = await signIn(390);
      for (const [url, heading] of [
        ['official-channels', 'Official channels'],
        ['indicators', 'Indicators'],
        [`relay-policies?partner=${demoRelayPolicy.partnerId}&version=1`, 'Relay policies'],
      ] as const) {
        await admin.goto(`${baseUrl}/console/${url}`);
        await admin.getByRole('heading', { level: 1, name: heading }).waitFor();
        // Wait for the tables (or their empty text), not just the heading.
        await admin
          .getByRole('status')
          .filter({ hasText: /^Loading/ })
          .waitFor({ state: 'detached' });
        expect(await sidewaysOverflow(admin), url).toBe(0);
        expect(await seriousViolations(admin), url).toEqual([]);
      }
      await admin.screenshot({ path: `${screenshotDir}/console-relay-policy-390.png`, fullPage: true });
      await admin.context().close();
    }, 60_000);
  },
);
