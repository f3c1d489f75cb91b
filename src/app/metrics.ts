import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one instance; a registry per instance keeps tests independent. */
export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  decisions: Counter<'decision' | 'jurisdiction' | 'arm'>;
  degradedDecisions: Counter<'reason'>;
  eventsAccepted: Counter<'type'>;
  abandonedSwept: Counter;
  signIns: Counter<'result'>;
  snapshotGeneration: Gauge;
  storeState: Gauge;
  storeLatency: Histogram;
  storeReconnects: Counter;
  degradedSpooled: Gauge;
  degradedRecorded: Counter;
  decisionBatchSize: Histogram;
  decisionBatchesInFlight: Histogram;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    decisionBatchSize: new Histogram({
      name: 'caveat_decision_batch_size',
      help: 'Decisions per group-commit transaction',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers: [registry],
    }),
    decisionBatchesInFlight: new Histogram({
      name: 'caveat_decision_batches_in_flight',
      help: 'Group-commit transactions in flight when a batch left, this one included',
      buckets: [1, 2, 3, 4, 6, 8, 12, 16],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'caveat_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    decisions: new Counter({
      name: 'caveat_decisions_total',
      help: 'Screening decisions returned',
      labelNames: ['decision', 'jurisdiction', 'arm'],
      registers: [registry],
    }),
    degradedDecisions: new Counter({
      name: 'caveat_degraded_decisions_total',
      help: 'Decisions answered with the fail-safe generic warning',
      labelNames: ['reason'],
      registers: [registry],
    }),
    eventsAccepted: new Counter({
      name: 'caveat_events_accepted_total',
      help: 'Reaction events stored',
      labelNames: ['type'],
      registers: [registry],
    }),
    abandonedSwept: new Counter({
      name: 'caveat_outcomes_abandoned_total',
      help: 'Decisions marked abandoned by the sweeper',
      registers: [registry],
    }),
    signIns: new Counter({
      name: 'caveat_console_sign_ins_total',
      // Only counts: who tried is personal data and stays out of metrics and logs.
      help: 'Console sign-in attempts by result (ok, refused); a rising refused count is password guessing',
      labelNames: ['result'],
      registers: [registry],
    }),
    snapshotGeneration: new Gauge({
      name: 'caveat_snapshot_generation',
      help: 'Generation of the in-memory screening snapshot',
      registers: [registry],
    }),
    storeState: new Gauge({
      name: 'caveat_store_state',
      help: 'The store as the health check sees it: 0 ok, 1 degraded (slow or listener reconnecting), 2 down',
      registers: [registry],
    }),
    storeLatency: new Histogram({
      name: 'caveat_store_ping_seconds',
      help: 'Latency of the health check ping to the store',
      buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    storeReconnects: new Counter({
      name: 'caveat_store_reconnects_total',
      help: 'Times the connection that receives notifications was re-established after a loss',
      registers: [registry],
    }),
    degradedSpooled: new Gauge({
      name: 'caveat_degraded_spooled',
      help: 'Fail-safe answers spooled on local disk, waiting for the store',
      registers: [registry],
    }),
    degradedRecorded: new Counter({
      name: 'caveat_degraded_recorded_total',
      help: 'Spooled fail-safe answers written to the store after it came back',
      registers: [registry],
    }),
  };
}
