// Type-only imports of the server's own shapes: the portal and the API cannot drift apart silently.
export type {
  Agency,
  AnswerView,
  Attachment,
  DisclosableFieldView as DisclosableField,
  DisclosedRecord,
  IdentifierInput,
  NewRequestBody,
  Officer,
  OfficerSessionView,
  PoliceRequest,
  PoliceRequestDetail,
  RequestCreated,
  RequestMessage,
  RequestStatus,
  RequestType,
  Timer,
} from '../../police-requests/model.js';
export type { FieldProblem } from '../../errors.js';
