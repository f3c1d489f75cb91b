/**
 * Scam reports (issue 11): reports from three doors, the identifiers and transaction hashes they
 * name, evidence files (kept in the database, never served to the public), append-only triage
 * notes, clusters of reports sharing an identifier, and disputes of a listing.
 */
export const scamReports = `
CREATE TABLE scam_clusters (
  id text PRIMARY KEY,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'rejected', 'referred')),
  risk_level text CHECK (risk_level IN ('medium', 'high', 'critical')),
  scam_type text,
  decision_note text,
  decided_by text,
  decided_at timestamptz,
  -- When a bridging report merged this cluster into an older one: where its reports went.
  merged_into text REFERENCES scam_clusters (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE scam_reports (
  id text PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  channel text NOT NULL CHECK (channel IN ('exchange', 'public', 'warning')),
  status text NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'in_review', 'confirmed', 'rejected', 'duplicate', 'referred')),
  jurisdiction text NOT NULL,
  category text NOT NULL,
  description text NOT NULL,
  loss_amount numeric,
  loss_asset text,
  loss_date date,
  first_contact text,
  consent_to_police_contact boolean NOT NULL,
  -- The reporter's own details exist only when they agreed to be contacted by police.
  reporter_contact jsonb CHECK (reporter_contact IS NULL OR consent_to_police_contact),
  -- HMAC of the exchange's user reference with a per-installation secret: never the reference itself.
  user_pseudonym text,
  decision_id text,
  locale text,
  lookalike_target text,
  -- Idempotency of the exchange door, per API key (and of the warning door, per decision).
  idempotency_scope text,
  idempotency_key text,
  request_hash text,
  evidence_token_hash text NOT NULL,
  assignee text,
  cluster_id text REFERENCES scam_clusters (id),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((loss_amount IS NULL) = (loss_asset IS NULL) AND (loss_amount IS NULL) = (loss_date IS NULL))
);
CREATE UNIQUE INDEX scam_reports_idempotency ON scam_reports (idempotency_scope, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
CREATE INDEX scam_reports_inbox ON scam_reports (created_at DESC, id DESC);
CREATE INDEX scam_reports_cluster ON scam_reports (cluster_id);
CREATE INDEX scam_reports_status ON scam_reports (status, jurisdiction);

-- Which cluster each identifier key (and lookalike target, as lookalike:<domain>) belongs to: every
-- report naming a key is in that key's cluster, so placing a new report reads one row per key.
CREATE TABLE scam_cluster_keys (
  key text PRIMARY KEY,
  cluster_id text NOT NULL REFERENCES scam_clusters (id)
);
CREATE INDEX scam_cluster_keys_cluster ON scam_cluster_keys (cluster_id);

CREATE TABLE scam_report_identifiers (
  report_id text NOT NULL REFERENCES scam_reports (id),
  position integer NOT NULL,
  kind text NOT NULL,
  key text NOT NULL,
  display text NOT NULL,
  PRIMARY KEY (report_id, key)
);
CREATE INDEX scam_report_identifiers_key ON scam_report_identifiers (key);

CREATE TABLE scam_report_transactions (
  report_id text NOT NULL REFERENCES scam_reports (id),
  hash text NOT NULL,
  PRIMARY KEY (report_id, hash)
);

CREATE TABLE scam_report_evidence (
  id text PRIMARY KEY,
  report_id text NOT NULL REFERENCES scam_reports (id),
  media_type text NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf')),
  size integer NOT NULL CHECK (size > 0 AND size <= 5242880),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scam_report_evidence_report ON scam_report_evidence (report_id);

CREATE TABLE scam_report_notes (
  id bigserial PRIMARY KEY,
  report_id text NOT NULL REFERENCES scam_reports (id),
  author text NOT NULL,
  text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scam_report_notes_report ON scam_report_notes (report_id, id);
-- What an analyst wrote stays as written: corrections are new notes.
CREATE FUNCTION caveat_scam_report_notes_are_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'scam_report_notes is append-only';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER scam_report_notes_append_only BEFORE UPDATE OR DELETE ON scam_report_notes
  FOR EACH ROW EXECUTE FUNCTION caveat_scam_report_notes_are_append_only();

CREATE TABLE scam_disputes (
  id text PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  identifier text NOT NULL,
  kind text NOT NULL,
  key text NOT NULL,
  reason text NOT NULL,
  contact_email text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'rejected')),
  deadline date NOT NULL,
  decision text CHECK (decision IN ('delist', 'keep')),
  public_note text,
  decided_by text,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scam_disputes_queue ON scam_disputes (status, deadline);
`;
