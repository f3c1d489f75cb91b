import type { IndicatorMatchParams, LookalikeParams, Reason } from '../../screening/decision.js';
import { chromeLocaleFor } from './chrome-strings.js';
import { FINDING_STRINGS } from './findings-strings.js';

/** One finding about the destination, worded for the user: a headline, then the details. */
export interface ShownFinding {
  kind: 'reported' | 'lookalike';
  headline: string;
  details: string[];
}

/**
 * The destination's findings in the user's language, from each reason's code and params. A reason
 * without params (an older decision) is left out rather than shown in English to everyone.
 */
export function shownFindings(reasons: readonly Reason[], localeTag: string): ShownFinding[] {
  const strings = FINDING_STRINGS[chromeLocaleFor(localeTag)];
  const shown: ShownFinding[] = [];
  for (const reason of reasons) {
    const params = reason.params as Partial<IndicatorMatchParams & LookalikeParams> | undefined;
    if (!params) continue;
    if (reason.code === 'destination_reported' && typeof params.count === 'number') {
      const scamType = strings.scamTypes[params.scamType ?? ''] ?? strings.scamTypes.unknown ?? '';
      const places = listOf(
        (params.jurisdictions ?? []).map((code) => regionName(code, localeTag)),
        localeTag,
      );
      const details = [
        strings.risk[params.riskLevel ?? ''],
        params.lastSeen ? strings.lastSeen(dayOf(params.lastSeen, localeTag)) : undefined,
        strings.sources[params.source ?? ''],
      ].filter((line): line is string => Boolean(line));
      shown.push({ kind: 'reported', headline: strings.reported(params.count, scamType, places), details });
    } else if (reason.code === 'lookalike' && params.imitates && params.officialDomain) {
      const technique = strings.techniques[params.technique ?? ''] ?? strings.techniques.other ?? '';
      shown.push({
        kind: 'lookalike',
        headline: strings.lookalike(params.imitates, params.officialDomain),
        details: [technique, strings.officialIs(params.officialDomain)],
      });
    }
  }
  // Reports first: a count of reports is the strongest thing the user can be told.
  return shown.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'reported' ? -1 : 1));
}

function regionName(code: string, localeTag: string): string {
  try {
    return new Intl.DisplayNames([localeTag, 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function listOf(items: string[], localeTag: string): string {
  try {
    return new Intl.ListFormat([localeTag, 'en'], { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** A YYYY-MM-DD day in the user's words; the day as given when it cannot be read. */
function dayOf(day: string, localeTag: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  try {
    return new Intl.DateTimeFormat([localeTag, 'en'], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return day;
  }
}
