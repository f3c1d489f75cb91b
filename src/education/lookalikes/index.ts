import type { SiteTrick } from '../model.js';
import { brandInFront } from './brand-in-front.js';
import { homoglyph } from './homoglyph.js';
import { hostingPlatform } from './hosting-platform.js';
import type { LookalikeMaker } from './model.js';
import { tldSwap } from './tld-swap.js';
import { typo } from './typo.js';

export type { LookalikeMaker, LookalikeSite, OfficialSite } from './model.js';

/** Every lookalike family the quiz teaches, one file each. */
export const LOOKALIKE_MAKERS: readonly LookalikeMaker[] = [
  brandInFront,
  tldSwap,
  homoglyph,
  typo,
  hostingPlatform,
];

/** What the detector calls each trick (lookalike-reason.ts techniqueOf), for the check that it agrees. */
export const DETECTOR_TECHNIQUE: Record<SiteTrick, string> = {
  brand_in_front: 'brand_in_name',
  tld_swap: 'tld_swap',
  homoglyph: 'confusable',
  typo: 'typo',
  hosting_platform: 'brand_in_name',
};
