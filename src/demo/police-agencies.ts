import type { Partner } from '../campaigns/model.js';
import type { RelayPolicy } from '../relay/policy.js';

/**
 * [Demo] Agencies whose officers can use the police portal. The agencies are real; their email
 * domains here are made up under demo.caveat.example (no real police mailbox is ever written to),
 * and the partnership and data-sharing policy are demo data, not a claim that they use caveat.
 * The Metropolitan Police's Cyber Crime Unit investigated the phishing-kit seller in seeds/.
 */
export const demoPoliceAgencies: { partner: Partner; emailDomains: string[] }[] = [
  {
    partner: {
      id: 'hk-police-cstcb',
      name: '[Demo] Hong Kong Police Force, Cyber Security and Technology Crime Bureau',
      jurisdiction: 'HK',
      kind: 'police',
      website: 'https://www.police.gov.hk/',
    },
    emailDomains: ['hkpf.demo.caveat.example'],
  },
  {
    partner: {
      id: 'uk-met-ccu',
      name: '[Demo] Metropolitan Police Cyber Crime Unit',
      jurisdiction: 'GB',
      kind: 'police',
      website: 'https://www.met.police.uk/',
    },
    emailDomains: ['met.demo.caveat.example'],
  },
];

/**
 * [Demo] Hong Kong's data-sharing policy, which also bounds what a police request can be answered
 * with: screening facts and outcomes, but not amount bands or user pseudonyms (those need an
 * admin's recorded override). Pull feed, held withdrawals to reported addresses only.
 */
export const demoHkRelayPolicy: { partnerId: string; policy: RelayPolicy } = {
  partnerId: 'hk-police-cstcb',
  policy: {
    jurisdictions: ['HK'],
    triggers: { decisions: ['hold'], outcomes: [], onlyReportedDestinations: true },
    fields: [
      'decisionId',
      'decidedAt',
      'jurisdiction',
      'decision',
      'reasons',
      'asset',
      'network',
      'destinationAddress',
      'destinationReported',
      'outcome',
    ],
    retentionDays: 90,
    delivery: { mode: 'pull', allowedHosts: [], maxConcurrency: 1 },
  },
};
