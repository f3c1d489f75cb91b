import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import {
  root,
  screenshotDir,
  seriousViolations,
  sidewaysOverflow,
  startDemoConsole,
  type DemoConsole,
} from '../support/demo-console.js';

const publicDir = `${root}artifacts/tmp/e2e-review-public`;
const NEW_TITLE = '[Demo] Pause before you withdraw: this is likely a crypto scam';

describe.skipIf(!browserAvailable)('console: review of a draft, in chromium', () => {
  let app: DemoConsole;

  beforeAll(async () => {
    app = await startDemoConsole(publicDir);
  }, 120_000);
  afterAll(async () => app?.close());

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

  it('admin edits and submits; the HK reviewer is notified, reads the redline, comments and approves each language', async () => {
    const admin = await app.signInAsAdmin(1280);
    await admin.getByRole('link', { name: /Hong Kong/ }).click();
    await admin.getByRole('button', { name: 'Start a new draft' }).click();
    await admin.getByRole('heading', { name: 'Draft (version 2)' }).waitFor();
    await admin.getByLabel('Locale', { exact: true }).selectOption('en');
    await admin.getByLabel('Title', { exact: true }).fill(NEW_TITLE);
    await admin.getByRole('button', { name: 'Save draft' }).click();
    await admin.getByRole('button', { name: 'Submit for review' }).click();
    await admin
      .getByText(/Awaiting partner review/)
      .first()
      .waitFor();

    const reviewer = await app.signInAs('reviewer.hk@demo.caveat.example', 1280);
    // The nav says what waits: one draft and one unread notification.
    await nav(reviewer)
      .getByRole('link', { name: /Review inbox \(1 waiting, 1 unread\)/ })
      .waitFor();
    await nav(reviewer)
      .getByRole('link', { name: /Review inbox/ })
      .click();
    await reviewer.getByRole('heading', { level: 1, name: 'Review inbox' }).waitFor();
    await reviewer.getByText('English: Title').waitFor();
    await reviewer
      .getByText(/sent \[Demo\] Hong Kong joint anti-scam campaign \(version 2\) for review/)
      .waitFor();
    expect(await seriousViolations(reviewer)).toEqual([]);

    await reviewer.getByRole('link', { name: /Open the review of \[Demo\] Hong Kong/ }).click();
    const diff = reviewer.locator('#review-diff');
    await diff.waitFor();
    await diff.getByLabel('Language').selectOption('en');
    // The changed word is marked as inserted, and only the changed field shows.
    await expect
      .poll(() => diff.locator('ins').allTextContents())
      .toContainEqual(expect.stringMatching(/crypto/));
    expect((await diff.locator('del').allTextContents()).join(' ')).toMatch(/could/);

    await diff.getByRole('button', { name: 'Comment on English → Title' }).click();
    await diff
      .getByLabel('Comment on English → Title')
      .fill('Say "virtual asset" as the police leaflet does.');
    await diff.getByRole('button', { name: 'Add comment' }).click();
    await diff.getByText('Say "virtual asset" as the police leaflet does.').waitFor();
    await diff.screenshot({ path: `${screenshotDir}/review-diff.png` });

    await reviewer.getByLabel('I have read the English text').check();
    await reviewer.getByLabel('I have read the 繁體中文 text').check();
    await reviewer
      .getByText(
        /I have read the English and 繁體中文 text of draft version 2 \([0-9a-f]{8}\), as it will be shown to users in Hong Kong \(HK\), and approve it on behalf of/,
      )
      .waitFor();
    expect(await seriousViolations(reviewer)).toEqual([]);
    await reviewer.getByRole('button', { name: 'Approve the checked languages' }).click();
    await reviewer
      .getByText(/Approved by reviewer\.hk@demo\.caveat\.example/)
      .first()
      .waitFor();

    await admin.reload();
    await admin
      .getByText(/Approved by reviewer\.hk@demo\.caveat\.example/)
      .first()
      .waitFor();
    await nav(admin)
      .getByRole('link', { name: /Review inbox/ })
      .click();
    await admin.getByText(/reviewer\.hk@demo\.caveat\.example approved \[Demo\] Hong Kong/).waitFor();
    const detail = (await app.caveat.campaigns.listReviews('hk-joint-anti-scam')).at(-1)!;
    expect(detail).toMatchObject({ action: 'approved', locales: expect.arrayContaining(['en', 'zh-Hant']) });
    expect(detail.digest).toMatch(/^[0-9a-f]{32}$/);
  }, 120_000);

  it('the review page and the inbox at 390 px: no serious axe finding, nothing scrolls sideways', async () => {
    const reviewer = await app.signInAs('reviewer.hk@demo.caveat.example', 390);
    await reviewer.goto(`${app.baseUrl}/console/campaigns/hk-joint-anti-scam`);
    await reviewer.locator('#review-diff').waitFor();
    await reviewer.getByRole('heading', { name: 'Two languages side by side' }).waitFor();
    expect(await seriousViolations(reviewer)).toEqual([]);
    expect(await sidewaysOverflow(reviewer)).toBe(0);
    await reviewer.screenshot({ path: `${screenshotDir}/review-page-390.png` });
    await reviewer.goto(`${app.baseUrl}/console/review`);
    await reviewer.getByRole('heading', { level: 1, name: 'Review inbox' }).waitFor();
    expect(await seriousViolations(reviewer)).toEqual([]);
    expect(await sidewaysOverflow(reviewer)).toBe(0);
    // A Hong Kong officer may read the console in Traditional Chinese.
    await reviewer.getByLabel('Language').selectOption('zh-Hant');
    await reviewer.getByRole('heading', { level: 1, name: '審閱收件匣' }).waitFor();
    expect(await sidewaysOverflow(reviewer)).toBe(0);
  }, 60_000);
});
