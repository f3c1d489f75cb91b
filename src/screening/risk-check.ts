import type { ReasonParams } from './decision.js';
import type { ScreeningRequest } from './request.js';

/** A finding from a risk source (scam intelligence, rules) about one withdrawal attempt. */
export interface RiskFinding {
  code: string;
  /** Plain words for the user and the analyst, e.g. quoting how often an address was reported. */
  message: string;
  /** The same finding as data, so it can be shown in the user's language. */
  params?: ReasonParams;
  severity: 'hold' | 'warn' | 'info';
}

/** A synchronous, in-memory check run on the hot path; it must not wait on I/O. */
export type RiskCheck = (request: ScreeningRequest) => readonly RiskFinding[];
