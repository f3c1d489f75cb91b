import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConsoleUserRepository } from '../../src/store/console-user-repository.js';
import { openPgliteDatabase } from '../../src/store/pglite-database.js';

const dataDir = mkdtempSync(join(tmpdir(), 'caveat-user-add-'));
const run = (args: string[], env: Record<string, string>, input = '') =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'user', 'add', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('caveat user add', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the first admin from a password on stdin, who can then sign in; refuses bad input', () => {
    const created = run(
      ['--email', 'First@Example.org', '--name', 'First', '--role', 'admin'],
      {},
      'a long password here\n',
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('created admin first@example.org');

    const short = run(['--email', 'b@example.org', '--name', 'B', '--role', 'admin'], {
      CAVEAT_PASSWORD: 'short',
    });
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('at least 12 characters');
    const noJurisdiction = run(['--email', 'c@example.org', '--name', 'C', '--role', 'partner_reviewer'], {
      CAVEAT_PASSWORD: 'long enough password',
    });
    expect(noJurisdiction.status).toBe(2);
    expect(noJurisdiction.stderr).toContain('body/jurisdiction: a partner reviewer needs a jurisdiction');
  }, 120_000);

  it('stored the user so that the password signs in and nothing else was created', async () => {
    const db = await openPgliteDatabase(dataDir);
    try {
      const users = new ConsoleUserRepository(db);
      expect((await users.list()).map((u) => u.email)).toEqual(['first@example.org']);
      expect((await users.authenticate('first@example.org', 'a long password here'))?.role).toBe('admin');
    } finally {
      await db.close();
    }
  });
});
