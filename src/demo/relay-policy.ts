import type { RelayPolicy } from '../relay/policy.js';

/**
 * [Demo] The Macau campaign's relay: alerts go to the Judiciary Police when a Macau user's
 * withdrawal is held, or a warned user proceeds to an address on the indicator list. Pull feed
 * (no real endpoint is configured); user ids pseudonymized, amounts in bands, kept 90 days. It also
 * takes referrals of confirmed scam-report clusters, with reporters' contact only when they consented.
 */
export const demoRelayPolicy: { partnerId: string; policy: RelayPolicy } = {
  partnerId: 'mo-judiciary-police',
  policy: {
    jurisdictions: ['MO'],
    triggers: {
      decisions: ['hold'],
      outcomes: ['proceeded'],
      onlyReportedDestinations: true,
      referrals: true,
    },
    fields: [
      'decisionId',
      'decidedAt',
      'jurisdiction',
      'decision',
      'reasons',
      'asset',
      'network',
      'amountBand',
      'destinationAddress',
      'userPseudonym',
      'outcome',
      'clusterId',
      'category',
      'scamType',
      'identifiers',
      'reportCount',
      'totalLossBand',
      'firstSeen',
      'lastSeen',
      'jurisdictions',
      'reporterContact',
    ],
    retentionDays: 90,
    delivery: { mode: 'pull', allowedHosts: [], maxConcurrency: 2 },
  },
};
