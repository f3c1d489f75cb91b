import type { Logger } from 'pino';
import type { Database } from '../store/database.js';
import type { DegradedSpool } from '../store/degraded-spool.js';
import type { DegradedRecovery } from './degraded-recovery.js';
import type { IntelligenceHolder } from './intelligence-holder.js';
import type { Metrics } from './metrics.js';
import type { SnapshotHolder } from './snapshot-holder.js';
import type { StoreHealth } from './store-health.js';

interface Watched {
  db: Database;
  metrics: Metrics;
  logger: Logger;
  snapshots: SnapshotHolder;
  intelligence: IntelligenceHolder;
  spool: DegradedSpool | undefined;
  recovery: DegradedRecovery | undefined;
}

const STATE_VALUE = { ok: 0, degraded: 1, down: 2 } as const;

/**
 * What follows the store's health: metrics on every check; while it is usable, spooled answers
 * drain; and when it comes back, the snapshot and indicators are re-read, since a publish made
 * during the outage may have been missed however the outage looked (a stall loses no NOTIFY, a
 * restart does).
 */
export function watchStore(health: StoreHealth, watched: Watched): void {
  const { db, metrics, logger, snapshots, intelligence, spool, recovery } = watched;
  let reconnects = db.reconnects();
  health.onChecked((state, latencyMs) => {
    metrics.storeState.set(STATE_VALUE[state]);
    if (latencyMs !== null && state !== 'down') metrics.storeLatency.observe(latencyMs / 1000);
    const now = db.reconnects();
    if (now > reconnects) metrics.storeReconnects.inc(now - reconnects);
    reconnects = now;
    metrics.degradedSpooled.set(spool?.size ?? 0);
    if (state !== 'down' && recovery && spool && spool.size > 0) {
      recovery
        .drain()
        .then((count) => count > 0 && logger.info({ count }, 'spooled fail-safe answers recorded'))
        .catch((error: unknown) => logger.warn({ err: error }, 'spool drain failed; will retry'));
    }
  });
  health.onRecovered(() => {
    logger.info('store is back; re-reading campaigns and indicators');
    snapshots.reload().catch((error: unknown) => logger.error({ err: error }, 'snapshot reload failed'));
    intelligence
      .refresh()
      .catch((error: unknown) => logger.error({ err: error }, 'intelligence reload failed'));
  });
  health.start();
}
