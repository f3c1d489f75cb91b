import { useT } from '../i18n/index.js';
import {
  categoryLabel,
  clusterStatusLabel,
  disputeStatusLabel,
  firstContactLabel,
  reportStatusLabel,
  riskLevelLabel,
  scamTypeLabel,
} from './labels.js';

/**
 * The names of triage's codes in the console's language. Same shape as the English records in
 * labels.ts (whose keys they take), so `options()` and `labelOf()` work on either.
 */
export function useScamReportLabels() {
  const { t } = useT('scamReports');
  function translated<K extends string>(group: string, english: Record<K, string>): Record<K, string> {
    const keys = Object.keys(english) as K[];
    return Object.fromEntries(
      keys.map((key) => [key, t(`labels.${group}.${String(key)}` as string)]),
    ) as Record<K, string>;
  }
  return {
    reportStatus: translated('reportStatus', reportStatusLabel),
    clusterStatus: translated('clusterStatus', clusterStatusLabel),
    disputeStatus: translated('disputeStatus', disputeStatusLabel),
    category: translated('category', categoryLabel),
    firstContact: translated('firstContact', firstContactLabel),
    riskLevel: translated('riskLevel', riskLevelLabel),
    scamType: translated('scamType', scamTypeLabel),
  };
}
