import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hkPolice, hkSpec, moSpec } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const PASSWORD = 'a long enough password';
const SECRET = `whsec_${Buffer.from('review webhook test secret 32by').toString('base64')}`;

interface Session {
  cookie: string;
  csrf: string;
}
interface Delivery {
  headers: IncomingMessage['headers'];
  body: string;
}
interface Diff {
  version: number;
  digest: string;
  locales: {
    locale: string;
    isNew: boolean;
    fields: { path: string; change: string; parts: { text: string; kind: string }[] }[];
  }[];
}

describe.each(storeKinds)('review on $name', (kind) => {
  let h: Harness;
  let hook: Server;
  const deliveries: Delivery[] = [];
  /** The webhook answers 500 to the first delivery of a message id in this set, then 200. */
  const refuseOnce = new Set<string>();
  const people = {} as Record<'ada' | 'hk' | 'mo', Session>;

  const as = (who: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    h.app.inject({
      method,
      url,
      headers: { cookie: who.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': who.csrf }) },
      ...(payload ? { payload } : {}),
    });
  const diffOf = async (who: Session, id: string) => {
    const response = await as(who, 'GET', `/v1/admin/campaigns/${id}/review-diff`);
    expect(response.statusCode).toBe(200);
    return response.json() as Diff;
  };
  const statuses = async (id: string) =>
    Object.fromEntries(
      (
        (await as(people.ada, 'GET', `/v1/admin/campaigns/${id}/translation`)).json() as {
          locales: { locale: string; status: string }[];
        }
      ).locales.map((l) => [l.locale, l.status]),
    );
  const waitFor = async <T>(read: () => T | undefined, what: string): Promise<T> => {
    const until = Date.now() + 10_000;
    for (;;) {
      const value = read();
      if (value !== undefined) return value;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  beforeAll(async () => {
    hook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        deliveries.push({ headers: request.headers, body });
        const id = String(request.headers['webhook-id']);
        const refuse =
          [...refuseOnce].some((type) => body.includes(type)) &&
          !deliveries.slice(0, -1).some((d) => d.headers['webhook-id'] === id);
        response.statusCode = refuse ? 500 : 200;
        response.end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const port = (hook.address() as AddressInfo).port;
    h = await startHarness(await kind.open(), {
      env: {
        SIGN_IN_PER_MINUTE: '1000',
        REVIEW_WEBHOOK_URL: `http://127.0.0.1:${port}/review`,
        REVIEW_WEBHOOK_SECRET: SECRET,
      },
    });
    const users = [
      ['ada', 'ada@x.test', 'admin', null, null],
      ['hk', 'hk@x.test', 'partner_reviewer', 'HK', hkPolice.id],
      ['mo', 'mo@x.test', 'partner_reviewer', 'MO', null],
    ] as const;
    for (const [key, email, role, jurisdiction, partnerId] of users) {
      await h.caveat.users.create(
        { email, name: `Test ${key}`, role, jurisdiction, partnerId, password: PASSWORD },
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
  afterAll(async () => {
    await h.close();
    await new Promise((resolve) => hook.close(resolve));
  });

  it('refuses to publish a version with an untranslated locale, naming it, until it is marked translated', async () => {
    const spec = moSpec();
    delete spec.content.pt;
    await h.caveat.campaigns.createCampaign(
      {
        id: 'mo-untranslated',
        jurisdiction: 'MO',
        partnerId: null,
        name: 'MO untranslated',
        demo: false,
        spec,
      },
      'test',
    );
    // The console adds a locale as a copy of another: the server marks it untranslated.
    const withPt = { ...spec, content: { ...spec.content, pt: structuredClone(spec.content.en!) } };
    const saved = await as(people.ada, 'PUT', '/v1/admin/campaigns/mo-untranslated/draft', { spec: withPt });
    expect(saved.statusCode).toBe(200);
    expect(await statuses('mo-untranslated')).toEqual({
      en: 'translated',
      'zh-Hant': 'translated',
      pt: 'untranslated',
    });
    const version = (saved.json() as { version: number }).version;

    const refused = await h.app.inject({
      method: 'POST',
      url: '/v1/admin/campaigns/mo-untranslated/publish',
      headers: bearer(h.keys.admin),
      payload: { version },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.json().detail).toMatch(/^Portuguese \(pt\) is not translated yet/);
    expect(refused.json().errors).toEqual([
      { field: 'translation/pt', message: 'Portuguese (pt) is marked untranslated' },
    ]);
    expect((await h.caveat.campaigns.getCampaign('mo-untranslated'))!.live).toBeNull();

    const marked = await as(people.ada, 'PUT', '/v1/admin/campaigns/mo-untranslated/translation/pt', {
      status: 'translated',
    });
    expect(marked.statusCode).toBe(200);
    const audit = await h.caveat.db.query<{ detail: { locale: string; after: string } }>(
      `SELECT detail FROM audit_log WHERE action = 'campaign.translation.status' AND entity_id = 'mo-untranslated'`,
    );
    expect(audit.map((a) => [a.detail.locale, a.detail.after])).toEqual([['pt', 'translated']]);
    const published = await h.app.inject({
      method: 'POST',
      url: '/v1/admin/campaigns/mo-untranslated/publish',
      headers: bearer(h.keys.admin),
      payload: { version },
    });
    expect(published.statusCode).toBe(200);
  });

  it('records an approval per locale with the digest read; the draft is approved once every locale is', async () => {
    deliveries.length = 0;
    const spec = hkSpec();
    spec.content.en!.title = 'Beware of a stranger with scams';
    expect((await as(people.ada, 'PUT', '/v1/admin/campaigns/hk-pilot/draft', { spec })).statusCode).toBe(
      200,
    );
    expect((await as(people.ada, 'POST', '/v1/admin/campaigns/hk-pilot/submit', {})).statusCode).toBe(200);

    const diff = await diffOf(people.hk, 'hk-pilot');
    const title = diff.locales.find((l) => l.locale === 'en')!.fields.find((f) => f.path === 'title')!;
    expect(title.change).toBe('changed');
    expect(title.parts.filter((p) => p.kind === 'inserted').map((p) => p.text.trim())).toEqual([
      'a stranger with',
    ]);
    expect(diff.locales.find((l) => l.locale === 'zh-Hant')!.fields.every((f) => f.change === 'same')).toBe(
      true,
    );

    const stale = await as(people.hk, 'POST', '/v1/admin/campaigns/hk-pilot/approve', {
      locales: ['en'],
      digest: '0'.repeat(32),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().errors[0].field).toBe('body/digest');

    const english = await as(people.hk, 'POST', '/v1/admin/campaigns/hk-pilot/approve', {
      locales: ['en'],
      digest: diff.digest,
    });
    expect(english.statusCode).toBe(200);
    expect(english.json().review.state).toBe('in_review');
    expect(await statuses('hk-pilot')).toEqual({ en: 'approved', 'zh-Hant': 'translated' });
    // One language approved is not an approved draft: the partner's campaign cannot go live yet.
    const early = await h.app.inject({
      method: 'POST',
      url: '/v1/admin/campaigns/hk-pilot/publish',
      headers: bearer(h.keys.admin),
      payload: { version: (english.json() as { version: number }).version },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/needs the partner's approval/);

    const both = await as(people.hk, 'POST', '/v1/admin/campaigns/hk-pilot/approve', {
      locales: ['zh-Hant'],
      digest: diff.digest,
      note: 'Read both',
    });
    expect(both.json().review.state).toBe('approved');
    const detail = (await as(people.ada, 'GET', '/v1/admin/campaigns/hk-pilot')).json() as {
      reviews: { action: string; locales?: string[]; digest?: string; actor: string }[];
    };
    expect(detail.reviews.filter((r) => r.action === 'approved').slice(-2)).toEqual([
      expect.objectContaining({ locales: ['en'], digest: diff.digest, actor: 'user:hk@x.test' }),
      expect.objectContaining({ locales: ['zh-Hant'], digest: diff.digest, actor: 'user:hk@x.test' }),
    ]);
    const audit = await h.caveat.db.query<{ detail: { locales: string[]; digest: string } }>(
      `SELECT detail FROM audit_log WHERE action = 'campaign.review.approved' AND entity_id = 'hk-pilot' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit[0]!.detail).toMatchObject({ locales: ['zh-Hant'], digest: diff.digest });
  });

  it('an edit after approval withdraws it: the edited locale is translated again, the others stay approved', async () => {
    const spec = hkSpec();
    spec.content.en!.title = 'Beware of a stranger with scams';
    spec.content['zh-Hant']!.title = '小心陌生人騙案';
    expect((await as(people.ada, 'PUT', '/v1/admin/campaigns/hk-pilot/draft', { spec })).statusCode).toBe(
      200,
    );
    const campaign = (await as(people.ada, 'GET', '/v1/admin/campaigns/hk-pilot')).json() as {
      versions: { state: string; review: { state: string } }[];
    };
    expect(campaign.versions.find((v) => v.state === 'draft')!.review.state).toBe('editing');
    expect(await statuses('hk-pilot')).toEqual({ en: 'approved', 'zh-Hant': 'translated' });
    const marking = await as(people.ada, 'PUT', '/v1/admin/campaigns/hk-pilot/translation/en', {
      status: 'untranslated',
    });
    expect(marking.statusCode).toBe(409);
    expect(marking.json().detail).toMatch(/English \(en\) is approved/);
  });

  it('comments on a field are append-only and audited, resolved by a new row', async () => {
    const added = await as(people.hk, 'POST', '/v1/admin/campaigns/hk-pilot/comments', {
      locale: 'en',
      field: 'tips/1',
      body: 'Say "the police will never ask you to move money".',
    });
    expect(added.statusCode).toBe(201);
    const comment = added.json() as { id: string; resolved: boolean; field: string };
    expect(comment).toMatchObject({ field: 'tips/1', resolved: false });
    const resolved = await as(
      people.ada,
      'POST',
      `/v1/admin/campaigns/hk-pilot/comments/${comment.id}/resolve`,
    );
    expect(resolved.json()).toMatchObject({
      resolved: true,
      history: [{ action: 'resolved', actor: 'user:ada@x.test' }],
    });
    const reopened = await as(
      people.hk,
      'POST',
      `/v1/admin/campaigns/hk-pilot/comments/${comment.id}/reopen`,
    );
    expect((reopened.json() as { history: unknown[]; resolved: boolean }).resolved).toBe(false);
    expect((reopened.json() as { history: unknown[] }).history).toHaveLength(2);
    await expect(h.caveat.db.query(`UPDATE campaign_comments SET body = 'changed'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(h.caveat.db.query('DELETE FROM campaign_comment_events')).rejects.toThrow(/append-only/);
    const audit = await h.caveat.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = 'hk-pilot' AND action LIKE 'campaign.comment.%' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'campaign.comment.add',
      'campaign.comment.resolve',
      'campaign.comment.reopen',
    ]);
    const moSees = await as(people.mo, 'GET', '/v1/admin/campaigns/hk-pilot/comments');
    expect(moSees.statusCode).toBe(404);
    const empty = await as(people.hk, 'POST', '/v1/admin/campaigns/hk-pilot/comments', {
      locale: 'en',
      field: 'title',
      body: '  ',
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors[0].field).toBe('body/body');
  });

  it('notifies the reviewers of the jurisdiction on submit and the submitter on approval, by console and signed webhook', async () => {
    const before = (await as(people.hk, 'GET', '/v1/admin/notifications')).json() as { unread: number };
    const moBefore = (await as(people.mo, 'GET', '/v1/admin/notifications')).json() as { unread: number };
    deliveries.length = 0;
    refuseOnce.add('campaign.review.submitted');
    const submitted = await as(people.ada, 'POST', '/v1/admin/campaigns/hk-pilot/submit', {
      note: 'Title reworded',
    });
    // The webhook refused the first delivery: the submit is not affected.
    expect(submitted.statusCode).toBe(200);

    const hkNow = (await as(people.hk, 'GET', '/v1/admin/notifications')).json() as {
      unread: number;
      notifications: { id: string; event: string; campaignId: string; note: string | null }[];
    };
    expect(hkNow.unread).toBe(before.unread + 1);
    expect(hkNow.notifications[0]).toMatchObject({
      event: 'submitted',
      campaignId: 'hk-pilot',
      note: 'Title reworded',
    });
    expect(
      ((await as(people.mo, 'GET', '/v1/admin/notifications')).json() as { unread: number }).unread,
    ).toBe(moBefore.unread);

    const inbox = (await as(people.hk, 'GET', '/v1/admin/review-inbox')).json() as {
      items: { campaignId: string; reviewState: string; changes: { locale: string; changed: string[] }[] }[];
      waiting: number;
    };
    expect(inbox.items.map((i) => i.campaignId)).toEqual(['hk-pilot']);
    expect(inbox.items[0]!.changes).toEqual(
      expect.arrayContaining([
        { locale: 'zh-Hant', isNew: false, changed: ['title'] },
        { locale: 'en', isNew: false, changed: ['title'] },
      ]),
    );
    expect(inbox.waiting).toBe(1);
    expect(
      ((await as(people.mo, 'GET', '/v1/admin/review-inbox')).json() as { items: unknown[] }).items,
    ).toEqual([]);

    // The first attempt is refused; the retry carries the same message id and a valid signature.
    const retried = await waitFor(() => {
      const submits = deliveries.filter((d) => d.body.includes('campaign.review.submitted'));
      return submits.length >= 2 ? submits : undefined;
    }, 'the retried webhook');
    expect(retried[1]!.headers['webhook-id']).toBe(retried[0]!.headers['webhook-id']);
    const verified = new Webhook(SECRET).verify(retried[1]!.body, {
      'webhook-id': String(retried[1]!.headers['webhook-id']),
      'webhook-timestamp': String(retried[1]!.headers['webhook-timestamp']),
      'webhook-signature': String(retried[1]!.headers['webhook-signature']),
    }) as {
      type: string;
      data: { campaignId: string; jurisdiction: string; recipients: { email: string }[] };
    };
    expect(verified.type).toBe('campaign.review.submitted');
    expect(verified.data).toMatchObject({ campaignId: 'hk-pilot', jurisdiction: 'HK' });
    expect(verified.data.recipients.map((r) => r.email)).toEqual(['hk@x.test']);
    expect(() =>
      new Webhook(SECRET).verify(retried[1]!.body.replace('hk-pilot', 'mo-pilot'), {
        'webhook-id': String(retried[1]!.headers['webhook-id']),
        'webhook-timestamp': String(retried[1]!.headers['webhook-timestamp']),
        'webhook-signature': String(retried[1]!.headers['webhook-signature']),
      }),
    ).toThrow();

    const { digest } = await diffOf(people.hk, 'hk-pilot');
    await as(people.hk, 'POST', '/v1/admin/campaigns/hk-pilot/approve', { locales: ['zh-Hant'], digest });
    const adaNow = (await as(people.ada, 'GET', '/v1/admin/notifications')).json() as {
      unread: number;
      notifications: { id: string; event: string; actor: string }[];
    };
    expect(adaNow.notifications[0]).toMatchObject({ event: 'approved', actor: 'user:hk@x.test' });
    const approvedHook = await waitFor(
      () => deliveries.find((d) => d.body.includes('campaign.review.approved')),
      'the approval webhook',
    );
    expect(
      (JSON.parse(approvedHook.body) as { data: { recipients: { email: string }[]; locales: string[] } })
        .data,
    ).toMatchObject({
      recipients: [{ email: 'ada@x.test' }],
      locales: ['zh-Hant'],
    });

    // Every language approved: the partner's campaign publishes, and the reviewer hears of it.
    const version = (await diffOf(people.hk, 'hk-pilot')).version;
    const published = await h.app.inject({
      method: 'POST',
      url: '/v1/admin/campaigns/hk-pilot/publish',
      headers: bearer(h.keys.admin),
      payload: { version },
    });
    expect(published.statusCode).toBe(200);
    const hkAfter = (await as(people.hk, 'GET', '/v1/admin/notifications')).json() as {
      notifications: { event: string; version: number }[];
    };
    expect(hkAfter.notifications[0]).toMatchObject({ event: 'published', version });

    // The publish told Ada (who submitted) as well; marking one read leaves the rest unread.
    const adaUnread = ((await as(people.ada, 'GET', '/v1/admin/notifications')).json() as { unread: number })
      .unread;
    expect(adaUnread).toBe(adaNow.unread + 1);
    const read = await as(people.ada, 'POST', '/v1/admin/notifications/read', {
      ids: [adaNow.notifications[0]!.id],
    });
    expect(read.json()).toMatchObject({ marked: 1, unread: adaUnread - 1 });
  }, 30_000);

  it('a request for changes tells the submitter, with the note, and stays in the inbox as changes requested', async () => {
    const spec = hkSpec();
    spec.content.en!.body = 'A new body to review';
    expect((await as(people.ada, 'PUT', '/v1/admin/campaigns/hk-pilot/draft', { spec })).statusCode).toBe(
      200,
    );
    expect((await as(people.ada, 'POST', '/v1/admin/campaigns/hk-pilot/submit', {})).statusCode).toBe(200);
    const asked = await as(people.hk, 'POST', '/v1/admin/campaigns/hk-pilot/request-changes', {
      note: 'Name the hotline in the body',
    });
    expect(asked.statusCode).toBe(200);
    const ada = (await as(people.ada, 'GET', '/v1/admin/notifications')).json() as {
      notifications: { event: string; note: string | null; actor: string }[];
    };
    expect(ada.notifications[0]).toMatchObject({
      event: 'changes_requested',
      note: 'Name the hotline in the body',
      actor: 'user:hk@x.test',
    });
    const inbox = (await as(people.hk, 'GET', '/v1/admin/review-inbox')).json() as {
      items: { campaignId: string; reviewState: string; note: string }[];
      waiting: number;
    };
    expect(inbox.items[0]).toMatchObject({ campaignId: 'hk-pilot', reviewState: 'changes_requested' });
    expect(inbox.waiting).toBe(0);
  });
});
