/** Scam indicators, the official-channel registry, and which feed entries were already imported. */
export const intelligence = `
CREATE SEQUENCE indicator_revisions;
CREATE TABLE indicators (
  key text PRIMARY KEY,
  kind text NOT NULL,
  display text NOT NULL,
  sources text[] NOT NULL,
  scam_type text NOT NULL,
  risk_level text NOT NULL CHECK (risk_level IN ('low', 'medium', 'high', 'critical')),
  first_seen timestamptz NOT NULL,
  last_seen timestamptz NOT NULL,
  report_count integer NOT NULL CHECK (report_count > 0),
  jurisdictions text[] NOT NULL,
  expires_at timestamptz,
  -- Increases on every change, so each instance reloads only what changed since it last looked.
  revision bigint NOT NULL DEFAULT nextval('indicator_revisions')
);
CREATE INDEX indicators_revision ON indicators (revision);

CREATE TABLE official_channels (
  key text PRIMARY KEY,
  brand text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('domain', 'email', 'phone', 'social_handle')),
  display text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Feed entries already merged (feed, entry id, version), so re-sending a feed changes nothing.
CREATE TABLE indicator_feed_entries (
  ref text PRIMARY KEY,
  imported_at timestamptz NOT NULL DEFAULT now()
);
`;
