#!/usr/bin/env node
import { Command } from 'commander';
import { startCaveat } from '../app/caveat.js';
import { seedDemo } from '../app/demo-seed.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { createLogger } from './logger.js';
import { serve } from './serve.js';

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

await program.parseAsync(process.argv);
