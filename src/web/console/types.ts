import type { CampaignSpec, LocalizedContent } from '../../campaigns/spec.js';
import type { PilotReport } from '../../measurement/report-model.js';
import type { WarningDecision } from '../warning/decision.js';
import type {
  Campaign as CampaignRecord,
  CampaignVersion,
  Partner,
  ReviewEntry,
} from '../../campaigns/model.js';
import type { ApiKey } from '../../store/api-key-repository.js';
import type { ConsoleUser } from '../../store/console-user-repository.js';

// Type-only imports: one definition of each shape, nothing added to the bundle.
export type { CampaignSpec, LocalizedContent, PilotReport, WarningDecision };
export type { RateEstimate, DifferenceEstimate } from '../../measurement/statistics/proportions.js';
export type { SampleRatioCheck } from '../../measurement/statistics/hypothesis-tests.js';
export type {
  Resource,
  Contact,
  CommonScam,
  Statistic,
  Variant,
  Question,
  Answer,
  LadderStepKey,
} from '../../campaigns/spec.js';

export type {
  Jurisdiction,
  Partner,
  ReviewEntry,
  ReviewState,
  CampaignVersion,
  VersionReview as Review,
} from '../../campaigns/model.js';
export type { ApiKey, ApiKeyScope as ApiScope } from '../../store/api-key-repository.js';
export type { ConsoleUser, ConsoleRole as Role } from '../../store/console-user-repository.js';

/** The signed-in user, as GET /v1/console/session gives it. */
export type User = Omit<ConsoleUser, 'createdAt' | 'disabledAt'>;

export interface Session {
  user: User;
  csrfToken: string;
}

/** A campaign as the admin API lists it: with its versions, ascending; at most one is a draft. */
export interface Campaign extends CampaignRecord {
  versions: CampaignVersion[];
}

export interface CampaignDetail extends Campaign {
  reviews: ReviewEntry[];
}

export type PartnerKind = Partner['kind'];

/** The answer to creating a key: the only time its token is shown. */
export interface NewApiKey extends ApiKey {
  token: string;
}

export type { AuditRecord as AuditEntry } from '../../store/audit-repository.js';

export type { FieldProblem } from '../../errors.js';

export interface PreviewResponse {
  decision: WarningDecision;
}

export type {
  AnswerBody,
  DisclosableView,
  Disclosure,
  FieldPermission,
  InboxCount,
  Officer,
  PoliceRequest,
  PoliceRequestDetail,
  RequestMessage,
  RequestPatchBody,
  RequestStatus,
  RequestType,
  SubjectRecords,
  Timer,
} from '../../police-requests/model.js';

export type {
  ClusterDetail,
  ClusterStatus,
  ClusterSummary,
  ConfirmRiskLevel,
  DisputeAdmin,
  DisputeDecision,
  DisputeStatus,
  EvidenceInfo,
  LossTotal,
  ReportCategory,
  ReportDetail,
  ReportList,
  ReportNote,
  ReportStatus,
  ReportSummary,
} from '../../scam-reports/model.js';
export type { ScamType } from '../../intelligence/indicator.js';
