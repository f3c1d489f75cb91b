import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaveat, type Caveat } from '../../src/app/caveat.js';
import { DEMO_KEYS, seedDemo } from '../../src/app/demo-seed.js';
import { assign } from '../../src/campaigns/assignment.js';
import { checkSpecRules } from '../../src/campaigns/spec-rules.js';
import { loadConfig } from '../../src/config.js';
import { loadDirectory } from '../../src/store/directory-repository.js';
import { demoCampaigns, demoCampaignsAt, demoPublishedSpec } from '../../src/demo/campaigns.js';
import { demoDirectoryEntries } from '../../src/demo/directory.js';
import { demoJurisdictions } from '../../src/demo/jurisdictions.js';
import { buildHttpApp, type HttpApp } from '../../src/http/app.js';
import { withdrawal } from '../support/fixtures.js';
import { storeKinds } from '../support/stores.js';

const exchangeToken = `cvt_${DEMO_KEYS.exchange.id}_${DEMO_KEYS.exchange.secret}`;
const experimentOf = (id: string) => {
  const campaign = demoCampaigns.find((c) => c.id === id);
  if (!campaign) throw new Error(`no demo campaign ${id}`);
  return campaign.spec.experiment;
};
const userIn = (id: string, arm: 'holdout' | 'treatment') => {
  for (let i = 0; ; i += 1)
    if (assign(experimentOf(id), `demo-user-${i}`).arm === arm) return `demo-user-${i}`;
};

describe('demo content', () => {
  it.each(demoCampaigns)('$id passes the publishing rules and is marked as demo', (campaign) => {
    const jurisdiction = demoJurisdictions.find((j) => j.code === campaign.jurisdiction);
    expect(jurisdiction).toBeDefined();
    if (!jurisdiction) return;
    expect(checkSpecRules(campaign.spec, jurisdiction, demoDirectoryEntries(jurisdiction.code))).toEqual([]);
    expect(campaign.name).toMatch(/\[Demo\]/);
    for (const locale of jurisdiction.locales) {
      expect(campaign.spec.content[locale]?.title).toMatch(/示範|Demo/);
      expect(campaign.spec.content[locale]?.resources.some((r) => r.checkBeforeSend)).toBe(true);
    }
  });

  it.each(demoJurisdictions)(
    "$code's campaign quotes local figures with source, year and link, the same in every locale",
    (jurisdiction) => {
      const campaign = demoCampaigns.find((c) => c.jurisdiction === jurisdiction.code);
      expect(campaign).toBeDefined();
      const published = demoPublishedSpec(campaign!);
      // As written, each locale names the figure by its directory key and gives only its words.
      for (const locale of jurisdiction.locales)
        for (const statistic of campaign!.spec.content[locale]!.statistics)
          expect(statistic.value).toBeUndefined();
      const perLocale = jurisdiction.locales.map((locale) => published.content[locale]!.statistics);
      for (const statistics of perLocale) {
        expect(statistics.length).toBeGreaterThanOrEqual(1);
        for (const statistic of statistics) {
          expect(statistic.source).toMatch(/\[Demo\]|【示範】/);
          expect(statistic.label.length).toBeGreaterThan(0);
          expect(statistic.year).toBeGreaterThanOrEqual(2023);
          expect(new URL(statistic.sourceUrl!).protocol).toBe('https:');
        }
      }
      // Only the words are translated: every locale quotes the same values, years and links.
      const facts = perLocale.map((statistics) => statistics.map((s) => [s.value, s.year, s.sourceUrl]));
      for (const other of facts) expect(other).toEqual(facts[0]);
    },
  );

  it.each(demoJurisdictions)(
    "$code's campaign offers caveat's /check page in every locale",
    (jurisdiction) => {
      const campaign = demoCampaigns.find((c) => c.jurisdiction === jurisdiction.code)!;
      for (const locale of jurisdiction.locales) {
        const check = campaign.spec.content[locale]!.resources.find((r) => r.id === 'caveat-check');
        expect(check).toMatchObject({ url: 'http://127.0.0.1:8080/check', checkBeforeSend: true });
      }
      const elsewhere = demoCampaignsAt('https://caveat.example.org/').find((c) => c.id === campaign.id)!;
      expect(elsewhere.spec.content[jurisdiction.defaultLocale]!.resources.at(-1)?.url).toBe(
        'https://caveat.example.org/check',
      );
      expect(checkSpecRules(elsewhere.spec, jurisdiction, demoDirectoryEntries(jurisdiction.code))).toEqual(
        [],
      );
    },
  );
});

