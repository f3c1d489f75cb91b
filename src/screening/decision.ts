import type { Arm } from '../campaigns/assignment.js';
import type { RenderedContent } from '../campaigns/render.js';

export type DecisionKind = 'allow' | 'warn' | 'hold';

export type ReasonCode =
  | 'campaign_matched'
  | 'holdout'
  | 'frequency_capped'
  | 'no_matching_campaign'
  | 'no_campaign_in_jurisdiction'
  | 'degraded'
  | (string & {});

export interface Reason {
  code: ReasonCode;
  message: string;
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
