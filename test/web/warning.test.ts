import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReactionEvent, WarningDecision } from '../../src/web/warning/decision.js';
import { browserAvailable, launchChromium } from '../support/browser.js';
import { hkContentEn, hkContentZhHant, hkDecision } from './hk-warning-fixture.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const buildDir = `${root}artifacts/tmp/warning-build`;
const screenshotDir = `${root}artifacts/screenshots`;

/** The fake caveat API: records what arrives, can fail the next N requests or reject everything. */
const api = {
  requests: [] as { authorization: string | undefined; events: ReactionEvent[]; status: number }[],
  accepted: new Map<string, ReactionEvent>(),
  duplicates: 0,
  failNext: 0,
  rejectAllWith: 0,
  reset() {
    this.requests = [];
    this.accepted.clear();
    this.duplicates = 0;
    this.failNext = 0;
    this.rejectAllWith = 0;
  },
  acceptedOf(decisionId: string): ReactionEvent[] {
    return [...this.accepted.values()].filter((event) => event.decisionId === decisionId);
  },
};

const TEST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Withdraw</title></head>
<body><main><h1>Withdraw</h1><button id="behind">A button on the page behind</button>
<caveat-warning></caveat-warning></main>
<script>
  window.hostEvents = [];
  for (const type of ['caveat-cancel', 'caveat-proceed', 'caveat-error'])
    document.addEventListener(type, (e) => window.hostEvents.push({ type, detail: e.detail }));
