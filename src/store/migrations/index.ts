import { initial } from './001-initial.js';
import { decisionsAndEvents } from './002-decisions-and-events.js';
import { measurementRollups } from './003-measurement-rollups.js';
import { intelligence } from './004-intelligence.js';
import { relay } from './005-relay.js';
import { consoleSchema } from './006-console.js';
import { measurementDisplayedOutcomes } from './007-measurement-displayed-outcomes.js';
import { rollupLockOrder } from './008-rollup-lock-order.js';
import { supersededDecisions } from './009-superseded-decisions.js';
import { scamReports } from './011-scam-reports.js';
import { policeRequests } from './012-police-requests.js';
import { relayReferrals } from './013-relay-referrals.js';
import { officialChannelDistinctive } from './014-official-channel-distinctive.js';
import { frequencyMarks } from './015-frequency-marks.js';
import { eventsByMonth } from './016-events-by-month.js';
import { education } from './017-education.js';
import { questionsLadderCompletions } from './018-questions-ladder-completions.js';
import { consoleSignInLockout } from './019-console-sign-in-lockout.js';
import { jurisdictionFallback } from './020-jurisdiction-fallback.js';
import { publishControls } from './021-publish-controls.js';
import { jurisdictionDirectory } from './022-jurisdiction-directory.js';
import { review } from './023-review.js';
import { officialChannelJurisdiction } from './024-official-channel-jurisdiction.js';
import { scamReportSharing } from './025-scam-report-sharing.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every schema change, in order. Append only: an applied migration is never edited. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'decisions-and-events', sql: decisionsAndEvents },
  { version: 3, name: 'measurement-rollups', sql: measurementRollups },
  { version: 4, name: 'intelligence', sql: intelligence },
  { version: 5, name: 'relay', sql: relay },
  // 6 landed after 7 and 8 (it was kept for the console); it depends on neither, so order is safe.
  { version: 6, name: 'console', sql: consoleSchema },
  { version: 7, name: 'measurement-displayed-outcomes', sql: measurementDisplayedOutcomes },
  { version: 8, name: 'rollup-lock-order', sql: rollupLockOrder },
  { version: 9, name: 'superseded-decisions', sql: supersededDecisions },
  { version: 11, name: 'scam-reports', sql: scamReports },
  { version: 12, name: 'police-requests', sql: policeRequests },
  { version: 13, name: 'relay-referrals', sql: relayReferrals },
  { version: 14, name: 'official-channel-distinctive', sql: officialChannelDistinctive },
  { version: 15, name: 'frequency-marks', sql: frequencyMarks },
  { version: 16, name: 'events-by-month', sql: eventsByMonth },
  { version: 17, name: 'education', sql: education },
  { version: 18, name: 'questions-ladder-completions', sql: questionsLadderCompletions },
  { version: 19, name: 'console-sign-in-lockout', sql: consoleSignInLockout },
  { version: 20, name: 'jurisdiction-fallback', sql: jurisdictionFallback },
  { version: 21, name: 'publish-controls', sql: publishControls },
  { version: 22, name: 'jurisdiction-directory', sql: jurisdictionDirectory },
  { version: 23, name: 'review', sql: review },
  { version: 24, name: 'official-channel-jurisdiction', sql: officialChannelJurisdiction },
  { version: 25, name: 'scam-report-sharing', sql: scamReportSharing },
];
