import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * The pilot simulator's population model: per jurisdiction, what warned users do and how many
 * holdout users complete their withdrawal. Known rates in, so the reports can be checked against
 * the truth. Pure and seeded: the same seed plans the same population.
 */
export interface JurisdictionBehaviour {
  jurisdiction: string;
  locale: string;
  users: number;
  /** Shares of warned users; what remains abandons (reports no decision). */
  warned: { cancel: number; verifyThenCancel: number; verifyThenProceed: number; proceed: number };
  /** Share of holdout users whose withdrawal goes ahead; the rest cancel it. */
  holdoutCompletion: number;
}

export type WarnedPath = 'cancel' | 'verifyThenCancel' | 'verifyThenProceed' | 'proceed' | 'abandon';

export interface PlannedUser {
  userRef: string;
  jurisdiction: string;
  locale: string;
  amountUsd: number;
  /** What the user does if warned. */
  warnedPath: WarnedPath;
  /** What the user does if in the holdout. */
  holdoutProceeds: boolean;
  /** A broken integration: this user's holdout outcome never reaches caveat. */
  holdoutReportLost: boolean;
  /** One uniform draw per question of the warning: which answer the user gives (see answerFor). */
  answerDraws: number[];
  /** Whether the exchange's backend reports the completion of this user's withdrawals. */
  completionReported: boolean;
  /** A second withdrawal attempt within the frequency window: warned again (or in the holdout again). */
  repeat: { warnedPath: WarnedPath; holdoutProceeds: boolean } | null;
}

/** Options of a planned population beyond the behaviours. */
export interface PlanOptions {
  seed: number;
  runId: string;
  loseHoldoutReports?: number;
  /** Share of users whose completion the exchange reports (withdrawal_completed / _not_completed). */
  completionReported?: number;
  /** Share of users who try a second withdrawal within the window. */
  repeatShare?: number;
}

/**
 * The answer a user gives to a question with `answers` choices: the first (the harmless one, e.g.
 * "my own decision") seven times in ten, the others evenly. Independent of the behaviour, so the
 * truth of every breakdown by answer is the population's own rates.
 */
export function answerFor(draw: number, answers: number): number {
  if (answers <= 1 || draw < 0.7) return 0;
  return Math.min(answers - 1, 1 + Math.floor(((draw - 0.7) / 0.3) * (answers - 1)));
}

/** Whether a warned path lets the money go: the truth the exchange's completion event reports. */
export function pathWithdraws(path: WarnedPath): boolean {
  return path === 'proceed' || path === 'verifyThenProceed';
}

export interface Truth {
  jurisdiction: string;
  /** Shares of warned users (displayed warnings) by outcome; abandoned once the sweeper has run. */
  cancelled: number;
  verified: number;
  proceeded: number;
  abandoned: number;
  intervention: number;
  completionWarned: number;
  completionHoldout: number;
  uplift: number;
  /**
   * The pilot's number: share of warned users who did not withdraw or checked first (abandoning
   * counts as not withdrawn, as the exchange's completion events then confirm).
   */
  pilotNumber: number;
  /** Went-ahead share counting everyone, per arm, and the difference (warned − holdout). */
  wentAheadWarned: number;
  wentAheadHoldout: number;
  upliftEveryone: number;
}

export function truthOf(behaviour: JurisdictionBehaviour): Truth {
  const w = behaviour.warned;
  const decided = w.cancel + w.verifyThenCancel + w.verifyThenProceed + w.proceed;
  const completionWarned = (w.verifyThenProceed + w.proceed) / decided;
  return {
    jurisdiction: behaviour.jurisdiction,
    cancelled: w.cancel,
    verified: w.verifyThenCancel + w.verifyThenProceed,
    proceeded: w.proceed,
    abandoned: 1 - decided,
    intervention: w.cancel + w.verifyThenCancel + w.verifyThenProceed,
    completionWarned,
    completionHoldout: behaviour.holdoutCompletion,
    uplift: completionWarned - behaviour.holdoutCompletion,
    pilotNumber: 1 - w.proceed,
    wentAheadWarned: w.proceed + w.verifyThenProceed,
    wentAheadHoldout: behaviour.holdoutCompletion,
    upliftEveryone: w.proceed + w.verifyThenProceed - behaviour.holdoutCompletion,
  };
}

export function checkBehaviour(behaviour: JurisdictionBehaviour): string | undefined {
  const shares = Object.values(behaviour.warned);
  if (shares.some((s) => s < 0) || shares.reduce((a, b) => a + b, 0) > 1 + 1e-9)
    return `${behaviour.jurisdiction}: warned shares must be >= 0 and sum to at most 1`;
  if (behaviour.holdoutCompletion < 0 || behaviour.holdoutCompletion > 1)
    return `${behaviour.jurisdiction}: holdoutCompletion must be between 0 and 1`;
  if (!Number.isInteger(behaviour.users) || behaviour.users < 1)
    return `${behaviour.jurisdiction}: users must be a positive integer`;
  return undefined;
}

/**
 * Reads a population the user wrote (JSON: an array of behaviours; `users` may be left out and
 * defaults to `defaultUsers`). Throws an Error naming the entry and field that is wrong.
 */
