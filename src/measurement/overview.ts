import type { Evidence } from './evidence.js';
import type { PilotReport } from './report-model.js';
import type { DifferenceEstimate } from './statistics/proportions.js';

/**
 * The programme at a glance: every campaign by jurisdiction with its status, what is live, how
 * many users it reached, its headline effect (or "too early to tell") and its alarms. Pure: the
 * route reads campaigns and reports, this puts them side by side.
 */
export type CampaignStatus = 'draft' | 'scheduled' | 'live' | 'ended' | 'paused' | 'retired';
export type OverviewAlarm = 'sample_ratio' | 'outcome_reporting' | 'display_low';

export interface OverviewCampaignInput {
  id: string;
  name: string;
  jurisdiction: string;
  partner: { id: string; name: string } | null;
  retiredAt: string | null;
  pausedAt: string | null;
  live: { version: number; startsAt: string | null; endsAt: string | null } | null;
  /** Every version's decisions: exposure and alarms. */
  report: PilotReport;
  /** The live version's decisions alone, for the effect (pooled versions can mislead); else `report`. */
  liveReport?: PilotReport;
}

export interface OverviewCampaign {
  id: string;
  name: string;
  partner: { id: string; name: string } | null;
  status: CampaignStatus;
  liveVersion: number | null;
  exposure: { warned: number; holdout: number; displayed: number; outsideExperiment: number };
  /** Warned minus holdout completion of the live version; read it only when evidence.enough. */
  effect: { difference: DifferenceEstimate; evidence: Evidence };
  alarms: OverviewAlarm[];
}

export interface OverviewJurisdiction {
  code: string;
  name: string;
  campaigns: OverviewCampaign[];
  totals: { campaigns: number; live: number; warned: number; holdout: number; alarms: number };
}

export interface Overview {
  generatedAt: string;
  jurisdictions: OverviewJurisdiction[];
}

export function campaignStatus(
  input: Pick<OverviewCampaignInput, 'retiredAt' | 'pausedAt' | 'live'>,
  now: Date,
): CampaignStatus {
  if (input.retiredAt !== null) return 'retired';
  if (input.live === null) return 'draft';
  if (input.pausedAt !== null) return 'paused';
  if (input.live.startsAt !== null && Date.parse(input.live.startsAt) > now.getTime()) return 'scheduled';
  if (input.live.endsAt !== null && Date.parse(input.live.endsAt) <= now.getTime()) return 'ended';
  return 'live';
}

/** The report's alarms in words a list can show: a broken split, lost reports, warnings not shown. */
export function alarmsOf(report: PilotReport): OverviewAlarm[] {
  const alarms: OverviewAlarm[] = [];
  if (report.sampleRatio.some((check) => check.assignment.mismatch || check.analysed.mismatch))
    alarms.push('sample_ratio');
  if (report.sampleRatio.some((check) => check.outcomeReporting.mismatch)) alarms.push('outcome_reporting');
  const shown = report.rates.displayed;
  if (shown.n > 0 && shown.rate !== null && shown.rate < 0.9) alarms.push('display_low');
  return alarms;
}

export function buildOverview(
  campaigns: readonly OverviewCampaignInput[],
  jurisdictions: readonly { code: string; name: string }[],
  now: Date,
): Overview {
  const names = new Map(jurisdictions.map((j) => [j.code, j.name]));
  const codes = [...new Set([...jurisdictions.map((j) => j.code), ...campaigns.map((c) => c.jurisdiction)])];
  const rows = codes
    .map((code): OverviewJurisdiction => {
      const own = campaigns
        .filter((c) => c.jurisdiction === code)
        .map((c): OverviewCampaign => {
          const effectReport = c.liveReport ?? c.report;
          const t = c.report.totals;
          return {
            id: c.id,
            name: c.name,
            partner: c.partner,
            status: campaignStatus(c, now),
            liveVersion: c.live?.version ?? null,
            exposure: {
              warned: t.treatment,
              holdout: t.holdout,
              displayed: t.displayed,
              outsideExperiment: t.outsideExperiment,
            },
            effect: { difference: effectReport.uplift.difference, evidence: effectReport.evidence.uplift },
            alarms: alarmsOf(c.report),
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      return {
        code,
        name: names.get(code) ?? code,
        campaigns: own,
        totals: {
          campaigns: own.length,
          live: own.filter((c) => c.status === 'live').length,
          warned: own.reduce((sum, c) => sum + c.exposure.warned, 0),
          holdout: own.reduce((sum, c) => sum + c.exposure.holdout, 0),
          alarms: own.reduce((sum, c) => sum + c.alarms.length, 0),
        },
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  return { generatedAt: now.toISOString(), jurisdictions: rows };
}
