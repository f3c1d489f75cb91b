import { randomUUID } from 'node:crypto';
import type { PlannedUser } from '../measurement/simulation.js';

interface DecisionAnswer {
  id: string;
  decision: 'allow' | 'warn' | 'hold';
  arm: 'treatment' | 'holdout' | null;
  createdAt: string;
  content: { resources: { id: string; checkBeforeSend: boolean }[] } | null;
}

export interface SimulationStats {
  screened: number;
  warned: number;
  holdout: number;
  outsideExperiment: number;
  events: number;
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
  const stats: SimulationStats = { screened: 0, warned: 0, holdout: 0, outsideExperiment: 0, events: 0 };
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
      const decision = (await post('/v1/screenings', {
        idempotencyKey: `${user.userRef}-w1`,
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
      stats.screened += 1;
      const events = reactions(user, decision);
      if (decision.arm === 'treatment') stats.warned += 1;
      else if (decision.arm === 'holdout') stats.holdout += 1;
      else stats.outsideExperiment += 1;
      if (events.length > 0) {
        await post('/v1/events', { events });
        stats.events += events.length;
      }
      options.onProgress?.(stats.screened);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return stats;
}

function reactions(user: PlannedUser, decision: DecisionAnswer) {
  const base = Date.parse(decision.createdAt);
  const at = (ms: number) => new Date(base + ms).toISOString();
  const event = (type: string, ms: number, resourceId?: string) => ({
    id: `sim-${randomUUID()}`,
    decisionId: decision.id,
    type,
    occurredAt: at(ms),
    ...(resourceId ? { resourceId } : {}),
  });
  if (decision.arm === 'holdout') {
    if (user.holdoutReportLost) return [];
    return [event(user.holdoutProceeds ? 'proceeded' : 'cancelled', 5)];
  }
  if (decision.arm !== 'treatment' || !decision.content) return [];
  const events = [event('displayed', 1)];
  const check = decision.content.resources.find((resource) => resource.checkBeforeSend);
  const path = user.warnedPath;
  if ((path === 'verifyThenCancel' || path === 'verifyThenProceed') && check)
    events.push(event('resource_opened', 3, check.id));
  if (path === 'cancel' || path === 'verifyThenCancel') events.push(event('cancelled', 6));
  if (path === 'proceed' || path === 'verifyThenProceed') events.push(event('proceeded', 6));
  return events;
}
