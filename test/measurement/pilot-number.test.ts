import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo-seed.js';
import { assign } from '../../src/campaigns/assignment.js';
import { runSimulation } from '../../src/cli/pilot-simulator.js';
import { demoCampaigns } from '../../src/demo/campaigns.js';
import { buildPilotNumber, type DecisionFact, type PilotNumber } from '../../src/measurement/pilot-number.js';
import type { PilotReport } from '../../src/measurement/report-model.js';
import {
  answerFor,
  defaultBehaviours,
  pathWithdraws,
  planPopulation,
  truthOf,
  type PlannedUser,
  type WarnedPath,
} from '../../src/measurement/simulation.js';
import { stepAfterAnswers } from '../../src/screening/ladder/index.js';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const hk = demoCampaigns.find((c) => c.id === 'hk-joint-anti-scam');
if (!hk) throw new Error('no HK demo campaign');
const hkContent = hk.spec.content['zh-Hant'];
if (!hkContent?.questions) throw new Error('the HK demo campaign asks no questions');
const questions = hkContent.questions;
const behaviour = defaultBehaviours(0).find((b) => b.jurisdiction === 'HK');
if (!behaviour) throw new Error('no HK behaviour');

const inside = (truth: number, estimate: { low: number | null; high: number | null }) =>
  estimate.low !== null && estimate.high !== null && estimate.low <= truth && truth <= estimate.high;

const OUTCOME: Record<WarnedPath, DecisionFact['outcome']> = {
  cancel: 'cancelled',
  verifyThenCancel: 'verified',
  verifyThenProceed: 'verified',
  proceed: 'proceeded',
  abandon: 'abandoned',
};

/**
 * What the store holds for a planned population once the sweeper has run: the same facts the
 * report reads, derived from the plan alone (the HTTP test below checks the store agrees).
 */
const arms = new Map<string, 'treatment' | 'holdout'>();
const armOf = (userRef: string) => {
  let arm = arms.get(userRef);
  if (!arm) arms.set(userRef, (arm = assign(hk.spec.experiment, userRef).arm));
  return arm;
};

function factsOf(users: readonly PlannedUser[]): DecisionFact[] {
  const facts: DecisionFact[] = [];
  let clock = Date.parse('2026-12-01T00:00:00Z');
  for (const user of users) {
    const arm = armOf(user.userRef);
    const given = questions.map((question, q) => ({
      questionId: question.id,
      answerId: question.answers[answerFor(user.answerDraws[q] ?? 0, question.answers.length)]?.id ?? '',
    }));
    const answerPath = [...given]
      .sort((a, b) => a.questionId.localeCompare(b.questionId))
      .map((a) => `${a.questionId}=${a.answerId}`)
      .join(' & ');
    const attempts = [user, ...(user.repeat ? [user.repeat] : [])];
    attempts.forEach((attempt, n) => {
      const base = {
        decisionId: `${user.userRef}-${n}`,
        userRef: user.userRef,
        createdAt: new Date((clock += 1000)).toISOString(),
        presentation: null,
      };
      if (arm === 'holdout') {
        facts.push({
          ...base,
          arm,
          outcome: user.holdoutReportLost ? 'abandoned' : attempt.holdoutProceeds ? 'proceeded' : 'cancelled',
          withdrew: user.holdoutReportLost ? null : attempt.holdoutProceeds,
          checkedAt: null,
          completed: user.completionReported && !user.holdoutReportLost ? attempt.holdoutProceeds : null,
          answerPath: null,
          step: null,
        });
        return;
      }
      const path = attempt.warnedPath;
      facts.push({
        ...base,
        arm,
        outcome: OUTCOME[path],
        withdrew: path === 'abandon' ? null : pathWithdraws(path),
        checkedAt: path.startsWith('verify') ? base.createdAt : null,
        completed: user.completionReported ? pathWithdraws(path) : null,
        answerPath,
        step: stepAfterAnswers('questions', { questions }, given),
      });
    });
  }
  return facts;
}

