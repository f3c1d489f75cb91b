import type { DecisionResponse } from '../../screening/decision.js';
import type { RenderedContent } from '../../campaigns/render.js';

/**
 * The decision as the element receives it: exactly what POST /v1/screenings returned. Type-only
 * imports from the domain keep one definition of the shape and add nothing to the bundle.
 */
export type WarningDecision = DecisionResponse;
export type WarningContent = RenderedContent;

export type ReactionType =
  'displayed' | 'resource_opened' | 'acknowledged' | 'cancelled' | 'proceeded' | 'answered';

/** One reaction as POST /v1/events expects it. */
export interface ReactionEvent {
  id: string;
  decisionId: string;
  type: ReactionType;
  occurredAt: string;
  resourceId?: string;
  /** answered only. */
  questionId?: string;
  answerId?: string;
}

/** Where the decision stands after an answer, as POST /v1/events says (DecisionStatusSchema). */
export interface LadderStatus {
  decision: 'allow' | 'warn' | 'hold';
  step: 'warn' | 'questions' | 'cooling_off' | 'review' | null;
  releaseAt: string | null;
}

/** A warning is shown only for warn and hold, and only when there is content to show. */
export function shouldShowWarning(
  decision: WarningDecision | null | undefined,
): decision is WarningDecision & { content: WarningContent } {
  return Boolean(decision && decision.decision !== 'allow' && decision.content);
}

/**
 * Reads the `decision` attribute. A malformed attribute is treated as "no decision" rather than
 * throwing inside the host page's render; the element reports it through `caveat-error`.
 */
export function parseDecisionAttribute(value: string | null): WarningDecision | null | 'invalid' {
  if (value === null || value.trim() === '') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return isDecisionLike(parsed) ? parsed : 'invalid';
  } catch {
    return 'invalid';
  }
}

function isDecisionLike(value: unknown): value is WarningDecision {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.id === 'string' && typeof candidate.decision === 'string';
}
