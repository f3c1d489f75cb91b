import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { FrequencyLedger } from '../screening/frequency-ledger.js';
import { ApiKeyRepository } from '../store/api-key-repository.js';
import { CampaignRepository } from '../store/campaign-repository.js';
import { ConsoleUserRepository } from '../store/console-user-repository.js';
import type { Database } from '../store/database.js';
import { DecisionRecorder } from '../store/decision-recorder.js';
import { EventPartitions } from '../store/event-partitions.js';
import { EventRepository } from '../store/event-repository.js';
import { LadderEventRepository } from '../store/ladder-event-repository.js';
import { EventService } from './event-service.js';
import { sweepSlots } from '../store/frequency-marks.js';
import { IntelligenceRepository } from '../store/intelligence-repository.js';
import { destinationCheck } from '../intelligence/destination-check.js';
import { MeasurementRepository } from '../store/measurement-repository.js';
import { DecisionFactsRepository } from '../store/decision-facts-repository.js';
import { migrate } from '../store/migrate.js';
import { openDatabase } from '../store/open-database.js';
import { ensureSecret } from '../store/settings-repository.js';
import { EventTokens } from './event-tokens.js';
import { IntelligenceHolder } from './intelligence-holder.js';
import { createJobQueue } from './job-queue.js';
import { DEFAULT_RELAY_OPTIONS, RelayService } from './relay-service.js';
import { RelayRepository } from '../store/relay-repository.js';
import { ReportService } from './report-service.js';
import { ScamReportService } from './scam-report-service.js';
import { ScamReportRepository } from '../store/scam-report-repository.js';
import { ScreeningService } from './screening-service.js';
import type { ScreeningSnapshot } from '../screening/snapshot.js';
import { SnapshotHolder } from './snapshot-holder.js';
import { createMetrics, type Metrics } from './metrics.js';
import { DegradedSpool } from '../store/degraded-spool.js';
import { DegradedRecovery } from './degraded-recovery.js';
import { StoreHealth, type StoreHealthOptions } from './store-health.js';
import { watchStore } from './store-watch.js';
import { reviewWebhook, reviewWebhookOptions } from './review-webhook.js';

/** How long screening waits for the store to confirm, inside the 2 s answer budget. */
export const RECORD_TIMEOUT_MS = 1700;

