import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../src/app/demo-seed.js';
import { browserAvailable } from '../support/browser.js';
import {
  root,
  screenshotDir,
  seriousViolations,
  settled,
  sidewaysOverflow,
  startDemoConsole,
  type DemoConsole,
} from '../support/demo-console.js';
import { withdrawal } from '../support/fixtures.js';

/**
 * Issue 15, "Done means": launching the programme in Singapore with the Singapore Police Force, as
 * a compliance officer would, in the console — a new jurisdiction with real public resources
 * ([Demo]) kept once in its directory, an en + zh-Hans campaign, the police reviewer's approval
 * with the diff, a confirmed publish — then a zh-Hant-SG user answered in Simplified Chinese and
 * /check answering Singapore's hotline and ScamShield as official. Every page of the launch is
 * checked at 1280 and 390 px (axe, nothing wider than the screen).
 */
const publicDir = `${root}artifacts/tmp/e2e-singapore-public`;
const EXCHANGE = `Bearer cvt_${DEMO_KEYS.exchange.id}_${DEMO_KEYS.exchange.secret}`;
const CAMPAIGN = 'sg-launch';
const SPF = 'Singapore Police Force [Demo]';
const REVIEWER = 'reviewer.sg@demo.caveat.example';
const REVIEWER_PASSWORD = 'a long enough password for the SG reviewer';
const TIPS_LABEL = 'Tips (one per line)';
const ZH_TITLE = '[Demo] 请先停一停：是否有人叫您转出这笔资金？';

