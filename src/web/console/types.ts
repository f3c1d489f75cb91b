import type { CampaignSpec, LocalizedContent } from '../../campaigns/spec.js';
import type { PilotReport } from '../../measurement/report-model.js';
import type { WarningDecision } from '../warning/decision.js';

// Type-only imports: one definition of each shape, nothing added to the bundle.
export type { CampaignSpec, LocalizedContent, PilotReport, WarningDecision };
export type { RateEstimate, DifferenceEstimate } from '../../measurement/statistics/proportions.js';
export type { SampleRatioCheck } from '../../measurement/statistics/hypothesis-tests.js';
export type { Resource, Contact, CommonScam, Statistic, Variant } from '../../campaigns/spec.js';

export type Role = 'admin' | 'analyst' | 'partner_reviewer';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  jurisdiction: string | null;
  partnerId: string | null;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export type ReviewState = 'editing' | 'in_review' | 'approved' | 'changes_requested';

export interface Review {
  state: ReviewState;
  submittedBy: string | null;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  note: string | null;
}

export interface CampaignVersion {
  campaignId: string;
  version: number;
  state: 'draft' | 'published';
  spec: CampaignSpec;
  createdBy: string;
  createdAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
  review: Review;
}

export interface Campaign {
  id: string;
  jurisdiction: string;
  partnerId: string | null;
  name: string;
  demo: boolean;
  retiredAt: string | null;
  /** Ascending; at most one has state 'draft'. */
  versions: CampaignVersion[];
}

export interface ReviewEntry {
  version: number;
  action: 'submitted' | 'approved' | 'changes_requested';
  actor: string;
  at: string;
  note: string | null;
}

export interface CampaignDetail extends Campaign {
  reviews: ReviewEntry[];
}

export interface Jurisdiction {
  code: string;
  name: string;
  defaultLocale: string;
  locales: string[];
}

export type PartnerKind = 'police' | 'regulator' | 'other';

export interface Partner {
  id: string;
  name: string;
  jurisdiction: string;
  kind: PartnerKind;
  website: string | null;
}

export const API_SCOPES = ['screening', 'events', 'admin', 'reports', 'lookup', 'partner'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export interface ApiKey {
  id: string;
  name: string;
  scopes: ApiScope[];
  partnerId: string | null;
  createdAt: string;
  revokedAt: string | null;
}

export interface NewApiKey extends ApiKey {
  token: string;
}

export interface ConsoleUser extends User {
  createdAt: string;
  disabledAt: string | null;
}

export interface AuditEntry {
  id: string | number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  detail: unknown;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export interface PreviewResponse {
  decision: WarningDecision;
}
