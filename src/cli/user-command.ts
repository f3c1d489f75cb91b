import { createInterface } from 'node:readline';
import { startCaveat } from '../app/caveat.js';
import type { Config } from '../config.js';
import { RequestProblem } from '../errors.js';
import { CONSOLE_ROLES, type ConsoleRole } from '../store/console-user-repository.js';
import { createLogger } from './logger.js';

export interface UserAddOptions {
  email: string;
  name: string;
  role: string;
  jurisdiction?: string;
  partner?: string;
}

/** The password comes from CAVEAT_PASSWORD or the first line of stdin, never from argv (shell history, ps). */
async function readPassword(): Promise<string> {
  const fromEnv = process.env.CAVEAT_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('password (at least 12 characters): ');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

/** `caveat user add`: the first console admin of a new installation, or any user from scripts. */
export async function userAddCommand(config: Config, options: UserAddOptions): Promise<void> {
  if (!(CONSOLE_ROLES as readonly string[]).includes(options.role)) {
    throw new Error(`--role must be one of ${CONSOLE_ROLES.join(', ')}`);
  }
  const password = await readPassword();
  if (password.length < 12) throw new Error('the password needs at least 12 characters');
  const caveat = await startCaveat({
    config,
    logger: createLogger(config.logLevel),
    sweep: false,
    relayDelivery: false,
  });
  try {
    const user = await caveat.users.create(
      {
        email: options.email,
        name: options.name,
        role: options.role as ConsoleRole,
        jurisdiction: options.jurisdiction ?? null,
        partnerId: options.partner ?? null,
        password,
      },
      'cli',
    );
    process.stdout.write(
      `created ${user.role} ${user.email}${user.jurisdiction ? ` (${user.jurisdiction})` : ''}\n`,
    );
  } catch (error) {
    if (error instanceof RequestProblem) throw new Error(error.message);
    throw error;
  } finally {
    await caveat.close();
  }
}
