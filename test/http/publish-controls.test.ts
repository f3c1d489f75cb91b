import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hkPolice, moSpec, withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const PASSWORD = 'a long enough password';

interface Session {
  cookie: string;
  csrf: string;
}

describe.each(storeKinds)('publish controls on $name', (kind) => {
  let h: Harness;
  const people = {} as Record<'ada' | 'ben' | 'hk', Session>;

  const as = (who: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    h.app.inject({
      method,
      url,
      headers: { cookie: who.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': who.csrf }) },
      ...(payload ? { payload } : {}),
    });
  const screenMo = async () =>
    (
      await h.app.inject({
        method: 'POST',
        url: '/v1/screenings',
        headers: bearer(h.keys.exchange),
        payload: withdrawal({ jurisdiction: 'MO', locale: 'en' }),
      })
    ).json() as { campaign: { id: string; version: number } | null; reasons: { code: string }[] };
  /** A new draft of mo-pilot by Ada, submitted and approved by Ben: ready for Ada to publish. */
  const approvedDraft = async (title: string): Promise<number> => {
    const spec = moSpec();
    spec.content.en!.title = title;
    const draft = await as(people.ada, 'PUT', '/v1/admin/campaigns/mo-pilot/draft', { spec });
    expect(draft.statusCode).toBe(200);
    expect((await as(people.ada, 'POST', '/v1/admin/campaigns/mo-pilot/submit', {})).statusCode).toBe(200);
    expect((await as(people.ben, 'POST', '/v1/admin/campaigns/mo-pilot/approve', {})).statusCode).toBe(200);
    return (draft.json() as { version: number }).version;
  };
  const preview = async () => {
    const response = await as(people.ada, 'GET', '/v1/admin/campaigns/mo-pilot/publish-preview');
    expect(response.statusCode).toBe(200);
    return response.json() as { version: number; digest: string; missing: string | null };
  };

  beforeAll(async () => {
    h = await startHarness(await kind.open(), {
      env: { SIGN_IN_PER_MINUTE: '1000', PUBLISH_FOUR_EYES: 'true' },
    });
    const users = [
      ['ada', 'ada@x.test', 'admin', null],
      ['ben', 'ben@x.test', 'admin', null],
      ['hk', 'hk@x.test', 'partner_reviewer', 'HK'],
    ] as const;
    for (const [key, email, role, jurisdiction] of users) {
      await h.caveat.users.create(
        {
          email,
          name: email,
          role,
          jurisdiction,
          partnerId: jurisdiction ? hkPolice.id : null,
          password: PASSWORD,
        },
        'test',
      );
      const signedIn: LightMyRequestResponse = await h.app.inject({
        method: 'POST',
        url: '/v1/console/session',
        payload: { email, password: PASSWORD },
      });
      const cookie = signedIn.cookies.find((c) => c.name === 'caveat_session')!;
      people[key] = { cookie: `caveat_session=${cookie.value}`, csrf: signedIn.json().csrfToken };
    }
  });
  afterAll(async () => h.close());

  it('refuses a publish that is not confirmed, naming the field', async () => {
    const spec = moSpec();
    await as(people.ada, 'PUT', '/v1/admin/campaigns/mo-pilot/draft', { spec });
    const refused = await as(people.ada, 'POST', '/v1/admin/campaigns/mo-pilot/publish', {});
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(JSON.stringify(refused.json())).toContain('version');
  });

  it('four-eyes: a campaign without a partner needs another staff member, and never self-approval', async () => {
    const spec = moSpec();
    const draft = await as(people.ada, 'PUT', '/v1/admin/campaigns/mo-pilot/draft', { spec });
    const version = (draft.json() as { version: number }).version;
    const alone = await as(people.ada, 'POST', '/v1/admin/campaigns/mo-pilot/publish', { version });
    expect(alone.statusCode).toBe(409);
    expect(alone.json().detail).toMatch(/second person.*another staff member who may approve/);
    expect((await preview()).missing).toMatch(/needs an approval by another staff member/);

    await as(people.ada, 'POST', '/v1/admin/campaigns/mo-pilot/submit', {});
    expect((await as(people.ada, 'POST', '/v1/admin/campaigns/mo-pilot/approve', {})).statusCode).toBe(200);
    const self = await as(people.ada, 'POST', '/v1/admin/campaigns/mo-pilot/publish', { version });
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toMatch(/approved this draft .* yourself/);

    // Ben did not approve: Ben may publish what Ada approved.
    const { digest } = await (async () => {
      const r = await as(people.ben, 'GET', '/v1/admin/campaigns/mo-pilot/publish-preview');
      expect(r.json().missing).toBeNull();
      return r.json() as { digest: string };
    })();
    const published = await as(people.ben, 'POST', '/v1/admin/campaigns/mo-pilot/publish', {
      version,
      digest,
    });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ version, state: 'published', publishedBy: 'user:ben@x.test' });
    const audit = (await as(people.ada, 'GET', '/v1/admin/audit?entity=campaign&entityId=mo-pilot')).json();
    expect(audit.entries[0]).toMatchObject({
      action: 'campaign.publish',
      actor: 'user:ben@x.test',
      detail: { version, approvedBy: 'user:ada@x.test' },
    });
    expect((await screenMo()).campaign).toMatchObject({ id: 'mo-pilot', version });
  });

  it("four-eyes: a partner's campaign is approved by the partner's reviewer, not by staff", async () => {
    const draft = await as(people.hk, 'PUT', '/v1/admin/campaigns/hk-pilot/draft', {
      spec: (await h.caveat.campaigns.getCampaign('hk-pilot'))!.versions[0]!.spec,
    });
    const version = (draft.json() as { version: number }).version;
    await as(people.hk, 'POST', '/v1/admin/campaigns/hk-pilot/submit', {});
    expect((await as(people.ada, 'POST', '/v1/admin/campaigns/hk-pilot/approve', {})).statusCode).toBe(403);
    expect((await as(people.hk, 'POST', '/v1/admin/campaigns/hk-pilot/approve', {})).statusCode).toBe(200);
    const published = await as(people.ada, 'POST', '/v1/admin/campaigns/hk-pilot/publish', { version });
    expect(published.statusCode).toBe(200);
  });

  it('shows the reach to confirm and refuses a publish of a draft changed after the preview', async () => {
    const version = await approvedDraft('Macau: reach preview');
    const shown = (await as(people.ada, 'GET', '/v1/admin/campaigns/mo-pilot/publish-preview')).json();
    expect(shown).toMatchObject({
      jurisdiction: { code: 'MO' },
      version,
      holdoutShare: 0.1,
      targeting: expect.arrayContaining([expect.any(String)]),
      fourEyes: { required: true, approvedBy: 'user:ben@x.test' },
      missing: null,
      paused: false,
    });
    expect(shown.replaces.version).toBeLessThan(version);
    expect(shown.estimate.basis).toMatch(/^(no_traffic|jurisdiction|jurisdiction_assets)$/);
    expect(typeof shown.estimate.warningsPerDay).toBe('number');
    expect(shown.estimate.explanation.length).toBeGreaterThan(10);

    const spec = moSpec();
    spec.content.en!.title = 'Macau: edited after the preview';
    await as(people.ada, 'PUT', '/v1/admin/campaigns/mo-pilot/draft', { spec });
    await as(people.ada, 'POST', '/v1/admin/campaigns/mo-pilot/submit', {});
    await as(people.ben, 'POST', '/v1/admin/campaigns/mo-pilot/approve', {});
    const stale = await as(people.ada, 'POST', '/v1/admin/campaigns/mo-pilot/publish', {
      version,
      digest: shown.digest,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(/changed after the publish preview/);
    const fresh = await preview();
    expect(fresh.digest).not.toBe(shown.digest);
    const ok = await as(people.ada, 'POST', '/v1/admin/campaigns/mo-pilot/publish', {
      version: fresh.version,
      digest: fresh.digest,
    });
    expect(ok.statusCode).toBe(200);
  });

  it('pauses at once (kill switch), resumes, and rolls back to the previous version', async () => {
    const before = (await screenMo()).campaign!;
    const paused = await as(people.ada, 'POST', '/v1/admin/campaigns/mo-pilot/pause', {
      note: 'wrong number',
    });
    expect(paused.statusCode).toBe(200);
    expect(paused.json().pausedBy).toBe('user:ada@x.test');
    const during = await screenMo();
    expect(during.campaign).toBeNull();
    expect(during.reasons.map((r) => r.code)).toContain('no_campaign_in_jurisdiction');
    expect((await as(people.ada, 'POST', '/v1/admin/campaigns/mo-pilot/resume')).statusCode).toBe(200);
    expect((await screenMo()).campaign).toMatchObject({ id: 'mo-pilot', version: before.version });

    const rolled = await as(people.ada, 'POST', '/v1/admin/campaigns/mo-pilot/rollback');
    expect(rolled.statusCode).toBe(200);
    const earlier = rolled.json().live.version as number;
    expect(earlier).toBeLessThan(before.version);
    expect((await screenMo()).campaign).toMatchObject({ id: 'mo-pilot', version: earlier });
    const audit = (await as(people.ada, 'GET', '/v1/admin/audit?entity=campaign&entityId=mo-pilot')).json();
    const actions = audit.entries.slice(0, 3).map((e: { action: string }) => e.action);
    expect(actions).toEqual(['campaign.rollback', 'campaign.resume', 'campaign.pause']);
    expect(audit.entries[0].detail).toMatchObject({ from: before.version, to: earlier });
  });

  it('respects a scheduled window: not before it starts, not after it ends', async () => {
    const later = await approvedDraft('Macau: scheduled');
    const startsAt = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await as(people.ada, 'POST', '/v1/admin/campaigns/mo-pilot/publish', {
      version: later,
      startsAt,
    });
    expect(scheduled.statusCode).toBe(200);
    expect((await screenMo()).campaign).toBeNull();

    const past = await approvedDraft('Macau: ending soon');
    const badEnd = await as(people.ada, 'POST', '/v1/admin/campaigns/mo-pilot/publish', {
      version: past,
      endsAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect(badEnd.statusCode).toBe(422);
    expect(badEnd.json().detail).toMatch(/endsAt/);
    const endsAt = new Date(Date.now() + 1500).toISOString();
    expect(
      (await as(people.ada, 'POST', '/v1/admin/campaigns/mo-pilot/publish', { version: past, endsAt }))
        .statusCode,
    ).toBe(200);
    expect((await screenMo()).campaign).toMatchObject({ version: past });
    // The boundary is crossed by the engine's clock, with no reload in between.
    const deadline = Date.now() + 10_000;
    let answer = await screenMo();
    while (answer.campaign !== null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await screenMo();
    }
    expect(answer.campaign).toBeNull();
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(endsAt));
  });
});
