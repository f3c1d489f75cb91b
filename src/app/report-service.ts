import { buildReport } from '../measurement/report.js';
import type { PilotReport, ReportFilter } from '../measurement/report-model.js';
import { planPilot, type PowerPlan } from '../measurement/statistics/power.js';
import { buildPilotNumber } from '../measurement/pilot-number.js';
import type { DecisionFactsRepository } from '../store/decision-facts-repository.js';
import type { MeasurementRepository } from '../store/measurement-repository.js';

/** Turns a filter into a pilot report or a power plan, reading only the rollups. */
export class ReportService {
  constructor(
    private readonly measurement: MeasurementRepository,
    /** Decision by decision, for the pilot's number per user; without it the report has none. */
    private readonly facts?: DecisionFactsRepository,
  ) {}

  /** `rollupsOnly` skips the decision-by-decision read (the overview reads every campaign's rollups). */
  async pilot(
    filter: ReportFilter,
    options: { sequential: boolean; now?: Date; rollupsOnly?: boolean },
  ): Promise<PilotReport> {
    const [rows, decideBuckets, resourceOpens] = await Promise.all([
      this.measurement.rollup(filter),
      this.measurement.decideBuckets(filter),
      this.measurement.resourceOpens(filter),
    ]);
    const versions = new Map<string, { campaignId: string; version: number }>();
    for (const row of rows)
      versions.set(`${row.campaignId}@${row.campaignVersion}`, {
        campaignId: row.campaignId,
        version: row.campaignVersion,
      });
    const experiments = await this.measurement.experiments([...versions.values()]);
    const pilotNumber =
      this.facts && options.rollupsOnly !== true
        ? buildPilotNumber(await this.facts.facts(filter))
        : undefined;
    return buildReport({
      filter,
      rows,
      decideBuckets,
      resourceOpens,
      experiments,
      sequential: options.sequential,
      generatedAt: options.now ?? new Date(),
      ...(pilotNumber ? { pilotNumber } : {}),
    });
  }

  /** Sample size for a pilot, with weeks at the campaign's traffic over the days observed (at most 28). */
  async power(options: {
    baselineRate: number;
    effect: number;
    holdoutShare: number;
    campaign?: string;
    alpha?: number;
    power?: number;
    now?: Date;
  }): Promise<PowerPlan & { weeklyEligible: number | null }> {
    const weeklyEligible = options.campaign
      ? await this.measurement.weeklyTraffic(options.campaign, options.now ?? new Date())
      : null;
    return {
      ...planPilot({ ...options, ...(weeklyEligible ? { weeklyEligible } : {}) }),
      weeklyEligible,
    };
  }
}
