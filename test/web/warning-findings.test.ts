import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Reason } from '../../src/screening/decision.js';
import type { WarningDecision } from '../../src/web/warning/decision.js';
import { browserAvailable, launchChromium } from '../support/browser.js';
import { hkContentEn, hkContentZhHant, hkDecision } from './hk-warning-fixture.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const buildDir = `${root}artifacts/tmp/warning-findings-build`;

const reported: Reason = {
  code: 'destination_reported',
  message: 'This address was reported 14 times as an investment scam in HK (risk: high).',
  params: {
    count: 14,
    scamType: 'investment',
    riskLevel: 'high',
    jurisdictions: ['HK'],
    lastSeen: '2026-11-20',
    source: 'partner',
  },
};
const lookalike: Reason = {
  code: 'lookalike',
  message: 'binance-verify-support.com imitates Binance (binance.com): contains the brand name.',
  params: { imitates: 'Binance', officialDomain: 'binance.com', technique: 'brand_in_name' },
};

/** The fake caveat API: accepts events, records scam reports, can fail the next N reports. */
const api = {
  reports: [] as { authorization: string | undefined; body: Record<string, unknown>; status: number }[],
  failNext: 0,
  reset() {
    this.reports = [];
    this.failNext = 0;
  },
};

const TEST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Withdraw</title></head>
<body><main><h1>Withdraw</h1><caveat-warning></caveat-warning></main>
<script>
  window.hostEvents = [];
  for (const type of ['caveat-cancel', 'caveat-proceed', 'caveat-error', 'caveat-report'])
    document.addEventListener(type, (e) => window.hostEvents.push({ type, detail: e.detail }));
