import type { Partner } from '../campaigns/model.js';

/**
 * Demo police partners. The agencies and their websites are real public facts; the partnerships
 * themselves are demo data (marked in the name), not a claim that these agencies use caveat.
 */
export const demoPartners: Partner[] = [
  {
    id: 'hk-police-cstcb',
    name: '[Demo] Hong Kong Police Force, Cyber Security and Technology Crime Bureau',
    jurisdiction: 'HK',
    kind: 'police',
    website: 'https://www.police.gov.hk/',
  },
  {
    id: 'mo-judiciary-police',
    name: '[Demo] Macau Judiciary Police (Polícia Judiciária)',
    jurisdiction: 'MO',
    kind: 'police',
    website: 'https://www.pj.gov.mo/',
  },
  {
    id: 'gb-action-fraud',
    name: '[Demo] Action Fraud (City of London Police)',
    jurisdiction: 'GB',
    kind: 'police',
    website: 'https://www.actionfraud.police.uk/',
  },
  {
    id: 'tw-npa-165',
    name: '[Demo] National Police Agency, 165 Anti-Fraud',
    jurisdiction: 'TW',
    kind: 'police',
    website: 'https://165.npa.gov.tw/',
  },
];
