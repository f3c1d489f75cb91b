import { assign } from '../campaigns/assignment.js';
import type { Jurisdiction, LiveCampaign } from '../campaigns/model.js';
import { renderContent } from '../campaigns/render.js';
import { isInWindow } from '../campaigns/schedule.js';
import { matchesTargeting, type TargetingFacts } from '../campaigns/targeting.js';
import type { Presentation } from '../campaigns/spec.js';
import type { Reason, Verdict } from './decision.js';
import type { FrequencyLedger } from './frequency-ledger.js';
import { findingStep, holdOf, startingStep } from './ladder/index.js';
import type { ScreeningRequest } from './request.js';
import type { RiskCheck, RiskFinding } from './risk-check.js';
import type { ScreeningSnapshot } from './snapshot.js';

export interface EngineContext {
  snapshot: ScreeningSnapshot;
  ledger: FrequencyLedger;
  riskChecks: readonly RiskCheck[];
  nowMs: number;
  /** Told when the decision takes one of the user's cap slots, so the store can confirm it. */
  onCapSlot?: (slot: CapSlot) => void;
}

/** A frequency-cap slot the decision took, and what it becomes if the store has none left. */
export interface CapSlot {
  campaignId: string;
  windowStartMs: number;
  maxPerUser: number;
  ifRefused: Verdict;
}

/**
 * Decides one withdrawal attempt: pure, synchronous and in memory. The jurisdiction must be in the
 * snapshot (the caller rejects unknown ones as bad input before calling).
 */
export function decide(request: ScreeningRequest, context: EngineContext): Verdict {
  const { snapshot, ledger, nowMs } = context;
  const jurisdiction = snapshot.jurisdictions.get(request.jurisdiction);
  if (!jurisdiction) throw new Error(`jurisdiction ${request.jurisdiction} is not in the snapshot`);
  const findings = context.riskChecks.flatMap((check) => check(request));
  const escalation = strongest(findings);
  const findingReasons = findings.map(reasonOf);

  // A scheduled publish is in the snapshot before its start and after its end: the clock decides.
  const candidates = (snapshot.campaigns.get(jurisdiction.code) ?? []).filter((live) =>
    isInWindow(live, nowMs),
  );
  const facts = targetingFacts(request);
  const matched = candidates.find((live) => matchesTargeting(live.spec.targeting, facts));

  if (!matched) {
    if (escalation)
      return escalated(
        escalation,
        findingReasons,
        fallbackCampaign(candidates),
        request,
        jurisdiction,
        nowMs,
      );
    return allow([
      ...findingReasons,
      candidates.length === 0
        ? { code: 'no_campaign_in_jurisdiction', message: `No live campaign in ${jurisdiction.code}` }
        : { code: 'no_matching_campaign', message: 'No live campaign targets this withdrawal' },
    ]);
  }

  // Risk from intelligence overrides the experiment: a reported scam address is never left
  // unwarned to keep a holdout pure. Measurement excludes these decisions from the comparison.
  if (escalation) return escalated(escalation, findingReasons, matched, request, jurisdiction, nowMs);

  const { spec, campaign } = matched;
  const windowStart = nowMs - spec.frequencyCap.windowHours * 3600 * 1000;
  // Against habituation: the warnings this user already had in the window pick the presentation.
  const presentations = spec.presentations ?? [];
  const seenBefore = presentations.length > 1 ? ledger.count(request.userRef, campaign.id, windowStart) : 0;
  const capped = allow([
    ...findingReasons,
    {
      code: 'frequency_capped',
      message: `Already shown ${spec.frequencyCap.maxPerUser} time(s) in ${spec.frequencyCap.windowHours} h`,
    },
  ]);
  if (ledger.count(request.userRef, campaign.id, windowStart) >= spec.frequencyCap.maxPerUser) return capped;
  // Both arms count toward the cap, so that holdout and treatment stay comparable populations.
  ledger.record(request.userRef, campaign.id, nowMs);
  // The store has the last word (another replica may have taken the slot): if it refuses, the
  // decision recorded and answered is the capped one.
  context.onCapSlot?.({
    campaignId: campaign.id,
    windowStartMs: windowStart,
    maxPerUser: spec.frequencyCap.maxPerUser,
    ifRefused: capped,
  });

  const assignment = assign(spec.experiment, request.userRef);
  const campaignRef = { id: campaign.id, version: matched.version, variant: assignment.variant };
  if (assignment.arm === 'holdout') {
    return {
      ...allow([...findingReasons, { code: 'holdout', message: 'User is in the holdout of this campaign' }]),
      campaign: campaignRef,
      arm: 'holdout',
    };
  }
  const content = renderContent(spec, request.locale, jurisdiction, assignment.variant) ?? null;
  const presentation: Presentation | null = presentations[seenBefore % presentations.length] ?? null;
  return {
    decision: spec.action,
    reasons: [
      ...findingReasons,
      {
        code: 'campaign_matched',
        message: `Campaign ${campaign.id} v${matched.version} targets this withdrawal`,
      },
    ],
    campaign: campaignRef,
    arm: 'treatment',
    content,
    minDisplaySeconds: spec.minDisplaySeconds,
    degraded: false,
    // A campaign whose action is hold holds for review; otherwise the warning (and its questions).
    step: spec.action === 'hold' ? 'review' : startingStep(content),
    releaseAt: null,
    ...(presentation ? { presentation } : {}),
  };
}