</script>
<script type="module" src="/caveat-warning.js"></script></body></html>`;

let server: FastifyInstance;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

describe.skipIf(!browserAvailable)('<caveat-warning> findings and the report form', () => {
  beforeAll(async () => {
    await build({
      configFile: `${root}src/web/warning/vite.config.ts`,
      logLevel: 'warn',
      build: { outDir: buildDir },
    });
    const script = readFileSync(`${buildDir}/caveat-warning.js`, 'utf8');
    server = Fastify();
    server.get('/', (_request, reply) => reply.type('text/html').send(TEST_PAGE));
    server.get('/caveat-warning.js', (_request, reply) => reply.type('text/javascript').send(script));
    server.post<{ Body: { events: { id: string }[] } }>('/v1/events', (request) => ({
      results: request.body.events.map((event) => ({ id: event.id, status: 'accepted' })),
    }));
    server.post<{ Body: Record<string, unknown> }>('/v1/scam-reports', (request, reply) => {
      const status = api.failNext > 0 ? 503 : 201;
      if (api.failNext > 0) api.failNext -= 1;
      api.reports.push({ authorization: request.headers.authorization, body: request.body, status });
      if (status !== 201)
        return reply
          .status(status)
          .type('application/problem+json')
          .send({ type: 'about:blank', title: 'fake', status, detail: 'fake failure' });
      return reply
        .status(201)
        .send({ id: 'rep_1', reference: 'CVR-7K3Q-9M2D', status: 'new', evidenceToken: 'evd_x' });
    });
    baseUrl = await server.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    api.reset();
    await context?.close();
    context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-GB' });
    await context.route('https://cyberdefender.hk/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Scameter stub</title>' }),
    );
    page = await context.newPage();
    await page.goto(baseUrl);
    await page.waitForFunction(() => customElements.get('caveat-warning') !== undefined);
  });

  async function show(decision: WarningDecision): Promise<void> {
    await page.evaluate((value) => {
      const element = document.querySelector('caveat-warning');
      if (element) element.decision = value;
    }, decision);
    await dialog().waitFor();
  }
  const dialog = () => page.locator('caveat-warning [role="alertdialog"]');
  const hostEvents = () =>
    page.evaluate(
      () => (window as unknown as { hostEvents: { type: string; detail: unknown }[] }).hostEvents,
    );

  async function seriousAxeViolations(): Promise<string[]> {
    const results = await new AxeBuilder({ page }).include('caveat-warning').analyze();
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
  }

  /** The text of the scroll area's children in order, to check what comes first. */
  const order = () =>
    dialog()
      .locator('.scroll > *')
      .evaluateAll((nodes) => nodes.map((node) => node.className || node.tagName.toLowerCase()));

  it('leads a zh-Hant hold with the reported count, type and place in Chinese, never the English message', async () => {
    await show(hkDecision(hkContentZhHant, { decision: 'hold', reasons: [reported] }));
    const findings = dialog().locator('.findings');
    const headline = await findings.locator('.finding.reported .finding-headline').textContent();
    expect(headline).toContain('此地址曾被舉報 14 次，涉嫌投資騙案');
    expect(headline).toMatch(/香港/);
    const details = await findings.locator('.finding-details').textContent();
    expect(details).toContain('高風險');
    expect(details).toContain('最近一次舉報：2026年11月20日');
    expect(details).toContain('由警方合作夥伴舉報');
    expect(await dialog().textContent()).not.toContain('reported 14 times');
    // Findings come before the campaign's own title and text.
    const children = await order();
    expect(children.indexOf('findings')).toBeLessThan(children.indexOf('h2'));
    expect(children.indexOf('findings')).toBe(1);
    await expect(dialog().getAttribute('aria-describedby')).resolves.toMatch(/^caveat-findings /);
    expect(await seriousAxeViolations()).toEqual([]);
    await page.screenshot({ path: `${root}artifacts/screenshots/warning-findings-zh-Hant.png` });
  });

  it('words an en warning with a report and a lookalike, reports first', async () => {
    await show(hkDecision(hkContentEn, { decision: 'hold', reasons: [lookalike, reported] }));
    const headlines = await dialog().locator('.finding-headline').allTextContents();
    expect(headlines[0]).toMatch(/^This address was reported 14 times as an investment scam in Hong Kong/);
    expect(headlines[1]).toBe('This looks like Binance, but it is not binance.com.');
    await expect(dialog().locator('.finding.lookalike .finding-details').textContent()).resolves.toContain(
      "It puts the brand's name into another website's address.",
    );
    expect(await seriousAxeViolations()).toEqual([]);
  });

  it('reports the destination from the dialog with the event token, retrying, and keeps cancel primary', async () => {
    api.failNext = 1;
    const decision = hkDecision(hkContentEn, { decision: 'hold', reasons: [reported] });
    await show(decision);
    await dialog().locator('button.report-action').click();
    // Focus moves into the form; it is labelled and passes axe.
    await expect
      .poll(() =>
        page.evaluate(() => document.querySelector('caveat-warning')?.shadowRoot?.activeElement?.id),
      )
      .toBe('caveat-report-category');
    expect(await seriousAxeViolations()).toEqual([]);
    await page.screenshot({ path: `${root}artifacts/screenshots/warning-report-form-en.png` });
    await dialog().getByLabel('What kind of scam is it?').selectOption('investment');
    await dialog().getByLabel('What happened? (optional)').fill('They promised 3% a day on a trading app.');
    await dialog().getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => api.reports.length, { timeout: 10_000 }).toBe(2);
    const [failed, sent] = api.reports;
    expect(failed?.status).toBe(503);
    expect(sent?.status).toBe(201);
    expect(sent?.authorization).toBe(`Bearer ${decision.eventToken}`);
    expect(sent?.body).toMatchObject({
      category: 'investment',
      description: 'They promised 3% a day on a trading app.',
      locale: 'en',
    });
    // The retry is the same report, not a second one.
    expect(sent?.body.idempotencyKey).toBe(failed?.body.idempotencyKey);
    await expect
      .poll(() => dialog().locator('#caveat-report-status').textContent())
      .toContain('reference CVR-7K3Q-9M2D');
    const events = await hostEvents();
    expect(events).toContainEqual({
      type: 'caveat-report',
      detail: { decisionId: decision.id, category: 'investment' },
    });
    // Reporting neither cancels nor lets the money go: cancel is still the primary action.
    await expect(dialog().locator('button.primary').textContent()).resolves.toContain('Cancel withdrawal');
    expect(events.some((event) => event.type === 'caveat-cancel' || event.type === 'caveat-proceed')).toBe(
      false,
    );
  });

  it('needs a category, and going back returns to the warning', async () => {
    await show(hkDecision(hkContentZhHant, { reasons: [reported] }));
    await dialog().locator('button.report-action').click();
    await dialog().getByRole('button', { name: '提交舉報' }).click();
    // The browser's required check stops the submit: nothing is sent.
    await expect(dialog().locator('form.report').count()).resolves.toBe(1);
    await dialog().getByRole('button', { name: '返回警告' }).click();
    await expect(dialog().locator('form.report').count()).resolves.toBe(0);
    await expect
      .poll(() =>
        page.evaluate(() => document.querySelector('caveat-warning')?.shadowRoot?.activeElement?.className),
      )
      .toBe('report-action');
    expect(api.reports).toHaveLength(0);
  });
});