describe.each(storeKinds)('the demo as a new user meets it, on $name', (kind) => {
  let caveat: Caveat;
  let http: HttpApp;
  const screen = (overrides: Parameters<typeof withdrawal>[0]) =>
    http.app.inject({
      method: 'POST',
      url: '/v1/screenings',
      headers: { authorization: `Bearer ${exchangeToken}` },
      payload: withdrawal(overrides),
    });

  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_BASE_URL: 'https://caveat.demo.example/' });
    caveat = await startCaveat({
      config,
      logger: pino({ level: 'silent' }),
      db: await kind.open(),
      sweep: false,
    });
    await seedDemo(caveat, pino({ level: 'silent' }));
    http = await buildHttpApp(caveat);
  });
  afterAll(async () => {
    await http.app.close();
    await caveat.close();
  });

  it('seeding again changes nothing', async () => {
    expect((await seedDemo(caveat, pino({ level: 'silent' }))).created).toEqual([]);
  });

  it('keeps each jurisdiction’s numbers once, in its directory, marked [Demo]', async () => {
    const hk = await loadDirectory(caveat.db, 'HK');
    expect(hk.find((entry) => entry.key === 'adcc-18222')).toMatchObject({
      kind: 'resource',
      phone: '18222',
    });
    for (const jurisdiction of demoJurisdictions)
      for (const entry of await loadDirectory(caveat.db, jurisdiction.code))
        expect(entry.label).toMatch(/^\[Demo\]/);
  });

  it("answers each demo jurisdiction's anti-scam hotline as its official channel, read in its region", async () => {
    const lookup = async (q: string, jurisdiction: string) =>
      (
        await http.app.inject({
          url: `/public/lookup?q=${encodeURIComponent(q)}&jurisdiction=${jurisdiction}`,
        })
      ).json();
    for (const [q, jurisdiction] of [
      ['18222', 'HK'],
      ['8800 7777', 'MO'],
      ['0300 123 2040', 'GB'],
      ['165', 'TW'],
    ] as const) {
      const answer = await lookup(q, jurisdiction);
      expect(answer, `${q} in ${jurisdiction}`).toMatchObject({
        verdict: 'official',
        official: { jurisdiction },
      });
      expect(answer.official.brand).toMatch(/^\[Demo\]/);
    }
    // The same short number dialled elsewhere is not Hong Kong's helpline.
    expect((await lookup('18222', 'TW')).verdict).not.toBe('official');
  });

  it('warns a Hong Kong user with Scameter and 18222, with the README key', async () => {
    const response = await screen({ userRef: userIn('hk-joint-anti-scam', 'treatment') });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ decision: 'warn', arm: 'treatment', minDisplaySeconds: 10 });
    expect(body.content.locale).toBe('zh-Hant');
    const resources = body.content.resources as { id: string; url?: string; phone?: string }[];
    expect(resources.find((r) => r.id === 'scameter')?.url).toBe('https://cyberdefender.hk/scameter/');
    expect(resources.find((r) => r.id === 'adcc-18222')?.phone).toBe('18222');
    // The seed points the /check resource at this instance's configured public address.
    expect(resources.find((r) => r.id === 'caveat-check')?.url).toBe('https://caveat.demo.example/check');
    expect(body.content.statistics[0]).toMatchObject({ value: '44,480', year: 2024 });
  });

  it('lets a Hong Kong holdout user through', async () => {
    const response = await screen({ userRef: userIn('hk-joint-anti-scam', 'holdout') });
    expect(response.json()).toMatchObject({ decision: 'allow', arm: 'holdout', content: null });
  });

  it('speaks Chinese and Portuguese to Macau users, with the Judiciary Police hotline', async () => {
    const userRef = userIn('mo-joint-anti-scam', 'treatment');
    const zh = (await screen({ jurisdiction: 'MO', locale: 'zh-Hant-MO', userRef })).json();
    const pt = (await screen({ jurisdiction: 'MO', locale: 'pt-MO', userRef })).json();
    expect(zh.content.locale).toBe('zh-Hant');
    expect(pt.content.locale).toBe('pt');
    expect(pt.content.title).toMatch(/burla/);
    for (const body of [zh, pt]) {
      expect(body.content.resources.map((r: { phone?: string }) => r.phone)).toContain('8800 7777');
    }
  });

  it('warns UK users with Action Fraud and Taiwan users with 165', async () => {
    const gb = (
      await screen({
        jurisdiction: 'GB',
        locale: 'en-GB',
        userRef: userIn('gb-joint-anti-scam', 'treatment'),
      })
    ).json();
    const tw = (
      await screen({
        jurisdiction: 'TW',
        locale: 'zh-Hant-TW',
        userRef: userIn('tw-joint-anti-scam', 'treatment'),
      })
    ).json();
    expect(gb.content.contacts.map((c: { phone?: string }) => c.phone)).toContain('0300 123 2040');
    expect(tw.content.resources.map((r: { phone?: string }) => r.phone)).toContain('165');
  });

  it('relays a Macau hold on a reported address to the Judiciary Police feed, pseudonymized', async () => {
    const held = (
      await screen({
        jurisdiction: 'MO',
        locale: 'zh-Hant-MO',
        userRef: 'mo-demo-user',
        destination: { address: 'TB71wT152mrwnUrZFSa1cVP7a5tRuYkrCN', isNew: true, isWhitelisted: false },
      })
    ).json();
    expect(held.decision).toBe('hold');
    const partnerToken = `cvt_${DEMO_KEYS.partner.id}_${DEMO_KEYS.partner.secret}`;
    const feed = (
      await http.app.inject({
        method: 'GET',
        url: '/v1/partner/alerts',
        headers: { authorization: `Bearer ${partnerToken}` },
      })
    ).json();
    const alert = feed.alerts.find((a: { decisionId: string }) => a.decisionId === held.id);
    expect(alert.payload.data).toMatchObject({ decision: 'hold', jurisdiction: 'MO', amountBand: '100-1k' });
    expect(JSON.stringify(alert)).not.toContain('mo-demo-user');
  });

  it('does not warn a withdrawal to a known destination', async () => {
    const response = await screen({
      userRef: userIn('hk-joint-anti-scam', 'treatment'),
      destination: { address: 'TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW', isNew: false, isWhitelisted: true },
    });
    expect(response.json().decision).toBe('allow');
  });
});
