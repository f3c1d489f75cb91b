import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hkPolice, withdrawal } from '../support/fixtures.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';
import { addDemoChannels } from './channels.js';

const PASSWORD = 'a long enough password';

describe.each(storeKinds)('the quiz over HTTP on $name', (kind) => {
  let h: Harness;
  let reviewer: { cookie: string; csrf: string };
  const count = async (table: string) =>
    Number((await h.caveat.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n);
  const start = (payload: object) => h.app.inject({ method: 'POST', url: '/public/quiz/attempts', payload });
  const answer = (attemptId: string, payload: object) =>
    h.app.inject({ method: 'POST', url: `/public/quiz/attempts/${attemptId}/answers`, payload });
  const field = (response: LightMyRequestResponse) =>
    response.json().errors?.[0]?.field as string | undefined;
  const admin = (url: string, payload?: object) =>
    h.app.inject({ method: 'POST', url, headers: bearer(h.keys.admin), payload: payload ?? {} });

  beforeAll(async () => {
    h = await startHarness(await kind.open(), { env: { SIGN_IN_PER_MINUTE: '1000' } });
    await addDemoChannels(h);
    await h.caveat.users.create(
      {
        email: 'hk@x.test',
        name: 'HK reviewer',
        role: 'partner_reviewer',
        jurisdiction: 'HK',
        partnerId: hkPolice.id,
        password: PASSWORD,
      },
      'test',
    );
    const signedIn = await h.app.inject({
      method: 'POST',
      url: '/v1/console/session',
      payload: { email: 'hk@x.test', password: PASSWORD },
    });
    const cookie = signedIn.cookies.find((c) => c.name === 'caveat_session');
    reviewer = { cookie: `caveat_session=${cookie?.value}`, csrf: signedIn.json().csrfToken };
  }, 60_000);
  afterAll(async () => h?.close());

  it('has nothing to take before a quiz is published', async () => {
    const response = await start({ attemptId: randomUUID(), jurisdiction: 'HK', locale: 'en' });
    expect(response.statusCode).toBe(404);
    expect(field(response)).toBe('body/jurisdiction');
  });

  it('generates a draft, needs the partner’s approval to publish, then publishes', async () => {
    const draft = await admin('/v1/admin/quizzes/HK/draft');
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ version: 1, state: 'draft', reviewState: 'editing' });
    expect(draft.json().spec.basedOn).toEqual({ campaignId: 'hk-pilot', version: 1 });
    const early = await admin('/v1/admin/quizzes/HK/publish');
    expect(early.statusCode).toBe(409);
    // API keys cannot approve: it is a person's act for the partner.
    expect((await admin('/v1/admin/quizzes/HK/approve')).statusCode).toBe(403);
    const approved = await h.app.inject({
      method: 'POST',
      url: '/v1/admin/quizzes/HK/approve',
      headers: { cookie: reviewer.cookie, 'x-csrf-token': reviewer.csrf },
      payload: { note: 'Checked with the ADCC' },
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ reviewState: 'approved', reviewNote: 'Checked with the ADCC' });
    const published = await admin('/v1/admin/quizzes/HK/publish');
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ state: 'published', version: 1 });
    // The reviewer of Hong Kong does not see Macau's quiz.
    await admin('/v1/admin/quizzes/MO/draft');
    const other = await h.app.inject({
      method: 'GET',
      url: '/v1/admin/quizzes/MO',
      headers: { cookie: reviewer.cookie },
    });
    expect(other.statusCode).toBe(404);
    // Macau's campaign names no partner: publishing needs no approval.
    expect((await admin('/v1/admin/quizzes/MO/publish')).statusCode).toBe(200);
    const audit = await h.caveat.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'quiz' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'quiz.draft.save',
      'quiz.review.approved',
      'quiz.publish',
      'quiz.draft.save',
      'quiz.publish',
    ]);
  });

  it('runs an anonymous attempt: eight balanced questions, explanations, a score', async () => {
    const attemptId = randomUUID();
    const started = await start({ attemptId, jurisdiction: 'HK', locale: 'zh-Hant-HK' });
    expect(started.statusCode).toBe(200);
    const body = started.json();
    expect(body.locale).toBe('zh-Hant');
    expect(body.questions).toHaveLength(8);
    expect(JSON.stringify(body)).not.toMatch(/correct/);
    let right = 0;
    for (const [index, question] of body.questions.entries()) {
      const optionId = question.options[index % question.options.length].id;
      const result = await answer(attemptId, { questionId: question.id, optionId });
      expect(result.statusCode).toBe(200);
      const r = result.json();
      expect(r.explanation.length).toBeGreaterThan(10);
      if (r.correct) right += 1;
      expect(r.score).toEqual({ answered: index + 1, correct: right, total: 8 });
    }
    const stored = await h.caveat.db.query<{ user_ref: string | null }>(
      'SELECT user_ref FROM quiz_attempts WHERE id = $1',
      [attemptId],
    );
    expect(stored).toEqual([{ user_ref: null }]);
    // Retrying an answer is a duplicate with the same result; changing it is refused.
    const first = body.questions[0];
    const again = await answer(attemptId, { questionId: first.id, optionId: first.options[0].id });
    expect(again.json()).toMatchObject({ status: 'duplicate', score: { answered: 8 } });
    const changed = await answer(attemptId, { questionId: first.id, optionId: first.options[1].id });
    expect(changed.statusCode).toBe(409);
    expect(field(changed)).toBe('body/questionId');
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const attemptId = randomUUID();
    const started = (await start({ attemptId, jurisdiction: 'HK', locale: 'en' })).json();
    const before = { attempts: await count('quiz_attempts'), answers: await count('quiz_answers') };
    const replay = await start({ attemptId, jurisdiction: 'HK', locale: 'en' });
    expect(replay.statusCode).toBe(409);
    expect(field(replay)).toBe('body/attemptId');
    const notDrawn = (await h.app.inject({ method: 'GET', url: '/public/quiz' })).json();
    expect(notDrawn.quizzes.map((q: { jurisdiction: string }) => q.jurisdiction)).toEqual(['HK', 'MO']);
    const drawnIds = new Set(started.questions.map((q: { id: string }) => q.id));
    const bank = (
      await h.caveat.db.query<{ spec: { questions: { id: string }[] } }>(
        `SELECT spec FROM quiz_versions WHERE jurisdiction = 'HK'`,
      )
    )[0]!.spec.questions.map((q) => q.id);
    const outside = bank.find((id) => !drawnIds.has(id))!;
    const cases: [LightMyRequestResponse, number, string][] = [
      [await answer(attemptId, { questionId: outside, optionId: 'a' }), 422, 'body/questionId'],
      [await answer(attemptId, { questionId: started.questions[0].id, optionId: 'h' }), 422, 'body/optionId'],
      [
        await answer(randomUUID(), { questionId: started.questions[0].id, optionId: 'a' }),
        404,
        'params/attemptId',
      ],
      [await answer('not-a-uuid', { questionId: 'x', optionId: 'a' }), 400, 'params/attemptId'],
      [await answer(attemptId, { questionId: 'x'.repeat(600), optionId: 'a' }), 413, 'body'],
      [await answer(attemptId, { questionId: 'x', optionId: 'a', extra: 1 }), 400, 'body/extra'],
      [
        await start({ attemptId: randomUUID(), jurisdiction: 'HK', locale: 'en', userRef: 'u1' }),
        400,
        'body/userRef',
      ],
      [
        await start({
          attemptId: randomUUID(),
          jurisdiction: 'HK',
          locale: 'en',
          userToken: 'cvtqu_forged.mac12345',
        }),
        422,
        'body/userToken',
      ],
      [
        await start({
          attemptId: randomUUID(),
          jurisdiction: 'HK',
          locale: 'en',
          eventToken: 'cvtev_nope.abcdefgh',
        }),
        422,
        'body/eventToken',
      ],
      [await start({ attemptId: randomUUID(), jurisdiction: 'ZZ', locale: 'en' }), 404, 'body/jurisdiction'],
      [
        await start({ attemptId: randomUUID(), jurisdiction: 'HK', locale: 'en', padding: 'x'.repeat(4000) }),
        413,
        'body',
      ],
    ];
    for (const [response, status, name] of cases) {
      expect(response.statusCode, `${name}: ${response.body}`).toBe(status);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.json().errors?.[0]?.field ?? 'body', response.body).toContain(name);
    }
    expect({ attempts: await count('quiz_attempts'), answers: await count('quiz_answers') }).toEqual(before);
  });

  it('ties an attempt to the user only through the exchange’s token or a warning’s event token', async () => {
    const invitation = await h.app.inject({
      method: 'POST',
      url: '/v1/quiz/invitations',
      headers: bearer(h.keys.exchange),
      payload: { jurisdiction: 'HK', userRef: 'user-42' },
    });
    expect(invitation.json()).toMatchObject({ offered: true, experiment: null });
    const withToken = randomUUID();
    await start({
      attemptId: withToken,
      jurisdiction: 'HK',
      locale: 'en',
      userToken: invitation.json().userToken,
    });
    const decision = (
      await h.app.inject({
        method: 'POST',
        url: '/v1/screenings',
        headers: bearer(h.keys.exchange),
        payload: withdrawal({ userRef: 'user-77' }),
      })
    ).json();
    expect(decision.decision).not.toBe('allow');
    const fromWarning = randomUUID();
    const started = await start({ attemptId: fromWarning, locale: 'en', eventToken: decision.eventToken });
    expect(started.json().jurisdiction).toBe('HK');
    const rows = await h.caveat.db.query<{ id: string; user_ref: string; decision_id: string | null }>(
      'SELECT id, user_ref, decision_id FROM quiz_attempts WHERE id = ANY($1::uuid[]) ORDER BY user_ref',
      [[withToken, fromWarning]],
    );
    expect(rows).toEqual([
      { id: withToken, user_ref: 'user-42', decision_id: null },
      { id: fromWarning, user_ref: 'user-77', decision_id: decision.id },
    ]);
    // The public start cannot be used to mint tokens, and the invitation needs the exchange's key.
    const anonymous = await h.app.inject({
      method: 'POST',
      url: '/v1/quiz/invitations',
      payload: { jurisdiction: 'HK', userRef: 'x' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('measures the share fooled per trick with Wilson intervals', async () => {
    const response = await h.app.inject({
      method: 'GET',
      url: '/v1/quiz-measurement?jurisdiction=HK',
      headers: bearer(h.keys.reports),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.byTrick.length).toBe(8);
    for (const row of body.byTrick) {
      expect(row.fooled.n).toBeGreaterThan(0);
      expect(row.fooled.low).toBeLessThanOrEqual(row.fooled.rate);
      expect(row.fooled.high).toBeGreaterThanOrEqual(row.fooled.rate);
    }
    expect(body.laterWarnings[0]).toMatchObject({ jurisdiction: 'HK', design: 'observational' });
    expect(body.laterWarnings[0].statement).toMatch(/Observational/);
  });
});

describe('the public quiz is rate-limited per client like /public/lookup', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(await storeKinds[0]!.open(), { env: { PUBLIC_LOOKUP_PER_MINUTE: '3' } });
    await addDemoChannels(h);
    await h.app.inject({
      method: 'POST',
      url: '/v1/admin/quizzes/MO/draft',
      headers: bearer(h.keys.admin),
      payload: {},
    });
    await h.app.inject({
      method: 'POST',
      url: '/v1/admin/quizzes/MO/publish',
      headers: bearer(h.keys.admin),
      payload: {},
    });
  }, 60_000);
  afterAll(async () => h?.close());

  it('refuses the fourth start in a minute with a 429 problem and writes nothing for it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await h.app.inject({
        method: 'POST',
        url: '/public/quiz/attempts',
        payload: { attemptId: randomUUID(), jurisdiction: 'MO', locale: 'pt' },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const rows = await h.caveat.db.query<{ n: string }>('SELECT count(*) AS n FROM quiz_attempts');
    expect(Number(rows[0]?.n)).toBe(3);
  });
});
