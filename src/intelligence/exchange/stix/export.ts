import { randomUUID } from 'node:crypto';
import type { Indicator } from '../../indicator.js';
import { writeIndicator } from './indicator.js';

/**
 * Every indicator as a STIX 2.1 bundle. Only the bundle id is new on each export (a bundle is one
 * sending, §8); each object is a pure function of its indicator, so two exports of the same store
 * differ in nothing else and a re-import is recognised object by object.
 */
export function indicatorsToStix(indicators: readonly (Indicator & { display: string })[]): string {
  const objects = indicators.map(writeIndicator);
  return JSON.stringify({ type: 'bundle', id: `bundle--${randomUUID()}`, objects }, null, 2);
}