export function parseBehaviours(json: unknown, defaultUsers: number): JurisdictionBehaviour[] {
  if (!Array.isArray(json) || json.length === 0)
    throw new Error('the population must be a non-empty JSON array of jurisdiction behaviours');
  const number = (value: unknown, where: string): number => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${where} must be a number`);
    return value;
  };
  return json.map((entry: unknown, index): JurisdictionBehaviour => {
    const where = `population[${index}]`;
    if (typeof entry !== 'object' || entry === null) throw new Error(`${where} must be an object`);
    const e = entry as Record<string, unknown>;
    if (typeof e.jurisdiction !== 'string' || !/^[A-Z]{2}$/.test(e.jurisdiction))
      throw new Error(`${where}.jurisdiction must be a two-letter code`);
    if (typeof e.locale !== 'string' || e.locale.length === 0)
      throw new Error(`${where}.locale must be a BCP 47 tag`);
    const warned = e.warned;
    if (typeof warned !== 'object' || warned === null) throw new Error(`${where}.warned must be an object`);
    const w = warned as Record<string, unknown>;
    const behaviour: JurisdictionBehaviour = {
      jurisdiction: e.jurisdiction,
      locale: e.locale,
      users: e.users === undefined ? defaultUsers : number(e.users, `${where}.users`),
      warned: {
        cancel: number(w.cancel ?? 0, `${where}.warned.cancel`),
        verifyThenCancel: number(w.verifyThenCancel ?? 0, `${where}.warned.verifyThenCancel`),
        verifyThenProceed: number(w.verifyThenProceed ?? 0, `${where}.warned.verifyThenProceed`),
        proceed: number(w.proceed ?? 0, `${where}.warned.proceed`),
      },
      holdoutCompletion: number(e.holdoutCompletion, `${where}.holdoutCompletion`),
    };
    const problem = checkBehaviour(behaviour);
    if (problem) throw new Error(`${where}: ${problem}`);
    return behaviour;
  });
}

export function planPopulation(
  behaviours: readonly JurisdictionBehaviour[],
  options: PlanOptions,
): PlannedUser[] {
  const rng = xoroshiro128plus(options.seed);
  const random = () => uniformFloat64(rng);
  // Answers, completion reports and repeats come from a stream of their own, so a seed still plans
  // exactly the population it planned before they existed.
  const extraRng = xoroshiro128plus(options.seed ^ 0x5eed_ca7);
  const extra = () => uniformFloat64(extraRng);
  const users: PlannedUser[] = [];
  for (const behaviour of behaviours) {
    const w = behaviour.warned;
    const cuts: [number, WarnedPath][] = [
      [w.cancel, 'cancel'],
      [w.verifyThenCancel, 'verifyThenCancel'],
      [w.verifyThenProceed, 'verifyThenProceed'],
      [w.proceed, 'proceed'],
    ];
    const pathOf = (uniform: number): WarnedPath => {
      let draw = uniform;
      for (const [share, path] of cuts) {
        if (draw < share) return path;
        draw -= share;
      }
      return 'abandon';
    };
    const repeatOf = () => ({
      warnedPath: pathOf(extra()),
      holdoutProceeds: extra() < behaviour.holdoutCompletion,
    });
    for (let i = 0; i < behaviour.users; i += 1) {
      const warnedPath = pathOf(random());
      users.push({
        userRef: `sim-${options.runId}-${behaviour.jurisdiction}-${i}`,
        jurisdiction: behaviour.jurisdiction,
        locale: behaviour.locale,
        // Log-uniform between USD 150 and 15,000: above the demo campaigns' threshold.
        amountUsd: Math.round(150 * 100 ** random()),
        warnedPath,
        holdoutProceeds: random() < behaviour.holdoutCompletion,
        holdoutReportLost: random() < (options.loseHoldoutReports ?? 0),
        answerDraws: [extra(), extra()],
        completionReported: extra() < (options.completionReported ?? 0),
        repeat: extra() < (options.repeatShare ?? 0) ? repeatOf() : null,
      });
    }
  }
  return users;
}

/** The default population: rates of the order of the Hong Kong pilot (about 20% intervention). */
export function defaultBehaviours(usersPerJurisdiction: number): JurisdictionBehaviour[] {
  const make = (
    jurisdiction: string,
    locale: string,
    warned: JurisdictionBehaviour['warned'],
    holdoutCompletion: number,
  ) => ({ jurisdiction, locale, users: usersPerJurisdiction, warned, holdoutCompletion });
  return [
    make(
      'HK',
      'zh-Hant-HK',
      { cancel: 0.08, verifyThenCancel: 0.06, verifyThenProceed: 0.06, proceed: 0.75 },
      0.93,
    ),
    make(
      'MO',
      'pt-MO',
      { cancel: 0.1, verifyThenCancel: 0.05, verifyThenProceed: 0.05, proceed: 0.75 },
      0.95,
    ),
    make(
      'GB',
      'en-GB',
      { cancel: 0.06, verifyThenCancel: 0.04, verifyThenProceed: 0.08, proceed: 0.78 },
      0.94,
    ),
    make(
      'TW',
      'zh-Hant-TW',
      { cancel: 0.09, verifyThenCancel: 0.07, verifyThenProceed: 0.04, proceed: 0.75 },
      0.92,
    ),
  ];
}
