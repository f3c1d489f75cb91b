import { readFile, writeFile } from 'node:fs/promises';
import { SingleBar, Presets } from 'cli-progress';
import {
  defaultBehaviours,
  parseBehaviours,
  planPopulation,
  truthOf,
  type JurisdictionBehaviour,
} from '../measurement/simulation.js';
import { runSimulation } from './pilot-simulator.js';

export interface SimulateOptions {
  url: string;
  key: string;
  users: string;
  seed: string;
  jurisdictions: string;
  loseHoldoutReports: string;
  /** Share of users whose completion the exchange reports. */
  completionReported: string;
  /** Share of users who try a second withdrawal within the window. */
  repeatShare: string;
  /** A JSON file with per-jurisdiction true rates (see parseBehaviours); default: the built-in ones. */
  population?: string;
  /** Write the true rates as JSON here, for a script to compare with `caveat report`. */
  truth?: string;
}

/** `caveat simulate`: a seeded synthetic pilot sent through a running caveat, then the truth to check. */
export async function simulateCommand(options: SimulateOptions): Promise<void> {
  const users = Number(options.users);
  const seed = Number(options.seed);
  const lose = Number(options.loseHoldoutReports);
  if (!Number.isInteger(users) || users < 1) throw new Error('--users must be a positive integer');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  if (!(lose >= 0 && lose <= 1)) throw new Error('--lose-holdout-reports must be between 0 and 1');
  const completionReported = Number(options.completionReported);
  const repeatShare = Number(options.repeatShare);
  if (!(completionReported >= 0 && completionReported <= 1))
    throw new Error('--completion-reported must be between 0 and 1');
  if (!(repeatShare >= 0 && repeatShare <= 1)) throw new Error('--repeat-share must be between 0 and 1');
  let behaviours: JurisdictionBehaviour[];
  if (options.population) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(options.population, 'utf8'));
    } catch (error) {
      throw new Error(`--population ${options.population}: ${(error as Error).message}`);
    }
    behaviours = parseBehaviours(json, users);
  } else {
    const wanted = new Set(options.jurisdictions.split(',').map((j) => j.trim().toUpperCase()));
    behaviours = defaultBehaviours(users).filter((b) => wanted.has(b.jurisdiction));
    if (behaviours.length === 0) throw new Error('--jurisdictions names none of HK, MO, GB, TW');
  }
  const population = planPopulation(behaviours, {
    seed,
    runId: `s${seed}`,
    loseHoldoutReports: lose,
    completionReported,
    repeatShare,
  });
  const bar = new SingleBar(
    { format: 'simulating {bar} {value}/{total} users  {eta_formatted} left' },
    Presets.shades_classic,
  );
  bar.start(population.length, 0);
  const stats = await runSimulation({
    url: options.url.replace(/\/$/, ''),
    apiKey: options.key,
    users: population,
    onProgress: (done) => bar.update(done),
  });
  bar.stop();
  process.stdout.write(
    `screened ${stats.screened}: ${stats.warned} warned, ${stats.holdout} holdout, ${stats.outsideExperiment} outside the experiment; ${stats.repeats} second attempts; ${stats.events} events (${stats.answers} answers, ${stats.completions} completions)\n\nThe truth to compare with \`caveat report\`:\n`,
  );
  const truths = behaviours.map(truthOf);
  if (options.truth) await writeFile(options.truth, `${JSON.stringify(truths, null, 2)}\n`);
  for (const t of truths) {
    const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
    process.stdout.write(
      `  ${t.jurisdiction}: intervention ${pct(t.intervention)}, completion warned ${pct(t.completionWarned)} vs holdout ${pct(t.completionHoldout)}, uplift ${(t.uplift * 100).toFixed(1)} points; pilot's number ${pct(t.pilotNumber)} of warned users did not withdraw or checked first; uplift counting everyone ${(t.upliftEveryone * 100).toFixed(1)} points\n`,
    );
  }
}
