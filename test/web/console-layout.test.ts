import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../src/app/demo-seed.js';
import { runSimulation } from '../../src/cli/pilot-simulator.js';
import { defaultBehaviours, planPopulation } from '../../src/measurement/simulation.js';
import { browserAvailable } from '../support/browser.js';
import {
  root,
  screenshotDir,
  seriousViolations,
  settled,
  startDemoConsole,
  type DemoConsole,
} from '../support/demo-console.js';

const EXCHANGE_TOKEN = `cvt_${DEMO_KEYS.exchange.id}_${DEMO_KEYS.exchange.secret}`;
const WIDTHS = [1280, 390] as const;

/**
 * Words in table cells broken across lines ("Polic|e", "campaig|n"): a run of letters whose text
 * lies on more than one line box. Tokens that may break anywhere (code, addresses, JSON) are skipped.
 */
async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const cells = Array.from(document.querySelectorAll('table th, table td')).slice(0, 600);
    for (const cell of cells) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('code, .token-text, .registry-value, .json, .visually-hidden'))
          continue;
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\p{L}{2,}/gu)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set(
            Array.from(range.getClientRects())
              .filter((rect) => rect.width > 0)
              .map((rect) => Math.round(rect.top)),
          );
          if (lines.size > 1) broken.push(`${match[0]} (in "${text.trim().slice(0, 60)}")`);
        }
      }
    }
    return broken;
  });
}

describe.skipIf(!browserAvailable)('every console page at phone and desktop width', () => {
  let demo: DemoConsole;
  /** Console paths the admin can reach: every navigation link, and one of each detail page. */
  let paths: string[] = [];

  beforeAll(async () => {
    demo = await startDemoConsole(`${root}artifacts/tmp/layout-public`);
    // A seeded Hong Kong pilot behind the dashboard and overview, and a UK campaign with two decisions.
    const hk = planPopulation(
      defaultBehaviours(300).filter((b) => b.jurisdiction === 'HK'),
      { seed: 5, runId: 'layout' },
    );
    const gb = planPopulation(
      defaultBehaviours(2).filter((b) => b.jurisdiction === 'GB'),
      { seed: 6, runId: 'layout-gb' },
    );
    await runSimulation({ url: demo.baseUrl, apiKey: EXCHANGE_TOKEN, users: [...hk, ...gb] });

    const page = await demo.signInAsAdmin(1280);
    const nav = await page
      .locator('nav a')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    const details: string[] = [];
    for (const [list, pattern] of [
      ['/console/scam-reports', /^\/console\/scam-reports\/[^/]+$/],
      ['/console/scam-clusters', /^\/console\/scam-clusters\/[^/]+$/],
      ['/console/police-requests', /^\/console\/police-requests\/[^/]+$/],
    ] as const) {
      await page.goto(`${demo.baseUrl}${list}`);
      await settled(page);
      const hrefs = await page
        .locator('main a')
        .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
      const first = hrefs.find((href) => pattern.test(href));
      if (first) details.push(first);
    }
    await page.context().close();
    const campaign = (id: string) => [
      `/console/campaigns/${id}`,
      `/console/campaigns/${id}/dashboard`,
      `/console/campaigns/${id}/quiz`,
    ];
    paths = [
      ...new Set([
        ...nav,
        ...campaign('hk-joint-anti-scam'),
        '/console/campaigns/gb-joint-anti-scam/dashboard',
        ...details,
      ]),
    ];
  }, 300_000);
  afterAll(async () => demo?.close());

  it('visits every page the admin can reach', () => {
    expect(paths).toContain('/console/overview');
    expect(paths.length).toBeGreaterThan(15);
  });

  for (const width of WIDTHS)
    it(`no page is wider than ${width} px, none has a serious axe finding, no table breaks a word`, async () => {
      const page = await demo.signInAsAdmin(width);
      const problems: string[] = [];
      for (const path of paths) {
        await page.goto(`${demo.baseUrl}${path}`);
        await settled(page);
        if (path.endsWith('/dashboard')) await page.locator('.cards').first().waitFor();
        const { scrollWidth, viewport } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
        }));
        if (scrollWidth > viewport) problems.push(`${path}: ${scrollWidth} px wide at ${viewport}`);
        for (const finding of await seriousViolations(page)) problems.push(`${path}: axe ${finding}`);
        for (const word of await brokenWords(page)) problems.push(`${path}: word broken: ${word}`);
        // Charts fit their frame: none is wider than the figure around it.
        const charts = await page.locator('.chart').evaluateAll((nodes) =>
          nodes.map((node) => {
            const figure = node.closest('figure');
            return { chart: node.getBoundingClientRect().width, frame: figure?.clientWidth ?? Infinity };
          }),
        );
        for (const { chart, frame } of charts)
          if (chart > frame) problems.push(`${path}: chart ${chart} px in a ${frame} px frame`);
      }
      expect(problems).toEqual([]);
      await page.context().close();
    }, 600_000);

  it('at n = 2 the dashboard says "too early to tell" with how many more users are needed, not an effect', async () => {
    const page = await demo.signInAsAdmin(390);
    await page.goto(`${demo.baseUrl}/console/campaigns/gb-joint-anti-scam/dashboard`);
    await page.locator('.cards').first().waitFor();
    const uplift = page.getByTestId('uplift-card');
    await expect(uplift.textContent()).resolves.toMatch(
      /Too early to tell.*\d+ more warned and \d+ more holdout/,
    );
    await expect(uplift.textContent()).resolves.not.toMatch(/pp \(95% CI/);
    await expect(page.getByTestId('outcome-sentences').textContent()).resolves.toMatch(
      /\d+ of \d+ users cancelled/,
    );
    await page.context().close();

    // The seeded Hong Kong pilot at phone width, for the README.
    const phone = await demo.signInAsAdmin(390);
    await phone.goto(`${demo.baseUrl}/console/campaigns/hk-joint-anti-scam/dashboard`);
    await phone.locator('.chart svg').first().waitFor();
    await expect(phone.getByTestId('outcome-sentences').textContent()).resolves.toMatch(
      /\d+ of \d+ users cancelled/,
    );
    // From the headline figures down to what warned users did: the part a reader opens it for.
    const top = await phone
      .locator('#headline-heading')
      .evaluate((node) => node.getBoundingClientRect().top + window.scrollY);
    await phone.screenshot({
      path: `${screenshotDir}/console-dashboard-390.png`,
      fullPage: true,
      clip: { x: 0, y: Math.max(0, top - 16), width: 390, height: 1700 },
    });
    await phone.context().close();

    const desktop = await demo.signInAsAdmin(1280);
    await desktop.goto(`${demo.baseUrl}/console/overview`);
    await desktop.locator('tr[data-campaign="hk-joint-anti-scam"]').waitFor();
    await expect(desktop.locator('tr[data-campaign="gb-joint-anti-scam"]').textContent()).resolves.toContain(
      'Too early to tell',
    );
    await desktop.screenshot({ path: `${screenshotDir}/console-overview.png`, fullPage: true });
    await desktop.context().close();
  }, 120_000);
});
