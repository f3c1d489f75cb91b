/**
 * Police requests: agencies' official email domains, verified officers (scrypt hashes; confirmation
 * tokens and sessions stored as SHA-256 only; failed sign-ins counted for lockout), their requests
 * with attachments and messages, the append-only disclosure log and the evidence packs answered.
 */
export const policeRequests = `
-- Responders answer police requests in the console (permission police.respond).
ALTER TABLE console_users DROP CONSTRAINT IF EXISTS console_users_role_check;
ALTER TABLE console_users ADD CONSTRAINT console_users_role_check
  CHECK (role IN ('admin', 'analyst', 'partner_reviewer', 'le_responder'));

CREATE TABLE partner_email_domains (
  partner_id text NOT NULL REFERENCES partners(id),
  domain text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partner_id, domain)
);

CREATE TABLE officers (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  agency_id text NOT NULL REFERENCES partners(id),
  password_hash text NOT NULL,
  status text NOT NULL CHECK (status IN ('unconfirmed', 'pending', 'approved', 'rejected')),
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  failed_sign_ins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  decided_at timestamptz,
  decided_by text
);
CREATE INDEX officers_status ON officers (status, created_at);

CREATE TABLE officer_email_tokens (
  token_hash text PRIMARY KEY,
  officer_id text NOT NULL REFERENCES officers(id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE officer_sessions (
  token_hash text PRIMARY KEY,
  officer_id text NOT NULL REFERENCES officers(id),
  csrf_secret text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX officer_sessions_officer ON officer_sessions (officer_id);

CREATE SEQUENCE police_case_numbers;

CREATE TABLE police_requests (
  id text PRIMARY KEY,
  case_number text NOT NULL UNIQUE,
  agency_id text NOT NULL REFERENCES partners(id),
  officer_id text NOT NULL REFERENCES officers(id),
  type text NOT NULL CHECK (type IN ('preservation', 'disclosure', 'emergency', 'intelligence')),
  legal_basis text NOT NULL,
  agency_reference text NOT NULL,
  identifiers jsonb NOT NULL,
  fields text[] NOT NULL,
  requested_deadline date NOT NULL,
  description text NOT NULL,
  threat_to_life boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('received', 'verifying', 'in_progress', 'answered',
    'partially_answered', 'declined', 'redirected')),
  status_reason text,
  assignee text,
  due_at timestamptz NOT NULL,
  -- The last timer the on-call system was told about, so each step is paged once.
  notified_timer text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  answered_by text,
  answer_note text,
  CHECK (status NOT IN ('declined', 'redirected') OR status_reason IS NOT NULL)
);
CREATE INDEX police_requests_agency ON police_requests (agency_id, created_at);
CREATE INDEX police_requests_due ON police_requests (due_at);

CREATE TABLE police_request_attachments (
  id text PRIMARY KEY,
  request_id text NOT NULL REFERENCES police_requests(id),
  filename text NOT NULL,
  content_type text NOT NULL,
  bytes integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX police_request_attachments_request ON police_request_attachments (request_id);

CREATE TABLE police_request_messages (
  id text PRIMARY KEY,
  request_id text NOT NULL REFERENCES police_requests(id),
  sender text NOT NULL CHECK (sender IN ('officer', 'exchange')),
  author text NOT NULL,
  text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX police_request_messages_request ON police_request_messages (request_id, created_at);

-- One row per (request, subject, field) disclosed, with everything a regulator asks: to whom, under
-- which request and legal basis, by whom, when, and the override reason when the policy did not cover it.
CREATE TABLE disclosures (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  request_id text NOT NULL REFERENCES police_requests(id),
  case_number text NOT NULL,
  agency_id text NOT NULL,
  agency_name text NOT NULL,
  officer_id text NOT NULL,
  officer_email text NOT NULL,
  legal_basis text NOT NULL,
  subject text NOT NULL,
  field text NOT NULL,
  value jsonb NOT NULL,
  disclosed_by text NOT NULL,
  disclosed_at timestamptz NOT NULL DEFAULT now(),
  override_reason text,
  UNIQUE (request_id, subject, field)
);
CREATE INDEX disclosures_subject ON disclosures (subject, disclosed_at);
CREATE FUNCTION caveat_disclosures_are_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'disclosures is append-only: the disclosure log is never changed';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER disclosures_append_only BEFORE UPDATE OR DELETE ON disclosures
  FOR EACH ROW EXECUTE FUNCTION caveat_disclosures_are_append_only();
-- TRUNCATE skips row triggers, so it is refused on its own.
CREATE TRIGGER disclosures_no_truncate BEFORE TRUNCATE ON disclosures
  FOR EACH STATEMENT EXECUTE FUNCTION caveat_disclosures_are_append_only();

CREATE TABLE evidence_packs (
  request_id text PRIMARY KEY REFERENCES police_requests(id),
  content bytea NOT NULL,
  sha256 text NOT NULL,
  signer_key_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`;
