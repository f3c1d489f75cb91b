import { createHash } from 'node:crypto';
import type { Experiment } from './spec.js';

export type Arm = 'holdout' | 'treatment';

export interface Assignment {
  arm: Arm;
  /** The message variant shown; null for the holdout, who see nothing. */
  variant: string | null;
}

/**
 * A number in [0, 1) fixed by the experiment key and the user: the same user lands in the same
 * arm on every instance and after every restart, and different experiments shuffle independently.
 */
export function assignmentPoint(experimentKey: string, userRef: string): number {
  const digest = createHash('sha256').update(experimentKey).update('\u0000').update(userRef).digest();
  // 48 bits are plenty of resolution and stay exact in a double.
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

export function assign(experiment: Experiment, userRef: string): Assignment {
  const point = assignmentPoint(experiment.key, userRef);
  if (point < experiment.holdoutShare) return { arm: 'holdout', variant: null };
  // Rescale the treatment part of the interval to [0, 1) and walk the variant weights.
  const within = (point - experiment.holdoutShare) / (1 - experiment.holdoutShare);
  const total = experiment.variants.reduce((sum, variant) => sum + variant.weight, 0);
  let cumulative = 0;
  for (const variant of experiment.variants) {
    cumulative += variant.weight / total;
    if (within < cumulative) return { arm: 'treatment', variant: variant.key };
  }
  const last = experiment.variants[experiment.variants.length - 1];
  return { arm: 'treatment', variant: last ? last.key : null };
}