describe.skipIf(!browserAvailable)('launching Singapore from the console, in chromium', () => {
  let app: DemoConsole;
  /** Pages visited during the launch, checked at both widths at the end. */
  const visited = new Set<string>();

  beforeAll(async () => {
    app = await startDemoConsole(publicDir);
  }, 180_000);
  afterAll(async () => app?.close());

  const go = async (page: Page, path: string) => {
    await page.goto(`${app.baseUrl}/console${path}`);
    await settled(page);
    visited.add(path);
  };
  const nav = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

  it('an admin sets up Singapore: jurisdiction, shared directory, partner, official channels, reviewer', async () => {
    const admin = await app.signInAsAdmin(1280);

    await go(admin, '/jurisdictions');
    await admin.getByLabel('Code', { exact: true }).fill('SG');
    await admin.getByLabel('Name', { exact: true }).fill('Singapore');
    await admin.getByLabel('Default locale', { exact: true }).fill('en');
    await admin.getByLabel('Locales', { exact: true }).fill('en, zh-Hans');
    await admin.getByRole('button', { name: 'Save jurisdiction' }).click();
    await admin.getByText('Saved Singapore.').waitFor();
    expect((await app.caveat.campaigns.getJurisdiction('SG'))?.locales).toEqual(['en', 'zh-Hans']);

    // The directory: numbers and links once, for every language of every SG campaign.
    const directory = admin.locator('section.directory-section');
    await directory.getByLabel('Directory of').selectOption('SG');
    await directory.getByText('No entries yet.').waitFor();
    const addEntry = async (entry: {
      key: string;
      kind: string;
      label: string;
      fill: Record<string, string>;
    }) => {
      await admin.getByLabel('Key', { exact: true }).fill(entry.key);
      await admin.getByLabel('Kind', { exact: true }).selectOption(entry.kind);
      await admin.getByLabel('Label', { exact: true }).fill(entry.label);
      for (const [field, value] of Object.entries(entry.fill))
        await admin.getByLabel(field, { exact: true }).fill(value);
      await admin.getByRole('button', { name: 'Save entry' }).click();
      await directory.locator(`#directory-${entry.key}`).waitFor();
    };
    await addEntry({
      key: 'scamshield-helpline',
      kind: 'contact',
      label: '[Demo] ScamShield Helpline 1799',
      fill: { Phone: '1799', Hours: '24 hours' },
    });
    await addEntry({
      key: 'police-hotline',
      kind: 'contact',
      label: '[Demo] Police Hotline 1800-255-0000',
      fill: { Phone: '1800-255-0000' },
    });
    await addEntry({
      key: 'scamshield-site',
      kind: 'resource',
      label: '[Demo] ScamShield website',
      fill: { Link: 'https://www.scamshield.gov.sg' },
    });
    expect(await seriousViolations(admin)).toEqual([]);

    await nav(admin, 'Partners');
    await settled(admin);
    visited.add('/partners');
    await admin.getByLabel('Partner ID').fill('spf-demo');
    await admin.getByLabel('Name', { exact: true }).fill(SPF);
    await admin.getByLabel('Jurisdiction').selectOption('SG');
    await admin.getByRole('button', { name: 'Save partner' }).click();
    await admin.getByRole('row', { name: new RegExp(SPF.replace(/[[\]]/g, '\\$&')) }).waitFor();

    // Singapore's own official channels: what /check will answer "official" for.
    await go(admin, '/official-channels');
    const addChannel = async (brand: string, value: string, otherDomains = '') => {
      await admin.getByLabel('Brand', { exact: true }).fill(brand);
      await admin.getByLabel('Domain, email, phone number or social account').fill(value);
      await admin.getByLabel('Jurisdiction', { exact: true }).selectOption('SG');
      if (otherDomains) await admin.getByLabel("The brand's other domains (optional)").fill(otherDomains);
      await admin.getByRole('button', { name: 'Add channel' }).click();
      await admin
        .getByRole('status')
        .getByText(new RegExp(`^Added .* to ${brand.replace(/[[\]]/g, '\\$&')}\\.$`))
        .waitFor();
    };
    await addChannel('ScamShield [Demo]', '1799', 'scamshield.gov.sg');
    await addChannel(SPF, '1800-255-0000', 'police.gov.sg');

    // The police partner's reviewer.
    await go(admin, '/users');
    const form = admin.getByRole('region', { name: 'Add a user' });
    await form.getByLabel('Email').fill(REVIEWER);
    await form.getByLabel('Name', { exact: true }).fill('[Demo] SPF reviewer');
    await form.getByLabel('Role').selectOption('partner_reviewer');
    await form.getByLabel('Jurisdiction').selectOption('SG');
    await form.getByLabel('Partner').selectOption('spf-demo');
    await form.getByLabel('Initial password').fill(REVIEWER_PASSWORD);
    await form.getByRole('button', { name: 'Create user' }).click();
    await admin.getByText(/Created \[Demo\] SPF reviewer/).waitFor();
    await admin.context().close();
  }, 180_000);

  it('writes an en + zh-Hans campaign from the directory, which the SG reviewer approves with the diff', async () => {
    const admin = await app.signInAsAdmin(1280);
    await admin.getByLabel('Campaign ID').fill(CAMPAIGN);
    await admin.getByLabel('Name', { exact: true }).fill('[Demo] Singapore: stop before you send');
    await admin.getByLabel('Jurisdiction').selectOption('SG');
    await admin.getByLabel('Partner').selectOption('spf-demo');
    await admin.getByRole('button', { name: 'Create campaign' }).click();
    await admin.getByRole('heading', { name: 'Draft (version 1)' }).waitFor();
    visited.add(`/campaigns/${CAMPAIGN}`);

    // English: two contacts and the check-before-you-send site, all from the directory.
    const addFromDirectory = async (
      section: 'Contact' | 'Resource',
      n: number,
      ref: string,
      name: string,
    ) => {
      await admin.getByRole('button', { name: `Add ${section.toLowerCase()}` }).click();
      const item = admin.getByRole('group', { name: `${section} ${n}`, exact: true });
      await item.getByLabel('From the directory').selectOption(ref);
      await item.getByLabel('Name', { exact: true }).fill(name);
      if (section === 'Resource') {
        await item.getByLabel('ID', { exact: true }).fill(ref);
        await item.getByLabel('Purpose', { exact: true }).fill('Check a suspicious site, number or message.');
      }
    };
    await admin.getByLabel('Locale', { exact: true }).selectOption('en');
    await addFromDirectory('Contact', 1, 'scamshield-helpline', '[Demo] ScamShield Helpline');
    await addFromDirectory('Contact', 2, 'police-hotline', '[Demo] Police Hotline');
    await addFromDirectory('Resource', 1, 'scamshield-site', '[Demo] ScamShield');
    await admin.getByRole('button', { name: 'Save draft' }).click();
    await admin
      .getByText(/^Saved /)
      .first()
      .waitFor();

    // Simplified Chinese starts as a copy, marked untranslated, and cannot be published like that.
    await admin.getByLabel('Locale to add').selectOption('zh-Hans');
    await admin.getByRole('button', { name: 'Add locale' }).click();
    await admin.getByLabel('Locale', { exact: true }).selectOption('zh-Hans');
    await admin.getByLabel('Title', { exact: true }).fill(ZH_TITLE);
    await admin
      .getByLabel('Body', { exact: true })
      .fill(
        '骗子会说服您把加密货币转到他们控制的地址。如果网上认识的人，或自称警察、银行或本交易所的人叫您提款，请先停下，与您信任的人核实。',
      );
    await admin.getByLabel('Never-call notice').fill('我们绝不会打电话或发信息要求您转移资金。');
    await admin.getByLabel(TIPS_LABEL, { exact: true }).fill('任何正当机构都不会要求您转移资金以确保安全。');
    for (const [section, n, name] of [
      ['Contact', 1, '[Demo] ScamShield 反诈骗热线'],
      ['Contact', 2, '[Demo] 警方热线'],
      ['Resource', 1, '[Demo] ScamShield 网站'],
    ] as const)
      await admin
        .getByRole('group', { name: `${section} ${n}`, exact: true })
        .getByLabel('Name', { exact: true })
        .fill(name);
    await admin.getByRole('button', { name: 'Save draft' }).click();
    await admin
      .getByText(/^Saved /)
      .first()
      .waitFor();
    await admin.getByRole('button', { name: /Mark 简体中文 translated/ }).click();
    await admin
      .getByText(/translated, waiting for approval/)
      .first()
      .waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: 'Submit for review' }).click();
    await admin
      .getByText(/Awaiting partner review/)
      .first()
      .waitFor();

    // The Singapore reviewer: the inbox, the text as new against nothing live, approval per language.
    const reviewer = await app.signInAs(REVIEWER, 1280, REVIEWER_PASSWORD);
    const inbox = reviewer
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /Review inbox/ });
    await expect.poll(() => inbox.textContent()).toMatch(/1 waiting, 1 unread/);
    await inbox.click();
    await reviewer.getByRole('heading', { level: 1, name: 'Review inbox' }).waitFor();
    expect(await seriousViolations(reviewer)).toEqual([]);
    await reviewer.getByRole('link', { name: /Open the review of \[Demo\] Singapore/ }).click();
    const diff = reviewer.locator('#review-diff');
    await diff.waitFor();
    await diff.getByLabel('Language').selectOption('zh-Hans');
    // Nothing is live yet in Singapore: the whole text reads as new, in each language.
    await diff.getByText('Text of the draft (nothing is live yet: all of it is new)').waitFor();
    await expect.poll(() => diff.textContent()).toContain('请先停一停');
    await reviewer.getByRole('heading', { name: 'Two languages side by side' }).waitFor();
    expect(await seriousViolations(reviewer)).toEqual([]);
    await reviewer.getByLabel('I have read the English text').check();
    await reviewer.getByLabel('I have read the 简体中文 text').check();
    await reviewer
      .getByText(
        /as it will be shown to users in Singapore \(SG\), and approve it on behalf of Singapore Police Force \[Demo\]/,
      )
      .waitFor();
    await reviewer.getByRole('button', { name: 'Approve the checked languages' }).click();
    await reviewer
      .getByText(new RegExp(`Approved by ${REVIEWER.replace(/\./g, '\\.')}`))
      .first()
      .waitFor();
    await reviewer.context().close();

    // Publish asks first, with the reach.
    await admin.reload();
    await admin.getByRole('button', { name: 'Publish' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Confirm publish of version 1' });
    await confirm.waitFor();
    await confirm
      .getByText(/Singapore/)
      .first()
      .waitFor();
    await confirm.getByText('Warnings a day at the current traffic').waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
    await confirm.getByRole('button', { name: 'Publish version 1' }).click();
    await expect
      .poll(
        async () => (await app.caveat.campaigns.listLive()).find((l) => l.campaign.id === CAMPAIGN)?.version,
      )
      .toBe(1);
    await admin.context().close();
  }, 240_000);

  it('answers a zh-Hant-SG user in Simplified Chinese with the directory numbers, and /check knows the hotlines', async () => {
    let warned: Record<string, unknown> | undefined;
    // One user in five is in the holdout and sees nothing: ask for a few users until one is warned.
    for (let i = 0; i < 20 && !warned; i += 1) {
      const response = await app.http.app.inject({
        method: 'POST',
        url: '/v1/screenings',
        headers: { authorization: EXCHANGE },
        payload: withdrawal({ jurisdiction: 'SG', locale: 'zh-Hant-SG', userRef: `sg-user-${i}` }),
      });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json<Record<string, unknown>>();
      if (body.decision === 'warn') warned = body;
    }
    expect(warned).toBeDefined();
    expect(warned).toMatchObject({ campaign: { id: CAMPAIGN, version: 1 } });
    const content = JSON.stringify(warned);
    expect(content).toContain(ZH_TITLE);
    expect(content).toContain('1799');
    expect(content).toContain('1800-255-0000');
    expect(content).toContain('https://www.scamshield.gov.sg');

    const context = await app.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'zh-Hans-SG',
    });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/check`);
    await expect.poll(() => page.inputValue('#q-place')).toBe('SG');
    const check = async (q: string) => {
      await page.fill('#q', q);
      await page.evaluate(() => document.getElementById('result')?.removeAttribute('class'));
      await page.click('button[type=submit]');
      const result = page.locator('#result.result');
      await result.waitFor();
      return {
        verdict: (await result.getAttribute('class'))?.replace('result ', '') ?? '',
        text: (await result.textContent()) ?? '',
      };
    };
    const hotline = await check('1800-255-0000');
    expect(hotline).toMatchObject({ verdict: 'official' });
    expect(hotline.text).toContain(SPF);
    const scamShield = await check('1799');
    expect(scamShield.verdict).toBe('official');
    expect(scamShield.text).toContain('ScamShield [Demo]');
    const site = await check('https://www.scamshield.gov.sg/');
    expect(site.verdict).toBe('official');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBe(0);
    await context.close();
  }, 120_000);

  for (const width of [1280, 390])
    it(`every page of the launch at ${width} px: nothing serious for axe, nothing wider than the screen`, async () => {
      const admin = await app.signInAsAdmin(width);
      const problems: string[] = [];
      const paths = [...visited, `/campaigns/${CAMPAIGN}/dashboard`, '/overview', '/review', '/campaigns'];
      for (const path of paths) {
        await admin.goto(`${app.baseUrl}/console${path}`);
        await settled(admin);
        const wider = await sidewaysOverflow(admin);
        if (wider > 0) problems.push(`${path}: ${wider} px wider than ${width}`);
        for (const finding of await seriousViolations(admin)) problems.push(`${path}: axe ${finding}`);
      }
      expect(problems).toEqual([]);
      if (width === 390) {
        await admin.goto(`${app.baseUrl}/console/campaigns/${CAMPAIGN}`);
        await settled(admin);
        await admin.screenshot({ path: `${screenshotDir}/singapore-campaign-390.png`, fullPage: false });
      }
      await admin.context().close();
    }, 240_000);
});
