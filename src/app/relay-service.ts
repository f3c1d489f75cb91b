import { randomUUID } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns/promises';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { Webhook } from 'standardwebhooks';
import { alertData } from '../relay/alert-payload.js';
import { triggers, type AlertFacts } from '../relay/policy.js';
import { referralData, takesReferral, type Referral } from '../relay/referral.js';
import { isPrivateAddress, targetProblem } from '../relay/target-safety.js';
import type { Database, Queryable } from '../store/database.js';
import type { DecisionRecord } from '../store/decision-recorder.js';
import type { OutcomeChange } from '../store/event-repository.js';
import {
  RELAY_CHANGED,
  type NewAlert,
  type PartnerRelay,
  type RelayRepository,
} from '../store/relay-repository.js';
import { bossDb } from './job-queue.js';

export interface RelayOptions {
  /** Tests deliver to a partner on loopback; never set in production. */
  allowPrivateTargets: boolean;
  retryLimit: number;
  retryDelaySeconds: number;
  /** An attempt running longer than this (a killed worker) is retried. */
  expireInSeconds: number;
  timeoutMs: number;
  pollingIntervalSeconds: number;
}

/** Defaults: exponential backoff with jitter from 60 s over 11 retries spans about 34–68 hours. */
export const DEFAULT_RELAY_OPTIONS: RelayOptions = {
  allowPrivateTargets: false,
  retryLimit: 11,
  retryDelaySeconds: 60,
  expireInSeconds: 60,
  timeoutMs: 10_000,
  pollingIntervalSeconds: 0.5,
};

const DEAD_LETTERS = 'relay-dead';
const queueOf = (partnerId: string) => `relay-${partnerId}`;

/**
 * Alerts to police partners: written in the same transaction as their cause (decision or outcome
 * hooks), then delivered as Standard Webhooks by pg-boss workers with retries, or served from the
 * pull feed. Policies are read from the store and reloaded on change.
 */
