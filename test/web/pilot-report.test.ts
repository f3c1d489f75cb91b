import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo-seed.js';
import { runSimulation } from '../../src/cli/pilot-simulator.js';
import { defaultBehaviours, planPopulation } from '../../src/measurement/simulation.js';
import { browserAvailable, launchChromium } from '../support/browser.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe.skipIf(!browserAvailable)('the HTML pilot report in chromium', () => {
  let h: Harness;
  let browser: Browser;
  let file: string;

  beforeAll(async () => {
    h = await startHarness(await storeKinds[0]!.open(), { seed: false });
    await seedDemo(h.caveat, pino({ level: 'silent' }));
    const url = await h.app.listen({ host: '127.0.0.1', port: 0 });
    const users = planPopulation(
      defaultBehaviours(300).filter((b) => b.jurisdiction === 'HK'),
      { seed: 3, runId: 'html' },
    );
    await runSimulation({ url, apiKey: h.keys.exchange, users });
    const response = await fetch(`${url}/v1/reports/pilot.html?campaign=hk-joint-anti-scam&sequential=true`, {
      headers: bearer(h.keys.reports),
    });
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    mkdirSync(`${root}artifacts/tmp`, { recursive: true });
    file = `${root}artifacts/tmp/pilot-report.html`;
    writeFileSync(file, await response.text());
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('renders its three charts as SVG offline, and a screenshot is saved', async () => {
    const page = await browser.newPage({ viewport: { width: 820, height: 1200 } });
    // Offline: any request the report tried to make would fail the test.
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    await page.goto(`file://${file}`);
    const charts = page.locator('figure svg');
    expect(await charts.count()).toBe(3);
    for (let i = 0; i < 3; i += 1) {
      const box = await charts.nth(i).boundingBox();
      expect(box?.width).toBeGreaterThan(600);
      expect(await charts.nth(i).locator('path').count()).toBeGreaterThan(3);
    }
    await expect(page.locator('h1').textContent()).resolves.toContain('hk-joint-anti-scam');
    await expect(page.locator('.headline').textContent()).resolves.toMatch(/\d+\.\d% \(95%/);
    expect(requests).toEqual([]);
    mkdirSync(`${root}artifacts/screenshots`, { recursive: true });
    await page.screenshot({ path: `${root}artifacts/screenshots/pilot-report.png`, fullPage: true });
    await page.close();
  });
});
