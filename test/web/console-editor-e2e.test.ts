import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { root, startDemoConsole, type DemoConsole } from '../support/demo-console.js';

const publicDir = `${root}artifacts/tmp/e2e-editor-public`;

describe.skipIf(!browserAvailable)('console campaign editor, in chromium', () => {
  let app: DemoConsole;
  beforeAll(async () => {
    app = await startDemoConsole(publicDir);
  }, 180_000);
  afterAll(async () => app?.close());

  const nav = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

  it('routes through the data router: campaigns, a campaign, another page', async () => {
    const page = await app.signInAsAdmin(1280);
    await page
      .getByRole('link', { name: /Hong Kong/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await nav(page, 'Audit log');
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    expect(page.url()).toContain('/console/audit');
  }, 60_000);
});