</script>
<script type="module" src="/caveat-warning.js"></script></body></html>`;

let server: FastifyInstance;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

describe.skipIf(!browserAvailable)('<caveat-warning> in chromium at phone width', () => {
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
    server.post<{ Body: { events: ReactionEvent[] } }>('/v1/events', (request, reply) => {
      const status = api.rejectAllWith || (api.failNext > 0 ? 503 : 200);
      if (api.failNext > 0) api.failNext -= 1;
      api.requests.push({
        authorization: request.headers.authorization,
        events: request.body.events,
        status,
      });
      if (status !== 200) {
        return reply
          .status(status)
          .type('application/problem+json')
          .send({ type: 'about:blank', title: 'fake', status, detail: 'fake failure' });
      }
      const results = request.body.events.map((event) => {
        if (api.accepted.has(event.id)) {
          api.duplicates += 1;
          return { id: event.id, status: 'duplicate' };
        }
        api.accepted.set(event.id, event);
        return { id: event.id, status: 'accepted' };
      });
      return { results };
    });
    baseUrl = await server.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    mkdirSync(screenshotDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    api.reset();
    await context?.close();
    // A fresh context per test: its own localStorage, so no queue or once-marker leaks between tests.
    context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-GB' });
    // The real Scameter must not be fetched from a test; a stub page answers for it.
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
    await page.locator('caveat-warning [role="alertdialog"]').waitFor();
  }

  const dialog = () => page.locator('caveat-warning [role="alertdialog"]');
  const continueButton = () => dialog().locator('button.secondary');
  const cancelButton = () => dialog().locator('button.primary');
  const hostEvents = () => page.evaluate(() => (window as unknown as { hostEvents: unknown[] }).hostEvents);

  async function seriousAxeViolations(): Promise<string[]> {
    const results = await new AxeBuilder({ page }).include('caveat-warning').analyze();
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
  }

  it('shows the zh-Hant warning with Chinese chrome, the never-call notice and checks, and passes axe', async () => {
    const decision = hkDecision(hkContentZhHant);
    await show(decision);
    await expect(dialog().getAttribute('lang')).resolves.toBe('zh-Hant');
    await expect(dialog().locator('h2').textContent()).resolves.toBe(hkContentZhHant.title);
    await expect(dialog().locator('.never-call').textContent()).resolves.toContain(
      '絕不會要求你轉出加密貨幣',
    );
    await expect(cancelButton().textContent()).resolves.toContain('取消提款');
    await expect(continueButton().textContent()).resolves.toMatch(/\d 秒後可繼續/);
    const scameter = dialog().locator('.check a[href="https://cyberdefender.hk/en-us/scameter/"]');
    await expect(scameter.textContent()).resolves.toContain('防騙視伏器');
    await expect(dialog().locator('.check a[href="tel:18222"]').count()).resolves.toBe(1);
    await expect(dialog().textContent()).resolves.toContain('資料來源：香港警務處（2023年）');
    // The countdown is announced once in words, not every second.
    await expect.poll(() => dialog().locator('[aria-live="polite"]').textContent()).toMatch(/秒後可繼續/);
    await page.screenshot({ path: `${screenshotDir}/warning-zh-Hant.png` });
    expect(await seriousAxeViolations()).toEqual([]);
  });

  it('shows the English warning with collapsible scam types and red flags, and passes axe', async () => {
    await show(hkDecision(hkContentEn));
    await page.screenshot({ path: `${screenshotDir}/warning-en.png` });
    await expect(dialog().getAttribute('lang')).resolves.toBe('en');
    await expect(cancelButton().textContent()).resolves.toContain('Cancel withdrawal');
    const scams = dialog().locator('details');
    await expect(scams.count()).resolves.toBe(2);
    const second = scams.nth(1);
    await expect(second.locator('li').first().isVisible()).resolves.toBe(false);
    await second.locator('summary').click();
    await expect(second.locator('li').first().isVisible()).resolves.toBe(true);
    await second.locator('summary').click();
    expect(await seriousAxeViolations()).toEqual([]);
  });

  it('renders nothing for allow, and reports a malformed decision attribute', async () => {
    await page.evaluate(
      (value) => {
        const element = document.querySelector('caveat-warning');
        if (element) element.decision = value;
      },
      hkDecision(hkContentEn, { decision: 'allow', content: null }),
    );
    await expect(page.locator('caveat-warning [role="alertdialog"]').count()).resolves.toBe(0);
    await page.evaluate(() =>
      document.querySelector('caveat-warning')?.setAttribute('decision', '{not json'),
    );
    await expect.poll(hostEvents).toEqual([{ type: 'caveat-error', detail: { kind: 'invalid_decision' } }]);
  });

  it('enables continue only after the countdown and the acknowledgement, then reports the reactions', async () => {
    const decision = hkDecision(hkContentEn, { minDisplaySeconds: 6 });
    await show(decision);
    await expect(continueButton().isDisabled()).resolves.toBe(true);
    await expect(continueButton().textContent()).resolves.toContain('Continue in 6 s');
    await dialog().locator('input[type="checkbox"]').check();
    await expect(continueButton().isDisabled()).resolves.toBe(true);
    const live = () => dialog().locator('[aria-live="polite"]').textContent();
    await expect.poll(live).toContain('You can continue in 6 seconds.');
    // Waits for the count to go down (not for a fixed time, which a slow machine could overrun).
    await expect.poll(() => continueButton().textContent(), { timeout: 4000 }).toMatch(/Continue in [3-5] s/);
    await expect(continueButton().isDisabled()).resolves.toBe(true);
    // The visible count went down, but screen readers were not told again.
    await expect(live()).resolves.toContain('You can continue in 6 seconds.');
    await expect.poll(() => continueButton().isDisabled(), { timeout: 10_000 }).toBe(false);
    await expect(dialog().locator('[aria-live="polite"]').textContent()).resolves.toContain(
      'You can continue now.',
    );
    await continueButton().click();
    await expect.poll(hostEvents).toEqual([{ type: 'caveat-proceed', detail: { decisionId: decision.id } }]);
    await expect(page.locator('caveat-warning [role="alertdialog"]').count()).resolves.toBe(0);
    await expect
      .poll(() => api.acceptedOf(decision.id).map((event) => event.type))
      .toEqual(['displayed', 'acknowledged', 'proceeded']);
    expect(api.requests.every((request) => request.authorization === `Bearer ${decision.eventToken}`)).toBe(
      true,
    );
  });

  it('reports resource_opened with the resource id when the user opens Scameter', async () => {
    const decision = hkDecision(hkContentEn);
    await show(decision);
    const popup = page.waitForEvent('popup');
    await dialog().locator('.check a', { hasText: 'Scameter' }).click();
    await (await popup).close();
    await expect
      .poll(() => api.acceptedOf(decision.id).find((event) => event.type === 'resource_opened')?.resourceId)
      .toBe('scameter');
  });

  it('cancel sends cancelled, tells the host page and closes', async () => {
    const decision = hkDecision(hkContentZhHant);
    await show(decision);
    await cancelButton().click();
    await expect.poll(hostEvents).toEqual([{ type: 'caveat-cancel', detail: { decisionId: decision.id } }]);
    await expect(page.locator('caveat-warning [role="alertdialog"]').count()).resolves.toBe(0);
    await expect
      .poll(() => api.acceptedOf(decision.id).map((event) => event.type))
      .toEqual(['displayed', 'cancelled']);
  });

  it('retries after 503s and delivers each event exactly once', async () => {
    api.failNext = 2;
    const decision = hkDecision(hkContentEn);
    await show(decision);
    await cancelButton().click();
    await expect
      .poll(() => api.acceptedOf(decision.id).map((event) => event.type), { timeout: 15_000 })
      .toEqual(['displayed', 'cancelled']);
    expect(api.requests.filter((request) => request.status === 503)).toHaveLength(2);
    const sentIds = api.requests.flatMap((request) => request.events.map((event) => event.id));
    // The same client ids were retried, not new events minted for each attempt.
    expect(new Set(sentIds).size).toBe(2);
    expect(api.duplicates).toBe(0);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('caveat-warning:outbox:v1'))).toBe('[]');
  });

  it('keeps events across a reload while the API is down, and sends them from the next page', async () => {
    api.failNext = 1000;
    const decision = hkDecision(hkContentEn);
    await show(decision);
    await cancelButton().click();
    await expect.poll(() => api.requests.length).toBeGreaterThan(0);
    api.failNext = 0;
    await page.reload();
    await expect
      .poll(() => api.acceptedOf(decision.id).map((event) => event.type))
      .toEqual(['displayed', 'cancelled']);
    expect(api.duplicates).toBe(0);
  });

  it('reports events the API rejects for good (4xx) through caveat-error', async () => {
    api.rejectAllWith = 422;
    const decision = hkDecision(hkContentEn, { minDisplaySeconds: 0 });
    await show(decision);
    await expect
      .poll(async () => (await hostEvents()) as { type: string; detail: { status?: number } }[])
      .toContainEqual(
        expect.objectContaining({ type: 'caveat-error', detail: expect.objectContaining({ status: 422 }) }),
      );
  });

  it('keeps Tab inside the dialog, starts on the safe action, and treats Escape as cancel', async () => {
    const decision = hkDecision(hkContentEn);
    await show(decision);
    const focusedClass = () =>
      page.evaluate(() => {
        const host = document.querySelector('caveat-warning');
        const inside = document.activeElement === host ? host?.shadowRoot?.activeElement : null;
        return inside ? `${inside.tagName}.${inside.className}` : `outside:${document.activeElement?.id}`;
      });
    await expect.poll(focusedClass).toBe('BUTTON.primary');
    const seen = new Set<string>();
    for (let press = 0; press < 14; press += 1) {
      await page.keyboard.press('Tab');
      const focused = await focusedClass();
      expect(focused.startsWith('outside')).toBe(false);
      seen.add(focused);
    }
    // It went round: links, summaries, the checkbox and the cancel button were all reached.
    expect([...seen]).toEqual(expect.arrayContaining(['A.', 'SUMMARY.', 'INPUT.', 'BUTTON.primary']));
    await page.keyboard.press('Shift+Tab');
    expect((await focusedClass()).startsWith('outside')).toBe(false);
    // Clicking the page behind cannot take focus out of the warning.
    await page.evaluate(() => document.getElementById('behind')?.focus());
    await expect.poll(focusedClass).toBe('BUTTON.primary');
    await page.keyboard.press('Escape');
    await expect.poll(hostEvents).toEqual([{ type: 'caveat-cancel', detail: { decisionId: decision.id } }]);
  });
});