describe('the pilot number and the uplift counting everyone', () => {
  it('contain their true values in their 95% intervals over 200 seeds (coverage reported)', () => {
    const truth = truthOf(behaviour);
    const seeds = Number(process.env.COVERAGE_SEEDS ?? 200);
    let perUser = 0;
    let uplift = 0;
    let differences = 0;
    for (let i = 1; i <= seeds; i += 1) {
      // Seeds spread over the integers: neighbouring small seeds start xoroshiro on similar streams.
      const seed = Math.imul(i, 2654435761) >>> 0;
      const users = planPopulation([{ ...behaviour, users: 1000 }], {
        seed,
        // The same users every seed (their arms fixed by assignment), their behaviour drawn anew.
        runId: 'coverage',
        completionReported: 0.8,
        repeatShare: 0.3,
      });
      const result = buildPilotNumber(factsOf(users));
      if (inside(truth.pilotNumber, result.perUser)) perUser += 1;
      if (inside(truth.upliftEveryone, result.upliftEveryone.difference)) uplift += 1;
      differences += result.upliftEveryone.difference.difference ?? 0;
    }
    process.stdout.write(
      `pilot number coverage over ${seeds} seeds: per user ${((perUser / seeds) * 100).toFixed(1)}% (truth ${truth.pilotNumber.toFixed(3)}), uplift counting everyone ${((uplift / seeds) * 100).toFixed(1)}% (truth ${truth.upliftEveryone.toFixed(3)}; decided-only truth ${truth.uplift.toFixed(3)})\n`,
    );
    expect(perUser / seeds).toBeGreaterThanOrEqual(0.9);
    expect(uplift / seeds).toBeGreaterThanOrEqual(0.9);
    expect(perUser / seeds).toBeLessThanOrEqual(0.99);
    // On average the everyone-counted uplift is the full effect, not the decided-only one.
    expect(Math.abs(differences / seeds - truth.upliftEveryone)).toBeLessThan(0.005);
  });

  it('says which rule decided each first warning, and counts a user who checked then left as checked', () => {
    const base = {
      userRef: 'u',
      arm: 'treatment' as const,
      withdrew: null,
      completed: null,
      answerPath: null,
      step: null,
      presentation: null,
    };
    const result = buildPilotNumber([
      {
        ...base,
        decisionId: 'a',
        userRef: 'checked-left',
        createdAt: '2026-12-01T00:00:00Z',
        outcome: 'abandoned',
        checkedAt: '2026-12-01T00:00:01Z',
      },
      {
        ...base,
        decisionId: 'b',
        userRef: 'left',
        createdAt: '2026-12-01T00:00:02Z',
        outcome: 'abandoned',
        checkedAt: null,
      },
      {
        ...base,
        decisionId: 'c',
        userRef: 'open',
        createdAt: '2026-12-01T00:00:03Z',
        outcome: null,
        checkedAt: null,
      },
      {
        ...base,
        decisionId: 'd',
        userRef: 'sent',
        createdAt: '2026-12-01T00:00:04Z',
        outcome: 'abandoned',
        checkedAt: null,
        completed: true,
      },
    ]);
    expect(result.perUser).toMatchObject({ x: 2, n: 3 });
    expect(result.bases).toEqual({ completion_event: 1, client_event: 0, abandoned_rule: 2, pending: 1 });
    expect(result.rules.checked).toMatch(/checked and then left counts as checked/);
  });
});

describe.each(storeKinds)('the pilot number through the HTTP API on $name', (kind) => {
  let h: Harness;
  let users: PlannedUser[];
  let report: PilotReport;

  beforeAll(async () => {
    h = await startHarness(await kind.open(), { seed: false });
    await seedDemo(h.caveat, pino({ level: 'silent' }));
    const url = await h.app.listen({ host: '127.0.0.1', port: 0 });
    users = planPopulation([{ ...behaviour, users: 300 }], {
      seed: 42,
      runId: `http-${kind.name}`,
      completionReported: 0.8,
      repeatShare: 0.3,
    });
    const stats = await runSimulation({ url, apiKey: h.keys.exchange, users });
    expect(stats.repeats).toBeGreaterThan(50);
    expect(stats.answers).toBeGreaterThan(200);
    expect(stats.completions).toBeGreaterThan(200);
    // Everyone still undecided is abandoned now, as the sweeper does once the deadline passed.
    await h.caveat.events.sweepAbandoned(0, new Date(Date.now() + 1000));
    const response = await fetch(`${url}/v1/reports/pilot?campaign=hk-joint-anti-scam`, {
      headers: bearer(h.keys.reports),
    });
    expect(response.status).toBe(200);
    report = (await response.json()) as PilotReport;
  }, 120_000);
  afterAll(async () => h.close());

  it('reads from the store exactly the facts the plan implies', () => {
    const expected: PilotNumber = buildPilotNumber(factsOf(users));
    const got = report.pilotNumber;
    expect(got).toBeDefined();
    if (!got) return;
    expect(got.perUser).toEqual(expected.perUser);
    expect(got.perWithdrawal).toEqual(expected.perWithdrawal);
    expect(got.upliftEveryone).toEqual(expected.upliftEveryone);
    expect(got.bases).toEqual(expected.bases);
    expect(got.byAnswerPath.map((row) => [row.key, row.users, row.pilot.x])).toEqual(
      expected.byAnswerPath.map((row) => [row.key, row.users, row.pilot.x]),
    );
    expect(got.byStep.map((row) => [row.key, row.users])).toEqual(
      expected.byStep.map((row) => [row.key, row.users]),
    );
    expect(got.usersWarnedMoreThanOnce).toBe(expected.usersWarnedMoreThanOnce);
    expect(got.byStep.map((row) => row.key)).toEqual(
      expect.arrayContaining(['cooling_off', 'questions', 'review']),
    );
    // Repeat warnings rotate the presentation, measured like variants.
    expect(got.byPresentation.map((row) => row.key)).toEqual(
      expect.arrayContaining(['first', 'repeat-scams']),
    );
  });
});