/** Everything one caveat instance holds: the store, repositories and the services built on them. */
export interface Caveat {
  config: Config;
  logger: Logger;
  db: Database;
  campaigns: CampaignRepository;
  apiKeys: ApiKeyRepository;
  users: ConsoleUserRepository;
  /** Signs console CSRF tokens; shared by every replica through the store. */
  csrfKey: string;
  events: EventRepository;
  /** Answers, completions and holds of decisions (the friction ladder, migration 018). */
  ladder: LadderEventRepository;
  /** POST /v1/events: reactions, answers and completions in one batch. */
  eventService: EventService;
  recorder: DecisionRecorder;
  snapshots: SnapshotHolder;
  ledger: FrequencyLedger;
  screening: ScreeningService;
  reports: ReportService;
  intelligence: IntelligenceHolder;
  intelligenceStore: IntelligenceRepository;
  relay: RelayService;
  relayStore: RelayRepository;
  scamReports: ScamReportService;
  tokens: EventTokens;
  metrics: Metrics;
  /** The store as seen from the side (ok, degraded, down); /healthz reports it. */
  health: StoreHealth;
  /** Fail-safe answers waiting for the store, when this instance serves screenings. */
  spool: DegradedSpool | undefined;
  recovery: DegradedRecovery | undefined;
  close(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  logger: Logger;
  /** An already open database (tests); otherwise opened from the config. */
  db?: Database;
  /** Run the background sweeper that marks undecided decisions abandoned. */
  sweep?: boolean;
  /** Run webhook delivery (pg-boss workers); alerts are written to the outbox either way. */
  relayDelivery?: boolean;
  /**
   * Spool fail-safe answers here (a local directory of this instance's own) so they are recorded
   * when the store returns; without it they are answered but not recorded (one-shot commands).
   */
  spoolDir?: string;
  /** How the store is watched (tests shorten it). */
  storeHealth?: StoreHealthOptions;
}

export async function startCaveat(options: StartOptions): Promise<Caveat> {
  const { config, logger } = options;
  const db = options.db ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const applied = await migrate(db);
  if (applied.length > 0) logger.info({ applied }, 'applied migrations');
  // Events of this month and the next must find their partition (migration 016), however long ago
  // the store was migrated; the sweeper keeps it so hourly.
  const eventPartitions = new EventPartitions(db);
  await eventPartitions.ensure(new Date());
  const metrics = createMetrics();
  const campaigns = new CampaignRepository(db);
  campaigns.onReviewStep(reviewWebhook(reviewWebhookOptions(config), logger));
  const apiKeys = new ApiKeyRepository(db);
  const events = new EventRepository(db, config.eventRetentionMonths);
  const ladder = new LadderEventRepository(db);
  // Bounded: the store holds every cap (frequency_marks); this is what the replica saw lately.
  const ledger = new FrequencyLedger(config.frequencyCacheUsers);
  // Several batches in flight only where the store can commit them in parallel (see DecisionRecorder).
  const recorder = new DecisionRecorder(db, {
    maxInFlight: db.kind === 'postgres' ? 4 : 1,
    onBatch: (size, inFlight) => {
      metrics.decisionBatchSize.observe(size);
      metrics.decisionBatchesInFlight.observe(inFlight);
    },
    onCapStates: (states) => {
      for (const state of states) ledger.learn(state.userRef, state.campaignId, state.marksMs);
    },
  });
  const snapshots = new SnapshotHolder(db, campaigns, (error) =>
    logger.error({ err: error }, 'snapshot reload failed'),
  );
  await snapshots.start();
  const intelligenceStore = new IntelligenceRepository(db);
  const intelligence = new IntelligenceHolder(db, intelligenceStore, (error) =>
    logger.error({ err: error }, 'intelligence reload failed'),
  );
  await intelligence.start();
  const tokens = new EventTokens(await ensureSecret(db, 'event_token_secret'));
  const health = new StoreHealth(db, options.storeHealth);
  const spool = options.spoolDir ? await DegradedSpool.open(options.spoolDir) : undefined;
  const screening = new ScreeningService(snapshots, ledger, recorder, tokens, {
    // The answer must leave within the 2 s budget: give up on the store early enough that the
    // fail-safe path (render, spool fsync, serialize) fits even with a busy event loop.
    recordTimeoutMs: RECORD_TIMEOUT_MS,
    onDegraded: (reason, error) => {
      metrics.degradedDecisions.inc({ reason });
      logger.error({ err: error, reason }, 'screening degraded to the generic warning');
    },
    spool,
    storeAvailable: () => health.state !== 'down',
  });
  screening.riskChecks.push(destinationCheck(intelligence.indicator, Date.now));
  const users = new ConsoleUserRepository(db);
  const relayStore = new RelayRepository(db);
  const relay = new RelayService(
    db,
    relayStore,
    options.relayDelivery === false
      ? undefined
      : // Maintenance is what retries an attempt whose worker died: run it at the attempt expiry.
        createJobQueue(db, { maintenanceIntervalSeconds: Math.min(120, config.relay.expireInSeconds) }),
    { ...DEFAULT_RELAY_OPTIONS, ...config.relay },
    logger,
  );
  await relay.start();
  recorder.addWriteHook(relay.onDecisions, relay.wantsDecisions);
  events.addOutcomeHook(relay.onOutcomes);
  const scamReports = new ScamReportService(new ScamReportRepository(db), intelligence, relay, {
    userSecret: await ensureSecret(db, 'scam_report_user_secret'),
    knownJurisdiction: (code) => snapshots.snapshot.jurisdictions.has(code),
  });
  const recovery = spool
    ? new DegradedRecovery(spool, recorder, (count) => metrics.degradedRecorded.inc(count))
    : undefined;
  watchStore(health, { db, metrics, logger, snapshots, intelligence, spool, recovery });
  // Answers spooled before a crash or restart go to the store as soon as it is reachable.
  if (recovery && spool && spool.size > 0)
    await recovery.drain().catch((error: unknown) => logger.error({ err: error }, 'spool drain failed'));
  let sweeper: NodeJS.Timeout | undefined;
  let partitionSweeper: NodeJS.Timeout | undefined;
  if (options.sweep !== false) {
    sweeper = setInterval(() => {
      events
        .sweepAbandoned(config.abandonAfterMs, new Date())
        .then((changed) => metrics.abandonedSwept.inc(changed.length))
        .catch((error: unknown) => logger.error({ err: error }, 'abandoned sweep failed'));
      users
        .deleteEndedSessions()
        .catch((error: unknown) => logger.error({ err: error }, 'session cleanup failed'));
      sweepSlots(db, new Date(Date.now() - longestCapWindowMs(snapshots.snapshot))).catch((error: unknown) =>
        logger.error({ err: error }, 'frequency mark sweep failed'),
      );
    }, 60_000);
    sweeper.unref();
    partitionSweeper = setInterval(() => {
      const now = new Date();
      eventPartitions
        .ensure(now)
        .then(async () => {
          if (config.eventRetentionMonths === undefined) return;
          const dropped = await eventPartitions.applyRetention(config.eventRetentionMonths, now);
          if (dropped.length > 0) logger.info({ dropped }, 'dropped event months past retention');
        })
        .catch((error: unknown) => logger.error({ err: error }, 'event partition maintenance failed'));
    }, 3_600_000);
    partitionSweeper.unref();
  }
  return {
    config,
    logger,
    db,
    campaigns,
    apiKeys,
    users,
    csrfKey: await ensureSecret(db, 'console_csrf_key'),
    events,
    ladder,
    eventService: new EventService(events, ladder),
    recorder,
    snapshots,
    ledger,
    screening,
    reports: new ReportService(new MeasurementRepository(db), new DecisionFactsRepository(db)),
    intelligence,
    intelligenceStore,
    relay,
    relayStore,
    scamReports,
    tokens,
    metrics,
    health,
    spool,
    recovery,
    async close() {
      if (sweeper) clearInterval(sweeper);
      if (partitionSweeper) clearInterval(partitionSweeper);
      health.stop();
      await recovery?.drain().catch(() => undefined);
      await spool?.close();
      await snapshots.stop();
      await intelligence.stop();
      await relay.stop();
      await db.close();
    },
  };
}

/** Marks older than every live campaign's window (plus a day's margin) can no longer cap anyone. */
function longestCapWindowMs(snapshot: ScreeningSnapshot): number {
  const hours = [...snapshot.campaigns.values()].flat().map((live) => live.spec.frequencyCap.windowHours);
  return (Math.max(24, ...hours) + 24) * 3600 * 1000;
}
