import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hkSpec, withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

/** A Singapore campaign written in English and Simplified Chinese, warning everyone (no holdout). */
function sgSpec() {
  const base = hkSpec({
    experiment: { key: 'sg-test', holdoutShare: 0, variants: [{ key: 'A', weight: 1 }] },
  });
  const en = base.content.en!;
  return { ...base, content: { en, 'zh-Hans': { ...en, title: '小心诈骗' } } };
}

describe.each(storeKinds)('the warning language in a new jurisdiction on $name', (kind) => {
  let h: Harness;
  const admin = (method: 'POST' | 'PUT', url: string, payload: unknown) =>
    h.app.inject({ method, url, headers: bearer(h.keys.admin), payload: payload as Record<string, unknown> });
  const screen = async (locale: string) => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/v1/screenings',
      headers: bearer(h.keys.exchange),
      payload: withdrawal({ jurisdiction: 'SG', locale }),
    });
    expect(response.statusCode).toBe(201);
    return response.json().content?.locale as string | undefined;
  };

  beforeAll(async () => {
    h = await startHarness(await kind.open());
    const sg = { code: 'SG', name: 'Singapore', defaultLocale: 'en', locales: ['en', 'zh-Hans', 'ms'] };
    expect((await admin('POST', '/v1/admin/jurisdictions', sg)).statusCode).toBe(201);
    expect(
      (
        await admin('POST', '/v1/admin/campaigns', {
          id: 'sg-pilot',
          jurisdiction: 'SG',
          name: 'SG',
          spec: sgSpec(),
        })
      ).statusCode,
    ).toBe(201);
    expect((await admin('POST', '/v1/admin/campaigns/sg-pilot/publish', { version: 1 })).statusCode).toBe(
      200,
    );
  }, 60_000);
  afterAll(async () => h?.close());

  it('answers a zh-Hant-SG user in zh-Hans, not English', async () => {
    await expect(screen('zh-Hant-SG')).resolves.toBe('zh-Hans');
    await expect(screen('zh-SG')).resolves.toBe('zh-Hans');
    await expect(screen('ta-SG')).resolves.toBe('en');
  });

  it("follows the jurisdiction's own fallback chain once it is set", async () => {
    const edited = await admin('PUT', '/v1/admin/jurisdictions/SG', {
      name: 'Singapore',
      defaultLocale: 'en',
      locales: ['en', 'zh-Hans', 'ms'],
      localeFallback: ['zh-Hans'],
    });
    expect(edited.statusCode).toBe(200);
    await h.caveat.snapshots.reload();
    // A Tamil reader now gets the Simplified Chinese text the jurisdiction chose before English.
    await expect(screen('ta-SG')).resolves.toBe('zh-Hans');
  });
});
