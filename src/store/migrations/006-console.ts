/**
 * Console: people who sign in (hashed passwords, roles, a jurisdiction for partner reviewers), their
 * sessions (only a hash of the cookie is stored), and the partner review of campaign drafts.
 */
export const consoleSchema = `
CREATE TABLE console_users (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'analyst', 'partner_reviewer')),
  jurisdiction text REFERENCES jurisdictions(code),
  partner_id text REFERENCES partners(id),
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz,
  -- A partner reviewer without a jurisdiction would see every jurisdiction's campaigns.
  CHECK (role <> 'partner_reviewer' OR jurisdiction IS NOT NULL)
);

CREATE TABLE console_sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES console_users(id),
  csrf_secret text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX console_sessions_user ON console_sessions (user_id);

-- The review of the current draft. Saving the draft again sets it back to 'editing', so an approval
-- always covers exactly the text that gets published.
-- Versions published before reviews existed were approved outside caveat: the column is added with
-- 'approved' (which fills existing rows without an UPDATE, so the immutability trigger is not hit),
-- then new versions default to 'editing'.
ALTER TABLE campaign_versions
  ADD COLUMN review_state text NOT NULL DEFAULT 'approved'
    CHECK (review_state IN ('editing', 'in_review', 'approved', 'changes_requested')),
  ADD COLUMN submitted_by text,
  ADD COLUMN submitted_at timestamptz,
  ADD COLUMN reviewed_by text,
  ADD COLUMN reviewed_at timestamptz,
  ADD COLUMN review_note text;
ALTER TABLE campaign_versions ALTER COLUMN review_state SET DEFAULT 'editing';
UPDATE campaign_versions SET review_state = 'editing' WHERE state = 'draft';

-- Every review step, for the record: who submitted, who approved or asked for changes, and when.
CREATE TABLE campaign_reviews (
  id bigserial PRIMARY KEY,
  campaign_id text NOT NULL REFERENCES campaigns(id),
  version integer NOT NULL,
  action text NOT NULL CHECK (action IN ('submitted', 'approved', 'changes_requested')),
  actor text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  note text,
  FOREIGN KEY (campaign_id, version) REFERENCES campaign_versions (campaign_id, version)
);
CREATE INDEX campaign_reviews_campaign ON campaign_reviews (campaign_id, id);
CREATE FUNCTION caveat_campaign_reviews_are_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'campaign_reviews is append-only';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER campaign_reviews_append_only BEFORE UPDATE OR DELETE ON campaign_reviews
  FOR EACH ROW EXECUTE FUNCTION caveat_campaign_reviews_are_append_only();
`;
