import { startCaveat } from '../app/caveat.js';
import { DEMO_CONSOLE_PASSWORD, DEMO_KEYS, DEMO_USERS, seedDemo } from '../app/demo-seed.js';
import type { Config } from '../config.js';
import { buildHttpApp } from '../http/app.js';
import { formatToken } from '../store/api-key-repository.js';
import { createLogger } from './logger.js';

/** Starts the service; with demo, loads the demo data and prints where to look. */
export async function serve(config: Config, options: { demo: boolean }): Promise<void> {
  const logger = createLogger(config.logLevel);
  const caveat = await startCaveat({ config, logger, spoolDir: config.spoolDir });
  // The money path stays up: a stray rejection is logged and counted, never a reason to exit. The
  // process ends only on a signal or a failure to start (above, before anything is served).
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  if (options.demo) await seedDemo(caveat, logger);
  const { app } = await buildHttpApp(caveat, { demo: options.demo });
  const address = await app.listen({ port: config.port, host: config.host });
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    await caveat.close();
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void shutdown(signal));
  process.once('SIGTERM', (signal) => void shutdown(signal));
  const store = config.databaseUrl
    ? 'PostgreSQL server (DATABASE_URL)'
    : `embedded PGlite in ${config.dataDir}`;
  const lines = [
    '',
    `caveat is listening on ${address}  (store: ${store})`,
    `  API docs (OpenAPI):   ${address}/docs`,
    `  health / metrics:     ${address}/healthz  ${address}/metrics`,
  ];
  if (options.demo) {
    const exchangeKey = formatToken(DEMO_KEYS.exchange.id, DEMO_KEYS.exchange.secret);
    const adminKey = formatToken(DEMO_KEYS.admin.id, DEMO_KEYS.admin.secret);
    const partnerKey = formatToken(DEMO_KEYS.partner.id, DEMO_KEYS.partner.secret);
    lines.push(
      `  demo withdrawal page: ${address}/demo/withdraw`,
      '',
      'Demo API keys (demo only, published in the README; never expose a demo instance):',
      `  exchange (screening, events): ${exchangeKey}`,
      `  admin (admin, reports):        ${adminKey}`,
      `  Macau Judiciary Police feed:   ${partnerKey}  (GET /v1/partner/alerts)`,
      `  check before you send:        ${address}/check`,
      '',
      `Console: ${address}/console/  (demo sign-ins, password ${DEMO_CONSOLE_PASSWORD}):`,
      ...DEMO_USERS.map(
        (user) =>
          `  ${user.email.padEnd(34)} ${user.role}${user.jurisdiction ? ` ${user.jurisdiction}` : ''}`,
      ),
      '',
      'Try a Hong Kong withdrawal:',
      `  curl -s ${address}/v1/screenings -H 'authorization: Bearer ${exchangeKey}' -H 'content-type: application/json' \\`,
      `    -d '{"idempotencyKey":"try-1","userRef":"user-42","jurisdiction":"HK","locale":"zh-Hant-HK","asset":"USDT","network":"TRON","amount":"500","amountUsd":500,"destination":{"address":"TXYZ1234567890abcdefghijklmnopqrs","isNew":true,"isWhitelisted":false},"account":{"ageDays":30}}'`,
      '',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