/** A finding as the decision states it; its params travel with it so the user's screen can word it. */
function reasonOf({ code, message, params }: RiskFinding): Reason {
  return params ? { code, message, params } : { code, message };
}

/**
 * The fail-safe answer when the engine cannot decide normally (store down, over budget): the
 * jurisdiction's generic warning, marked degraded, never a silent allow. What needs no store stays:
 * findings from the in-memory intelligence keep their reasons, and a hold stays a hold.
 */
export function degradedVerdict(
  request: ScreeningRequest,
  snapshot: ScreeningSnapshot,
  why: string,
  findings: readonly RiskFinding[] = [],
): Verdict {
  const jurisdiction = snapshot.jurisdictions.get(request.jurisdiction);
  const live = fallbackCampaign(snapshot.campaigns.get(request.jurisdiction) ?? []);
  const content =
    live && jurisdiction ? (renderContent(live.spec, request.locale, jurisdiction, null) ?? null) : null;
  const escalation = strongest(findings);
  return {
    decision: escalation?.severity === 'hold' ? 'hold' : 'warn',
    reasons: [...findings.map(reasonOf), { code: 'degraded', message: why }],
    campaign: live ? { id: live.campaign.id, version: live.version, variant: null } : null,
    arm: null,
    content,
    minDisplaySeconds: live?.spec.minDisplaySeconds ?? 0,
    degraded: true,
  };
}

function escalated(
  finding: RiskFinding,
  reasons: Reason[],
  live: LiveCampaign | undefined,
  request: ScreeningRequest,
  jurisdiction: Jurisdiction,
  nowMs: number,
): Verdict {
  const content = live ? renderContent(live.spec, request.locale, jurisdiction, null) : undefined;
  // A reported destination goes straight to hold; a warn-level finding starts where the ladder says.
  const step = findingStep(finding.severity, live?.spec.ladder);
  const hold = holdOf(step, live?.spec.ladder, nowMs);
  return {
    decision: hold.decision,
    reasons,
    campaign: live ? { id: live.campaign.id, version: live.version, variant: null } : null,
    arm: null,
    content: content ?? null,
    minDisplaySeconds: live?.spec.minDisplaySeconds ?? 0,
    degraded: false,
    step,
    releaseAt: hold.releaseAt,
  };
}

function strongest(findings: readonly RiskFinding[]): RiskFinding | undefined {
  return findings.find((f) => f.severity === 'hold') ?? findings.find((f) => f.severity === 'warn');
}

/** The campaign whose content stands in as the jurisdiction's generic warning. */
function fallbackCampaign(candidates: readonly LiveCampaign[]): LiveCampaign | undefined {
  return candidates[0];
}

function allow(reasons: Reason[]): Verdict {
  return {
    decision: 'allow',
    reasons,
    campaign: null,
    arm: null,
    content: null,
    minDisplaySeconds: 0,
    degraded: false,
  };
}

function targetingFacts(request: ScreeningRequest): TargetingFacts {
  return {
    asset: request.asset,
    amountUsd: request.amountUsd,
    destinationIsNew: request.destination.isNew,
    destinationIsWhitelisted: request.destination.isWhitelisted,
    accountAgeDays: request.account.ageDays,
    hoursSinceSecurityChange: request.account.hoursSinceSecurityChange ?? null,
  };
}