export class RelayService {
  private partners: PartnerRelay[] = [];
  private readonly workingQueues = new Set<string>();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Database,
    private readonly repository: RelayRepository,
    private readonly boss: PgBoss | undefined,
    private readonly options: RelayOptions,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    if (this.boss) {
      this.boss.on('error', (error) => this.logger.error({ err: error }, 'job queue error'));
      await this.boss.start();
      await this.boss.createQueue(DEAD_LETTERS);
      await this.boss.work<{ alertId: string }>(
        DEAD_LETTERS,
        { pollingIntervalSeconds: this.options.pollingIntervalSeconds },
        async (jobs) => {
          for (const job of jobs) await this.repository.setState(job.data.alertId, 'dead');
        },
      );
    }
    this.unlisten = await this.db.listen(RELAY_CHANGED, () => {
      this.reload().catch((error: unknown) => this.logger.error({ err: error }, 'relay reload failed'));
    });
    await this.reload();
  }

  async reload(): Promise<void> {
    this.partners = await this.repository.current();
    if (!this.boss) return;
    for (const partner of this.partners) {
      if (partner.policy.delivery.mode !== 'webhook') continue;
      const name = queueOf(partner.partnerId);
      if (this.workingQueues.has(name)) continue;
      this.workingQueues.add(name);
      await this.boss.createQueue(name, {
        name,
        retryLimit: this.options.retryLimit,
        retryDelay: this.options.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: this.options.expireInSeconds,
        deadLetter: DEAD_LETTERS,
      });
      // One worker per partner fetching batches, at most maxConcurrency deliveries in flight: the
      // partner's limit on this instance. A full batch means a backlog, so it fetches again at once
      // instead of waiting for the polling interval.
      const limit = partner.policy.delivery.maxConcurrency;
      const batchSize = limit * 4;
      const boss = this.boss;
      let workerId = '';
      workerId = await boss.work<{ alertId: string }>(
        name,
        { batchSize, pollingIntervalSeconds: this.options.pollingIntervalSeconds },
        async (jobs) => {
          let next = 0;
          await Promise.all(
            Array.from({ length: Math.min(limit, jobs.length) }, async () => {
              for (let i = next++; i < jobs.length; i = next++) {
                const job = jobs[i]!;
                try {
                  await this.deliver(job.data.alertId);
                } catch (error) {
                  // Failed here, the job is no longer active, so the batch's completion skips it.
                  await boss.fail(name, job.id, { message: (error as Error).message });
                }
              }
            }),
          );
          if (jobs.length === batchSize) boss.notifyWorker(workerId);
        },
      );
    }
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    await this.boss?.stop({ graceful: true, wait: true, timeout: 5000 });
  }

  /** Decision hook: runs inside the decision batch's transaction. */
  /** Whether any partner's policy takes an alert for one of these decisions (checked in memory). */
  wantsDecisions = (recorded: readonly DecisionRecord[]): boolean =>
    this.partners.length > 0 &&
    decisionFacts(recorded).some((fact) =>
      this.partners.some((partner) => triggers(partner.policy, fact, 'decision')),
    );

  onDecisions = async (tx: Queryable, recorded: readonly DecisionRecord[]): Promise<void> => {
    if (this.partners.length === 0) return;
    await this.write(tx, decisionFacts(recorded), 'decision');
  };

  /** Outcome hook: runs inside the transaction that changed the outcomes. */
  onOutcomes = async (tx: Queryable, changed: readonly OutcomeChange[]): Promise<void> => {
    if (this.partners.length === 0) return;
    const rows = await tx.query<{
      id: string;
      created_at: Date;
      user_ref: string;
      jurisdiction: string;
      decision: AlertFacts['decision'];
      response: { reasons?: AlertFacts['reasons'] } | string;
      campaign_id: string | null;
      asset: string;
      network: string | null;
      amount_usd: number;
      destination_address: string | null;
      answers: { questionId: string; answerId: string }[] | string | null;
    }>(
      `SELECT id, created_at, user_ref, jurisdiction, decision, response, campaign_id, asset, network, amount_usd,
         destination_address,
         (SELECT json_agg(json_build_object('questionId', a.question_id, 'answerId', a.answer_id)
                  ORDER BY a.occurred_at, a.question_id)
            FROM decision_answers a WHERE a.decision_id = decisions.id) AS answers
       FROM decisions WHERE id = ANY($1::text[])`,
      [changed.map((c) => c.decisionId)],
    );
    const outcomeOf = new Map(changed.map((c) => [c.decisionId, c.outcome]));
    const facts = rows.map((row) => {
      const response =
        typeof row.response === 'string'
          ? (JSON.parse(row.response) as { reasons?: AlertFacts['reasons'] })
          : row.response;
      return {
        decisionId: row.id,
        decidedAt: new Date(row.created_at).toISOString(),
        userRef: row.user_ref,
        jurisdiction: row.jurisdiction,
        decision: row.decision,
        reasons: response.reasons ?? [],
        campaignId: row.campaign_id,
        asset: row.asset,
        network: row.network ?? '',
        amountUsd: Number(row.amount_usd),
        destinationAddress: row.destination_address ?? '',
        outcome: outcomeOf.get(row.id) ?? null,
        answers:
          typeof row.answers === 'string'
            ? (JSON.parse(row.answers) as AlertFacts['answers'])
            : (row.answers ?? []),
      };
    });
    await this.write(tx, facts, 'outcome');
  };

  private async write(
    tx: Queryable,
    facts: readonly AlertFacts[],
    on: 'decision' | 'outcome',
  ): Promise<void> {
    const alerts: NewAlert[] = [];
    const now = Date.now();
    for (const partner of this.partners)
      for (const fact of facts) {
        if (!triggers(partner.policy, fact, on)) continue;
        const id = `alt_${randomUUID().replaceAll('-', '')}`;
        alerts.push({
          id,
          partnerId: partner.partnerId,
          policyVersion: partner.version,
          trigger: on,
          decisionId: fact.decisionId,
          payload: {
            type: `caveat.alert.${on}`,
            alertId: id,
            policy: { partner: partner.partnerId, version: partner.version },
            data: alertData(partner.policy, fact, partner.pseudonymKey),
          },
          state: partner.policy.delivery.mode === 'webhook' ? 'pending' : 'pull',
          expiresAt: new Date(now + partner.policy.retentionDays * 86_400_000).toISOString(),
        });
      }
    await this.insert(tx, alerts);
  }

  /**
   * Refers a scam-report cluster to police partners, inside the caller's transaction (the one that
   * marks the cluster referred), exactly like decision alerts: the alert rows and their delivery jobs
   * commit or roll back with it. Goes to every partner whose policy opted in to referrals for one of
   * the referral's jurisdictions, or only to `partnerId` when named (and still only if its policy
   * takes it). Each partner gets only the fields its policy allows.
   */
  async referCluster(tx: Queryable, referral: Referral, partnerId?: string): Promise<{ alertIds: string[] }> {
    const now = Date.now();
    const alerts: NewAlert[] = [];
    for (const partner of this.partners) {
      if (partnerId !== undefined && partner.partnerId !== partnerId) continue;
      if (!takesReferral(partner.policy, referral)) continue;
      const id = `alt_${randomUUID().replaceAll('-', '')}`;
      alerts.push({
        id,
        partnerId: partner.partnerId,
        policyVersion: partner.version,
        trigger: 'referral',
        decisionId: null,
        clusterId: referral.clusterId,
        payload: {
          type: 'caveat.alert.referral',
          alertId: id,
          policy: { partner: partner.partnerId, version: partner.version },
          data: referralData(partner.policy, referral),
        },
        state: partner.policy.delivery.mode === 'webhook' ? 'pending' : 'pull',
        expiresAt: new Date(now + partner.policy.retentionDays * 86_400_000).toISOString(),
      });
    }
    await this.insert(tx, alerts);
    return { alertIds: alerts.map((a) => a.id) };
  }

  private async insert(tx: Queryable, alerts: readonly NewAlert[]): Promise<void> {
    if (alerts.length === 0) return;
    await this.repository.insertAlerts(tx, alerts);
    const jobs = alerts.filter((a) => a.state === 'pending');
    if (this.boss && jobs.length > 0)
      // The jobs are created in the same transaction: no alert without its delivery, and no delivery of an alert that was rolled back.
      await this.boss.insert(
        jobs.map((a) => ({
          name: queueOf(a.partnerId),
          data: { alertId: a.id },
          retryLimit: this.options.retryLimit,
          retryDelay: this.options.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: this.options.expireInSeconds,
        })),
        { db: bossDb(tx) },
      );
  }

  /** One delivery attempt; throws so that pg-boss retries it later. */
  async deliver(alertId: string): Promise<void> {
    const alert = await this.repository.alert(alertId);
    if (!alert || alert.state === 'delivered') return;
    const partner = this.partners.find((p) => p.partnerId === alert.partnerId);
    const url = partner?.policy.delivery.url;
    const started = performance.now();
    const fail = async (result: 'failed' | 'refused', statusCode: number | null, error: string) => {
      await this.repository.recordAttempt(alertId, {
        result,
        statusCode,
        latencyMs: performance.now() - started,
        error,
      });
      throw new Error(`alert ${alertId}: ${error}`);
    };
    if (!partner || !url) return fail('refused', null, 'the partner has no webhook target');
    const problem = targetProblem(url, partner.policy.delivery.allowedHosts);
    if (problem) return fail('refused', null, problem);
    if (!this.options.allowPrivateTargets) {
      const addresses = await dnsLookup(new URL(url).hostname, { all: true }).catch(() => []);
      if (addresses.length === 0) return fail('failed', null, 'the host does not resolve');
      if (addresses.some((a) => isPrivateAddress(a.address)))
        return fail('refused', null, 'the host resolves to a private address');
    }
    const body = JSON.stringify(alert.payload);
    const timestamp = new Date();
    const signature = partner.webhookSecrets
      .map((secret) => new Webhook(secret).sign(alertId, timestamp, body))
      .join(' ');
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'webhook-id': alertId,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body,
      });
      await response.arrayBuffer().catch(() => undefined);
    } catch (error) {
      return fail(
        'failed',
        null,
        (error as Error).name === 'TimeoutError' ? 'timed out' : 'connection failed',
      );
    }
    if (response.status >= 300 && response.status < 400)
      return fail('refused', response.status, 'redirects are not followed');
    if (!response.ok) return fail('failed', response.status, `the partner answered ${response.status}`);
    await this.repository.recordAttempt(alertId, {
      result: 'delivered',
      statusCode: response.status,
      latencyMs: performance.now() - started,
      error: null,
    });
  }

  /** Sends a dead-lettered (or any undelivered) alert again, with a fresh set of retries. */
  async replay(alertId: string): Promise<boolean> {
    const alert = await this.repository.alert(alertId);
    if (!alert || alert.state === 'delivered' || alert.state === 'pull' || !this.boss) return false;
    await this.repository.setState(alertId, 'pending');
    await this.boss.send(
      queueOf(alert.partnerId),
      { alertId },
      {
        retryLimit: this.options.retryLimit,
        retryDelay: this.options.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: this.options.expireInSeconds,
      },
    );
    return true;
  }
}

/** What a decision tells the relay's policies. */
function decisionFacts(recorded: readonly DecisionRecord[]): AlertFacts[] {
  return recorded.map(({ decision, request }) => ({
    decisionId: decision.id,
    decidedAt: decision.createdAt,
    userRef: request.userRef,
    jurisdiction: request.jurisdiction,
    decision: decision.decision,
    reasons: decision.reasons,
    campaignId: decision.campaign?.id ?? null,
    asset: request.asset,
    network: request.network,
    amountUsd: request.amountUsd,
    destinationAddress: request.destination.address,
    outcome: null,
  }));
}
