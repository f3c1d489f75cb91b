import { mergeIndicators, type Indicator } from '../../indicator.js';

/**
 * Joins an indicator's state as a caveat export states it into what is known. An export is not a
 * new report but a total (14 reports, first seen …): adding it would count the same reports again
 * on every round trip. So counts take the maximum and everything else merges as usual (first seen
 * the minimum, last seen and risk the maximum, jurisdictions and sources the union) — a join, so
 * importing the same export any number of times, or an instance's own export into itself, changes
 * nothing. The price: reports another instance counted independently are not added; its count
 * replaces a smaller one.
 */
export function joinExportedState(known: Indicator, exported: Indicator): Indicator {
  return {
    ...mergeIndicators(known, exported),
    reportCount: Math.max(known.reportCount, exported.reportCount),
  };
}
