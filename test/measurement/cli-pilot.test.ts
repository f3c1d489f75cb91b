import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo-seed.js';
import type { PilotReport } from '../../src/measurement/report-model.js';
import { parseBehaviours, type Truth } from '../../src/measurement/simulation.js';
import { startHarness, type Harness } from '../support/harness.js';
import { storeKinds } from '../support/stores.js';

const run = promisify(execFile);
const caveat = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent' },
    maxBuffer: 10_000_000,
  });
const inside = (truth: number, e: { low: number | null; high: number | null }) =>
  e.low !== null && e.high !== null && e.low <= truth && truth <= e.high;

/** The acceptance run, through the real commands: `caveat simulate`, then `caveat report`. */
describe('caveat simulate, then caveat report (the CLI against a running caveat)', () => {
  let h: Harness;
  let url: string;
  let repeats = 0;
  const dir = mkdtempSync(join(tmpdir(), 'caveat-cli-pilot-'));
  // Rates unlike the built-in ones, so the report can only match if the file was used.
  const population = [
    {
      jurisdiction: 'HK',
      locale: 'zh-Hant-HK',
      users: 900,
      warned: { cancel: 0.2, verifyThenCancel: 0.1, verifyThenProceed: 0.1, proceed: 0.55 },
      holdoutCompletion: 0.9,
    },
  ];
  const report = async (args: string[]): Promise<PilotReport> => {
    const out = join(dir, `report-${Math.random().toString(36).slice(2)}.json`);
    await caveat([
      'report',
      '--url',
      url,
      '--key',
      h.keys.reports,
      '--format',
      'json',
      '--out',
      out,
      ...args,
    ]);
    return JSON.parse(readFileSync(out, 'utf8')) as PilotReport;
  };

  beforeAll(async () => {
    h = await startHarness(await storeKinds[0]!.open(), { seed: false });
    await seedDemo(h.caveat, pino({ level: 'silent' }));
    url = await h.app.listen({ host: '127.0.0.1', port: 0 });
    writeFileSync(join(dir, 'population.json'), JSON.stringify(population));
    const healthy = await caveat([
      'simulate',
      ...['--url', url, '--key', h.keys.exchange, '--seed', '11'],
      ...['--population', join(dir, 'population.json'), '--truth', join(dir, 'truth.json')],
    ]);
    expect(healthy.stdout).toMatch(/screened 900: \d+ warned, \d+ holdout/);
    // By default some users try twice (warned again), and the exchange reports most completions.
    repeats = Number(/(\d+) second attempts/.exec(healthy.stdout)?.[1]);
    expect(repeats).toBeGreaterThan(100);
    expect(healthy.stdout).toMatch(/\d+ events \(\d+ answers, \d+ completions\)/);
    // A second run in Macau with a broken integration: 60% of holdout outcomes never arrive.
    await caveat([
      'simulate',
      ...['--url', url, '--key', h.keys.exchange, '--seed', '12', '--users', '700'],
      ...['--jurisdictions', 'MO', '--lose-holdout-reports', '0.6'],
    ]);
    // Half an hour later the sweeper marks the warnings nobody decided on as abandoned.
    await h.caveat.events.sweepAbandoned(30 * 60_000, new Date(Date.now() + 31 * 60_000));
  }, 240_000);
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports every true rate and the true uplift inside its 95% interval', async () => {
    const [truth] = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth[];
    expect(truth).toEqual(
      expect.objectContaining({ jurisdiction: 'HK', cancelled: 0.2, verified: 0.2, completionHoldout: 0.9 }),
    );
    const r = await report(['--jurisdiction', 'HK', '--sequential']);
    expect(r.totals.decisions).toBe(900 + repeats);
    const checks = {
      intervention: [truth!.intervention, r.rates.intervention],
      cancelled: [truth!.cancelled, r.rates.cancelled],
      verified: [truth!.verified, r.rates.verified],
      proceeded: [truth!.proceeded, r.rates.proceeded],
      abandoned: [truth!.abandoned, r.rates.abandoned],
      completionWarned: [truth!.completionWarned, r.uplift.completionWarned],
      completionHoldout: [truth!.completionHoldout, r.uplift.completionHoldout],
      uplift: [truth!.uplift, r.uplift.difference],
      upliftAlwaysValid: [truth!.uplift, r.uplift.alwaysValid!],
      relative: [truth!.completionWarned / truth!.completionHoldout - 1, r.uplift.relative],
      pilotNumberPerUser: [truth!.pilotNumber, r.pilotNumber!.perUser],
      pilotNumberPerWithdrawal: [truth!.pilotNumber, r.pilotNumber!.perWithdrawal],
      upliftEveryone: [truth!.upliftEveryone, r.pilotNumber!.upliftEveryone.difference],
    } as const;
    for (const [name, [value, estimate]] of Object.entries(checks))
      expect(inside(value, estimate), `${name}: ${value} in ${JSON.stringify(estimate)}`).toBe(true);
    expect(r.sampleRatio[0]?.assignment.mismatch).toBe(false);
    expect(r.sampleRatio[0]?.analysed.mismatch).toBe(false);
  });

  it('flags the broken split, and only there', async () => {
    const broken = await report(['--jurisdiction', 'MO']);
    expect(broken.sampleRatio[0]?.assignment.mismatch).toBe(false);
    expect(broken.sampleRatio[0]?.analysed.mismatch).toBe(true);
    expect(broken.notes.join(' ')).toMatch(/Sample ratio mismatch in mo-\S+ v1 among reported outcomes/);
    // Where the outcomes went missing: 40% of the holdout's were reported, far fewer than the
    // warned arm's (Macau's built-in warned users leave only 5% undecided).
    const reported = broken.uplift.outcomeReported;
    expect(inside(0.4, reported.holdout), JSON.stringify(reported)).toBe(true);
    expect(reported.warned.low!).toBeGreaterThan(reported.holdout.high!);
  });

  it('writes a self-contained HTML report with its SVG charts', async () => {
    const out = join(dir, 'report.html');
    await caveat(['report', '--url', url, '--key', h.keys.reports, '--format', 'html', '--out', out]);
    const html = readFileSync(out, 'utf8');
    expect(html.match(/<svg/g)?.length).toBe(3);
    expect(html).not.toMatch(/<script/);
  });

  it('refuses a population file with impossible rates, naming the field', async () => {
    expect(() => parseBehaviours([{ ...population[0], warned: { cancel: 0.7, proceed: 0.6 } }], 10)).toThrow(
      /population\[0\].*sum to at most 1/,
    );
    expect(() => parseBehaviours([{ ...population[0], holdoutCompletion: 'high' }], 10)).toThrow(
      /population\[0\]\.holdoutCompletion must be a number/,
    );
    writeFileSync(join(dir, 'bad.json'), JSON.stringify([{ jurisdiction: 'hk' }]));
    await expect(
      caveat(['simulate', '--url', url, '--key', h.keys.exchange, '--population', join(dir, 'bad.json')]),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/population\[0\]\.jurisdiction/) });
  });
});
