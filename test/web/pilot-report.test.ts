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
  let url: string;

  beforeAll(async () => {
    h = await startHarness(await storeKinds[0]!.open(), { seed: false });
    await seedDemo(h.caveat, pino({ level: 'silent' }));
    url = await h.app.listen({ host: '127.0.0.1', port: 0 });
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
    // Headed by the campaign's and the partner's names, in Hong Kong's language (Traditional Chinese).
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-Hant');
    await expect(page.locator('h1').textContent()).resolves.toBe(
      '試行報告：[Demo] Hong Kong joint anti-scam campaign',
    );
    await expect(page.locator('.partner').textContent()).resolves.toContain(
      '[Demo] Hong Kong Police Force, Cyber Security and Technology Crime Bureau',
    );
    await expect(page.locator('.headline').first().textContent()).resolves.toMatch(/\d+\.\d% \(95%/);
    expect(requests).toEqual([]);
    mkdirSync(`${root}artifacts/screenshots`, { recursive: true });
    await page.screenshot({ path: `${root}artifacts/screenshots/pilot-report.png`, fullPage: true });
    await page.close();
  });

  it('is written in the language asked for, says "too early to tell" while the sample is short, and refuses an unknown language', async () => {
    const get = (query: string) =>
      fetch(`${url}/v1/reports/pilot${query}`, { headers: bearer(h.keys.reports) });
    const report = (await (await get('?campaign=hk-joint-anti-scam')).json()) as {
      evidence: { uplift: { enough: boolean; more: { warned: number; holdout: number } } };
    };
    const english = await (await get('.html?campaign=hk-joint-anti-scam&lang=en')).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<h1>Pilot report: [Demo] Hong Kong joint anti-scam campaign</h1>');
    expect(english).toContain('users cancelled');
    for (const name of [
      'Cancelled after checking',
      'Cancelled without checking',
      'Went ahead after checking',
    ])
      expect(english).toContain(name);
    const early = report.evidence.uplift;
    if (!early.enough) {
      expect(english).toContain('Too early to tell');
      expect(english).toContain(
        `${early.more.warned} more warned and ${early.more.holdout} more comparison users`,
      );
      expect(english).not.toMatch(/<th>Difference<\/th>/);
    } else expect(english).toMatch(/<th>Difference<\/th>/);
    const portuguese = await (await get('.html?campaign=hk-joint-anti-scam&lang=pt')).text();
    expect(portuguese).toContain('<h1>Relatório do piloto: [Demo] Hong Kong joint anti-scam campaign</h1>');
    expect(portuguese).toContain('Cancelou depois de verificar');
    const refused = await get('.html?campaign=hk-joint-anti-scam&lang=fr');
    expect(refused.status).toBe(400);
  });
});
