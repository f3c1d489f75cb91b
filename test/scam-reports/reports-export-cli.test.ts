import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const run = promisify(execFile);
const WALLET = 'TK692zjWWEVzwjHeczrG1htYmJmzGFB4oZ';

// The CLI speaks HTTP only, so one store is enough here; the export route runs on both elsewhere.
describe('caveat reports export', () => {
  let h: Harness;
  let url: string;
  const cli = (...args: string[]) =>
    run(process.execPath, [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'reports',
      'export',
      '--url',
      url,
      '--key',
      h.keys.admin,
      ...args,
    ]);

  beforeAll(async () => {
    h = await startHarness(await storeKinds[0]!.open());
    url = await h.app.listen({ host: '127.0.0.1', port: 0 });
    const filed = await h.app.inject({
      method: 'POST',
      url: '/public/scam-reports',
      payload: {
        jurisdiction: 'HK',
        category: 'investment',
        identifiers: [{ value: WALLET, network: 'TRC20' }],
        description: 'Private detail that must not leave: my neighbour introduced the “mentor”.',
        consentToPoliceContact: true,
        reporterContact: { email: 'victim@example.com' },
      },
    });
    const { id } = filed.json();
    const { clusterId } = (
      await h.app.inject({
        method: 'GET',
        url: `/v1/admin/scam-reports/${id}`,
        headers: bearer(h.keys.admin),
      })
    ).json();
    await h.app.inject({
      method: 'POST',
      url: `/v1/admin/scam-clusters/${clusterId}/confirm`,
      headers: bearer(h.keys.admin),
      payload: { riskLevel: 'critical', scamType: 'investment' },
    });
  });
  afterAll(async () => h.close());

  it('prints confirmed identifiers as CSV and STIX, and no reporter data', async () => {
    const csv = (await cli('--format', 'csv')).stdout;
    expect(csv.split('\n')[0]).toMatch(/value/);
    expect(csv).toContain(WALLET);
    const stix = JSON.parse((await cli('--format', 'stix')).stdout);
    expect(stix.type).toBe('bundle');
    expect(JSON.stringify(stix)).toContain(WALLET);
    for (const secret of ['victim@example.com', 'neighbour']) {
      expect(csv).not.toContain(secret);
      expect(JSON.stringify(stix)).not.toContain(secret);
    }
  });

  it('refuses an unknown format with a message and a failing exit code', async () => {
    const failure = await cli('--format', 'xml').catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(/--format must be csv or stix/);
  });
});
