import type { Arm } from '../campaigns/assignment.js';
import type { RenderedContent } from '../campaigns/render.js';
import type { LadderStepKey, Presentation } from '../campaigns/spec.js';

export type DecisionKind = 'allow' | 'warn' | 'hold';

export type ReasonCode =
  | 'campaign_matched'
  | 'holdout'
  | 'frequency_capped'
  | 'no_matching_campaign'
  | 'no_campaign_in_jurisdiction'
  | 'degraded'
  | (string & {});

/**
 * What a destination_reported reason says, as data: the element words it in the user's language
 * (the message stays English, for analysts).
 */
export interface IndicatorMatchParams {
  count: number;
  scamType: string;
  riskLevel: string;
  /** ISO 3166 codes of the jurisdictions the reports came from. */
  jurisdictions: string[];
  /** YYYY-MM-DD of the latest report. */
  lastSeen: string;
  /** Who reported it, most authoritative first: partner, user_report, feed or staff. */
  source: string;
}

/** What a lookalike reason says: which official site the destination imitates, and how. */
export interface LookalikeParams {
  /** The brand's real name (Binance), as people know it. */
  imitates: string;
  /** The official domain (binance.com). */
  officialDomain: string;
  /** The trick: confusable, brand_in_name, tld_swap, typo or other. */
  technique: string;
}

export type ReasonParams = IndicatorMatchParams | LookalikeParams;

export interface Reason {
  code: ReasonCode;
  /** English, for analysts and logs. A user's screen renders from code and params instead. */
  message: string;
  params?: ReasonParams;
}

/** What the engine decided, before it is given an id and recorded. */
export interface Verdict {
  decision: DecisionKind;
  reasons: Reason[];
  campaign: { id: string; version: number; variant: string | null } | null;
  arm: Arm | null;
  content: RenderedContent | null;
  minDisplaySeconds: number;
  degraded: boolean;
  /**
   * The rung of the friction ladder the decision starts on (src/screening/ladder/); absent for
   * allow and for decisions recorded before the ladder. Answers may climb it later: the decision
   * row never changes, the climb is recorded beside it (decision_holds).
   */
  step?: LadderStepKey;
  /** When a cooling-off hold ends by itself; null for a hold that only staff release. */
  releaseAt?: string | null;
  /** Which declared presentation was shown (a repeat warning rotates it), measured like a variant. */
  presentation?: Presentation | null;
}

/** The recorded decision returned to the exchange (and again for a retried idempotency key). */
export interface Decision extends Verdict {
  id: string;
  idempotencyKey: string;
  createdAt: string;
}

/** What the exchange receives: the decision plus a capability to report its reactions. */
export interface DecisionResponse extends Decision {
  /** Authorizes POST /v1/events for this decision only, so a browser widget needs no API key. */
  eventToken: string | null;
}
