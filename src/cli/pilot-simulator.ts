import { randomUUID } from 'node:crypto';
import { answerFor, pathWithdraws, type PlannedUser, type WarnedPath } from '../measurement/simulation.js';

interface DecisionAnswer {
  id: string;
  decision: 'allow' | 'warn' | 'hold';
  arm: 'treatment' | 'holdout' | null;
  createdAt: string;
  content: {
    resources: { id: string; checkBeforeSend: boolean }[];
    questions?: { id: string; answers: { id: string }[] }[];
  } | null;
}

/** What one attempt of a user does: the first, or the repeat within the window. */
interface Attempt {
  warnedPath: WarnedPath;
  holdoutProceeds: boolean;
}

export interface SimulationStats {
  screened: number;
  warned: number;
  holdout: number;
  outsideExperiment: number;
  events: number;
  /** Second attempts screened (users warned, or held out, more than once). */
  repeats: number;
  answers: number;
  completions: number;
}

/**
 * Sends a planned population through a running caveat over its public HTTP API, as an exchange
 * would: a screening per user, then the reactions the plan says that user has. Time is compressed:
 * reactions are stamped milliseconds after the decision.
 */
export async function runSimulation(options: {
  url: string;
  apiKey: string;
  users: readonly PlannedUser[];
  concurrency?: number;
  onProgress?: (done: number) => void;
}): Promise<SimulationStats> {
  const stats: SimulationStats = {
    screened: 0,
    warned: 0,
    holdout: 0,
    outsideExperiment: 0,
    events: 0,
    repeats: 0,
    answers: 0,
    completions: 0,
  };
  const headers = { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' };
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${options.url}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < options.users.length; index = next++) {
      const user = options.users[index] as PlannedUser;
      const attempts: Attempt[] = [user, ...(user.repeat ? [user.repeat] : [])];
      for (const [n, attempt] of attempts.entries()) {
        const decision = (await post('/v1/screenings', {
          idempotencyKey: `${user.userRef}-w${n + 1}`,
          userRef: user.userRef,
          jurisdiction: user.jurisdiction,
          locale: user.locale,
          asset: 'USDT',
          network: 'TRON',
          amount: String(user.amountUsd),
          amountUsd: user.amountUsd,
          destination: { address: 'TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW', isNew: true, isWhitelisted: false },
          account: { ageDays: 90 },
        })) as DecisionAnswer;
        if (n === 0) {
          stats.screened += 1;
          if (decision.arm === 'treatment') stats.warned += 1;
          else if (decision.arm === 'holdout') stats.holdout += 1;
          else stats.outsideExperiment += 1;
        } else stats.repeats += 1;
        const events = reactions(user, attempt, decision);
        stats.answers += events.filter((event) => event.type === 'answered').length;
        stats.completions += events.filter((event) => event.type.startsWith('withdrawal_')).length;
        if (events.length > 0) {
          await post('/v1/events', { events });
          stats.events += events.length;
        }
      }
      options.onProgress?.(stats.screened);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return stats;
}

function reactions(user: PlannedUser, attempt: Attempt, decision: DecisionAnswer) {
  const base = Date.parse(decision.createdAt);
  const at = (ms: number) => new Date(base + ms).toISOString();
  const event = (type: string, ms: number, extra: Record<string, string> = {}) => ({
    id: `sim-${randomUUID()}`,
    decisionId: decision.id,
    type,
    occurredAt: at(ms),
    ...extra,
  });
  // Only the exchange knows whether the money left; it says so for the users it reports.
  const completion = (withdrew: boolean) =>
    user.completionReported ? [event(withdrew ? 'withdrawal_completed' : 'withdrawal_not_completed', 9)] : [];
  if (decision.arm === 'holdout') {
    if (user.holdoutReportLost) return [];
    return [
      event(attempt.holdoutProceeds ? 'proceeded' : 'cancelled', 5),
      ...completion(attempt.holdoutProceeds),
    ];
  }
  if (decision.arm !== 'treatment' || !decision.content) return [];
  const events = [event('displayed', 1)];
  (decision.content.questions ?? []).forEach((question, q) => {
    const answer = question.answers[answerFor(user.answerDraws[q] ?? 0, question.answers.length)];
    if (answer) events.push(event('answered', 2, { questionId: question.id, answerId: answer.id }));
  });
  const check = decision.content.resources.find((resource) => resource.checkBeforeSend);
  const path = attempt.warnedPath;
  if ((path === 'verifyThenCancel' || path === 'verifyThenProceed') && check)
    events.push(event('resource_opened', 3, { resourceId: check.id }));
  if (path === 'cancel' || path === 'verifyThenCancel') events.push(event('cancelled', 6));
  if (path === 'proceed' || path === 'verifyThenProceed') events.push(event('proceeded', 6));
  return [...events, ...completion(pathWithdraws(path))];
}
