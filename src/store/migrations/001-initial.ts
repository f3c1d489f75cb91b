/** Jurisdictions, partners, campaigns with immutable published versions, API keys, audit log. */
export const initial = `
CREATE TABLE jurisdictions (
  code text PRIMARY KEY,
  name text NOT NULL,
  default_locale text NOT NULL,
  locales text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE partners (
  id text PRIMARY KEY,
  name text NOT NULL,
  jurisdiction text NOT NULL REFERENCES jurisdictions(code),
  kind text NOT NULL,
  website text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE campaigns (
  id text PRIMARY KEY,
  jurisdiction text NOT NULL REFERENCES jurisdictions(code),
  partner_id text REFERENCES partners(id),
  name text NOT NULL,
  demo boolean NOT NULL DEFAULT false,
  retired_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE campaign_versions (
  campaign_id text NOT NULL REFERENCES campaigns(id),
  version integer NOT NULL,
  state text NOT NULL CHECK (state IN ('draft', 'published')),
  spec jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_by text,
  published_at timestamptz,
  PRIMARY KEY (campaign_id, version)
);
CREATE UNIQUE INDEX campaign_versions_one_draft ON campaign_versions (campaign_id) WHERE state = 'draft';

-- Published versions never change: the database refuses it even if a code path forgets.
CREATE FUNCTION caveat_published_versions_are_immutable() RETURNS trigger AS $$
BEGIN
  IF OLD.state = 'published' THEN
    RAISE EXCEPTION 'campaign % version % is published and immutable', OLD.campaign_id, OLD.version;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER campaign_versions_immutable BEFORE UPDATE OR DELETE ON campaign_versions
  FOR EACH ROW EXECUTE FUNCTION caveat_published_versions_are_immutable();

CREATE TABLE api_keys (
  id text PRIMARY KEY,
  name text NOT NULL,
  secret_hash text NOT NULL,
  scopes text[] NOT NULL,
  partner_id text REFERENCES partners(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- Instance-wide settings shared by every replica (e.g. the key that signs event tokens).
CREATE TABLE settings (
  key text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE FUNCTION caveat_audit_log_is_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION caveat_audit_log_is_append_only();
`;
