#!/usr/bin/env node
import { Command } from 'commander';
import { startCaveat } from '../app/caveat.js';
import { DEMO_KEYS, seedDemo } from '../app/demo-seed.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { formatToken } from '../store/api-key-repository.js';
import { evidenceVerifyCommand } from './evidence-command.js';
import { createLogger } from './logger.js';
import { importCommand, lookupCommand, type ImportOptions } from './import-command.js';
import { reportCommand, type ReportOptions } from './report-command.js';
import { reportsExportCommand, type ReportsExportOptions } from './reports-export-command.js';
import { serve } from './serve.js';
import { simulateCommand, type SimulateOptions } from './simulate-command.js';
import { userAddCommand, type UserAddOptions } from './user-command.js';

function config(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee README.md, "Configuration".\n`);
      process.exit(2);
    }
    throw error;
  }
}

const program = new Command('caveat').description('Stops scams at the moment money leaves an account.');

program
  .command('serve')
  .description('Run the HTTP service (migrates the store first)')
  .option('--demo', 'load the demo jurisdictions, campaigns and API keys and print where to look', false)
  .action(async (options: { demo: boolean }) => serve(config(), options));

program
  .command('migrate')
  .description('Apply pending schema migrations and exit')
  .action(async () => {
    const cfg = config();
    const logger = createLogger(cfg.logLevel);
    const caveat = await startCaveat({ config: cfg, logger, sweep: false });
    await caveat.close();
    process.stdout.write('migrations applied\n');
  });

program
  .command('seed')
  .description('Load data into the store')
  .option('--demo', 'the demo jurisdictions, partners, campaigns and API keys', true)
  .action(async () => {
    const cfg = config();
    const logger = createLogger(cfg.logLevel);
    const caveat = await startCaveat({ config: cfg, logger, sweep: false });
    const { created } = await seedDemo(caveat, logger);
    await caveat.close();
    process.stdout.write(
      created.length > 0 ? `created:\n  ${created.join('\n  ')}\n` : 'demo data already present\n',
    );
  });

program
  .command('user')
  .description('Console users')
  .command('add')
  .description('Add a console user; the password is read from CAVEAT_PASSWORD or the first line of stdin')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--role <role>', 'admin, analyst or partner_reviewer')
  .option('--jurisdiction <code>', 'required for partner_reviewer, e.g. HK')
  .option('--partner <id>', 'the partner a reviewer speaks for')
  .action(async (options: UserAddOptions) => {
    try {
      await userAddCommand(config(), options);
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    }
  });

const serverOptions = (command: Command) =>
  command
    .option('--url <url>', 'a running caveat', 'http://127.0.0.1:8080')
    .option('--key <key>', 'API key (default: the demo key for the command, on a demo instance)');

serverOptions(
  program
    .command('simulate')
    .description('Send a seeded synthetic pilot through a running caveat and print the true rates')
    .option('--users <n>', 'users per jurisdiction', '2000')
    .option('--seed <n>', 'random seed (the same seed plans the same population)', '1')
    .option('--jurisdictions <list>', 'comma-separated', 'HK,MO,GB,TW')
    .option(
      '--lose-holdout-reports <share>',
      'break the integration: share of holdout outcomes never reported',
      '0',
    )
    .option(
      '--completion-reported <share>',
      "share of users whose withdrawal_completed / _not_completed the exchange's backend reports",
      '0.8',
    )
    .option(
      '--repeat-share <share>',
      'share of users who try a second withdrawal within the window (warned again)',
      '0.3',
    )
    .option('--population <file>', 'JSON file of per-jurisdiction true rates (instead of the built-in ones)')
    .option('--truth <file>', 'also write the true rates to this JSON file'),
).action(async (options: Omit<SimulateOptions, 'key'> & { key?: string }) =>
  simulateCommand({
    ...options,
    key: options.key ?? formatToken(DEMO_KEYS.exchange.id, DEMO_KEYS.exchange.secret),
  }),
);

serverOptions(
  program
    .command('report')
    .description('Pilot report from a running caveat: json, csv, or a self-contained html with charts')
    .option('--format <format>', 'json, csv or html', 'html')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--from <day>', 'first UTC day, YYYY-MM-DD')
    .option('--to <day>', 'last UTC day, YYYY-MM-DD')
    .option('--campaign <id>')
    .option('--jurisdiction <code>')
    .option('--version <n>', 'campaign version')
    .option('--variant <key>')
    .option('--locale <tag>', 'requested locale, e.g. zh-Hant-HK')
    .option('--asset <code>', 'e.g. USDT')
    .option('--amount-band <band>', '0-100, 100-1k, 1k-10k or 10k+ (USD)')
    .option('--sequential', 'add always-valid intervals (safe to watch daily)'),
).action(async (options: Omit<ReportOptions, 'key'> & { key?: string }) =>
  reportCommand({ ...options, key: options.key ?? formatToken(DEMO_KEYS.admin.id, DEMO_KEYS.admin.secret) }),
);

serverOptions(
  program
    .command('import <file>')
    .description('Import scam indicators (CSV or STIX 2.1) into a running caveat: all rows or none')
    .option('--format <format>', 'csv or stix', 'csv')
    .option('--feed <name>', 'feed name: entries already imported from it are skipped', 'manual')
    .option('--source <source>', 'partner, user_report, feed or staff, where a row does not say', 'feed'),
).action(async (file: string, options: Omit<ImportOptions, 'key'> & { key?: string }) =>
  importCommand(file, {
    ...options,
    key: options.key ?? formatToken(DEMO_KEYS.admin.id, DEMO_KEYS.admin.secret),
  }),
);

serverOptions(
  program
    .command('lookup <query>')
    .description('Is this address, site, phone, email or account official, a reported scam, or a lookalike?'),
).action(async (query: string, options: { url: string; key?: string }) =>
  lookupCommand(query, {
    url: options.url,
    key: options.key ?? formatToken(DEMO_KEYS.exchange.id, DEMO_KEYS.exchange.secret),
  }),
);

serverOptions(
  program
    .command('reports')
    .description('Scam reports')
    .command('export')
    .description('Confirmed scam-report clusters from a running caveat as CSV or STIX 2.1 (no reporter data)')
    .option('--format <format>', 'csv or stix', 'csv')
    .option('--out <file>', 'write to a file instead of stdout'),
).action(async (options: Omit<ReportsExportOptions, 'key'> & { key?: string }) =>
  reportsExportCommand({
    ...options,
    key: options.key ?? formatToken(DEMO_KEYS.admin.id, DEMO_KEYS.admin.secret),
  }),
);

program
  .command('evidence')
  .description('Evidence packs answered to police requests')
  .command('verify <pack>')
  .description('Check an evidence pack: the signature over its manifest and the SHA-256 of every file')
  .option('--key <file>', "a PEM file with the exchange's public key")
  .option('--url <url>', 'or fetch the key from this caveat (GET /police/api/signing-key)')
  .action(async (pack: string, options: { key?: string; url?: string }) => {
    process.exitCode = await evidenceVerifyCommand(pack, options);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Bad options and unreachable servers are the user's to fix: a message, not a stack trace.
  process.stderr.write(`caveat: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
