import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../src/store/database.js';
import { openPgliteDatabase } from '../../src/store/pglite-database.js';
import { openPostgresDatabase } from '../../src/store/postgres-database.js';
import { createServerDatabase, serverUrl } from './stores.js';

/** caveat as its own process (for kill -9 tests), on a store the test prepared. */
export interface Running {
  url: string;
  child: ChildProcess;
}

export function startServer(env: NodeJS.ProcessEnv): Promise<Running> {
  return new Promise((resolve, reject) => {
    // Each process its own spool unless the test chose one (instances never share a spool).
    const spool =
      env.DATA_DIR || env.SPOOL_DIR ? {} : { SPOOL_DIR: mkdtempSync(join(tmpdir(), 'caveat-spool-')) };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...spool, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ url: match[1], child });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
}

export const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => child.once('exit', () => resolve()));

export const storeCases: {
  name: string;
  prepare(): Promise<{ env: NodeJS.ProcessEnv; db(): Promise<Database>; cleanup(): Promise<void> }>;
}[] = [
  {
    name: 'embedded PGlite',
    async prepare() {
      const dir = mkdtempSync(join(tmpdir(), 'caveat-kill9-'));
      return {
        env: { DATA_DIR: dir },
        db: () => openPgliteDatabase(dir),
        cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  ...(serverUrl
    ? [
        {
          name: 'PostgreSQL',
          async prepare() {
            const created = await createServerDatabase(serverUrl as string);
            return {
              env: { DATABASE_URL: created.url },
              db: () => openPostgresDatabase(created.url, 2),
              cleanup: created.drop,
            };
          },
        },
      ]
    : []),
];
