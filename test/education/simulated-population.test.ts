import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { educationOf, type EducationService } from '../../src/app/education-service.js';
import { fooledReport, type AnswerTally } from '../../src/education/measurement.js';
import { TRICKS, type Trick } from '../../src/education/model.js';
import { seededRandom } from '../../src/education/seeded-random.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';
import { addDemoChannels } from './channels.js';
import { simulateTakers, TRUE_RATES } from './population.js';

describe('Wilson intervals of the fooled share over many simulated populations', () => {
  it('cover the true per-trick rate about 95% of the time', () => {
    const random = seededRandom('coverage');
    const populations = 400;
    const perTrick = 80;
    const covered = new Map<Trick, number>(TRICKS.map((t) => [t, 0]));
    for (let p = 0; p < populations; p += 1) {
      const tallies: AnswerTally[] = TRICKS.map((trick) => {
        let fooled = 0;
        for (let i = 0; i < perTrick; i += 1) if (random() < TRUE_RATES[trick]) fooled += 1;
        return { jurisdiction: 'HK', questionId: `q.${trick}`, trick, answered: perTrick, fooled };
      });
      for (const row of fooledReport(tallies).byTrick) {
        const { low, high } = row.fooled;
        if (low !== null && high !== null && low <= TRUE_RATES[row.trick] && TRUE_RATES[row.trick] <= high)
          covered.set(row.trick, (covered.get(row.trick) ?? 0) + 1);
      }
    }
    for (const trick of TRICKS) {
      const coverage = (covered.get(trick) ?? 0) / populations;
      // 400 populations: a true 95% coverage lands in [0.92, 0.98] with about 99% probability.
      expect(coverage, trick).toBeGreaterThan(0.92);
      expect(coverage, trick).toBeLessThan(0.985);
    }
  });
});

describe.each(storeKinds)('a simulated population on $name', (kind) => {
  let h: Harness;
  let education: EducationService;
  const users = 160;
  const offer = { experimentKey: 'hk-quiz-offer-test', offerShare: 0.5 };
  const later = new Date(Date.now() + 60_000);
  const to = new Date(Date.now() + 86_400_000).toISOString();

  beforeAll(async () => {
    h = await startHarness(await kind.open());
    await addDemoChannels(h);
    education = await educationOf(h.caveat);
    await education.generateDraft('HK', 'test', offer);
    await education.approve('HK', 'test-reviewer', null);
    await education.publish('HK', 'test');
    const answersByUser = await simulateTakers(education, {
      jurisdiction: 'HK',
      takers: users,
      seed: 'population-1',
      offer,
    });
    const random = seededRandom('outcomes-1');
    // One later warning each, decided: takers protect themselves more often (0.55 against 0.35).
    for (const [index, user] of answersByUser.entries()) {
      const id = `sim-decision-${index}`;
      const protectedRate = user.tookQuiz ? 0.55 : 0.35;
      await h.caveat.db.query(
        `INSERT INTO decisions (id, idempotency_key, request_hash, user_ref, jurisdiction, locale, asset, amount_usd,
           decision, campaign_id, campaign_version, arm, response, created_at)
         VALUES ($1, $1, 'sim', $2, 'HK', 'en', 'USDT', 500, 'warn', 'hk-pilot', 1, 'treatment', '{}', $3)`,
        [id, user.userRef, later],
      );
      await h.caveat.db.query(
        `INSERT INTO outcomes (decision_id, displayed_at, decided_at, outcome) VALUES ($1, $2, $2, $3)`,
        [id, later, random() < protectedRate ? 'cancelled' : 'proceeded'],
      );
    }
  }, 180_000);
  afterAll(async () => h?.close());

  it('recovers every trick’s true fooled rate inside its 95% interval, through the API', async () => {
    const response = await h.app.inject({
      method: 'GET',
      url: `/v1/quiz-measurement?jurisdiction=HK&to=${encodeURIComponent(to)}`,
      headers: bearer(h.keys.reports),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.byTrick.map((r: { trick: string }) => r.trick).sort()).toEqual([...TRICKS].sort());
    for (const row of body.byTrick as { trick: Trick; fooled: { n: number; low: number; high: number } }[]) {
      expect(row.fooled.n, row.trick).toBe(users);
      expect(row.fooled.low, row.trick).toBeLessThan(TRUE_RATES[row.trick]);
      expect(row.fooled.high, row.trick).toBeGreaterThan(TRUE_RATES[row.trick]);
    }
    expect(body.byJurisdiction[0].jurisdiction).toBe('HK');
    expect(body.byQuestion.reduce((s: number, q: { fooled: { n: number } }) => s + q.fooled.n, 0)).toBe(
      users * 8,
    );
  });

  it('compares takers with the others at the next warning, observationally, and the offer by intention to treat', async () => {
    const body = (
      await h.app.inject({
        method: 'GET',
        url: `/v1/quiz-measurement?jurisdiction=HK&to=${encodeURIComponent(to)}`,
        headers: bearer(h.keys.reports),
      })
    ).json();
    const observational = body.laterWarnings[0];
    expect(observational.design).toBe('observational');
    expect(observational.statement).toMatch(/chose to take the quiz/);
    const [took, didNot] = observational.groups;
    expect(took).toMatchObject({ group: 'took_quiz', users });
    expect(didNot.group).toBe('did_not');
    expect(observational.difference.low).toBeLessThan(0.2);
    expect(observational.difference.high).toBeGreaterThan(0.2);
    const itt = body.experiment[0];
    expect(itt.design).toBe('intention_to_treat');
    const [offered, notOffered] = itt.groups;
    expect(offered.group).toBe('offered');
    // Every warned user is in the arm the hash gave them, whether or not they took the quiz.
    expect(offered.users + notOffered.users).toBe(took.users + didNot.users);
    // The offer's true effect is diluted by those who ignored it: 0.7 × 0.2 = 0.14.
    expect(itt.difference.low).toBeLessThan(0.14);
    expect(itt.difference.high).toBeGreaterThan(0.14);
  });
});
