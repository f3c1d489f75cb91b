import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateQuizSpec } from '../../src/education/bank.js';
import type { QuizSpec } from '../../src/education/model.js';
import { RequestProblem } from '../../src/errors.js';
import { CampaignRepository } from '../../src/store/campaign-repository.js';
import type { Database } from '../../src/store/database.js';
import { EducationRepository } from '../../src/store/education-repository.js';
import { migrate } from '../../src/store/migrate.js';
import { HK, hkPolice } from '../support/fixtures.js';
import { storeKinds } from '../support/stores.js';
import { demoKnowledge } from './knowledge.js';

describe.each(storeKinds)('the education store on $name', (kind) => {
  let db: Database;
  let store: EducationRepository;
  let spec: QuizSpec;

  beforeAll(async () => {
    db = await kind.open();
    await migrate(db);
    const campaigns = new CampaignRepository(db);
    await campaigns.putJurisdiction(HK, 'test');
    await campaigns.putPartner(hkPolice, 'test');
    store = new EducationRepository(db);
    const generated = generateQuizSpec(demoKnowledge('HK'));
    if (!generated.ok) throw new Error(generated.reason);
    spec = generated.spec;
  }, 60_000);
  afterAll(async () => db?.close());

  it('keeps one draft; saving it again withdraws the approval; published versions never change', async () => {
    const first = await store.saveDraft('HK', hkPolice.id, spec, 'staff');
    await store.approve('HK', 'reviewer', 'ok');
    const again = await store.saveDraft('HK', hkPolice.id, { ...spec, drawSize: 6 }, 'staff');
    expect(again).toMatchObject({ version: first.version, reviewState: 'editing', reviewedBy: null });
    await expect(store.publish('HK', 'staff')).rejects.toThrow(/partner's approval/);
    await store.approve('HK', 'reviewer', null);
    const published = await store.publish('HK', 'staff');
    expect(published).toMatchObject({ version: 1, state: 'published', spec: { drawSize: 6 } });
    await expect(
      db.query(`UPDATE quiz_versions SET spec = '{}' WHERE jurisdiction = 'HK' AND version = 1`),
    ).rejects.toThrow(/immutable/);
    const next = await store.saveDraft('HK', hkPolice.id, spec, 'staff');
    expect(next).toMatchObject({ version: 2, state: 'draft' });
    expect((await store.published('HK'))?.version).toBe(1);
  });

  it('refuses a replayed attempt id, and two different answers to one question racing: one wins', async () => {
    const id = randomUUID();
    const attempt = {
      id,
      jurisdiction: 'HK',
      quizVersion: 1,
      locale: 'en',
      userRef: null,
      decisionId: null,
      questions: [{ id: 'call.safe-wallet', optionOrder: ['a', 'b', 'c'] }],
    };
    await store.startAttempt(attempt);
    const replay = await store.startAttempt(attempt).catch((error: unknown) => error);
    expect(replay).toBeInstanceOf(RequestProblem);
    expect((replay as RequestProblem).errors[0]?.field).toBe('body/attemptId');
    const answer = (optionId: string) =>
      store.recordAnswer({
        attemptId: id,
        questionId: 'call.safe-wallet',
        optionId,
        jurisdiction: 'HK',
        trick: 'phone_call',
        fooled: optionId !== 'c',
      });
    const results = await Promise.allSettled([answer('a'), answer('c')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const stored = await store.answers(id);
    expect(stored).toHaveLength(1);
    await expect(answer(stored[0]!.optionId)).resolves.toBe('duplicate');
    const tallies = await store.answerTallies({ from: new Date(0), to: new Date(Date.now() + 60_000) });
    expect(tallies).toEqual([
      {
        jurisdiction: 'HK',
        questionId: 'call.safe-wallet',
        trick: 'phone_call',
        answered: 1,
        fooled: stored[0]!.fooled ? 1 : 0,
      },
    ]);
  });
});
