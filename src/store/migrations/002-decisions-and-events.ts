/** Withdrawal decisions, reaction events and one outcome row per decision. */
export const decisionsAndEvents = `
CREATE TABLE decisions (
  id text PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  request_hash text NOT NULL,
  user_ref text NOT NULL,
  jurisdiction text NOT NULL,
  locale text NOT NULL,
  asset text NOT NULL,
  amount_usd numeric NOT NULL,
  decision text NOT NULL CHECK (decision IN ('allow', 'warn', 'hold')),
  campaign_id text,
  campaign_version integer,
  variant text,
  arm text,
  degraded boolean NOT NULL DEFAULT false,
  -- The locale of the content shown. The content itself is not copied into every row: it is
  -- re-rendered from the immutable published version when needed (replays, events, reports).
  content_locale text,
  -- The decision as returned, without content; json (not jsonb) because it is only read whole.
  response json NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX decisions_created_at ON decisions (created_at);
CREATE INDEX decisions_campaign ON decisions (campaign_id, campaign_version, created_at);

CREATE TABLE events (
  id text PRIMARY KEY,
  decision_id text NOT NULL REFERENCES decisions(id),
  type text NOT NULL CHECK (type IN ('displayed', 'resource_opened', 'acknowledged', 'cancelled', 'proceeded')),
  resource_id text,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_decision ON events (decision_id, occurred_at);

-- One row per decision that a user reacted to (or abandoned), kept current as events arrive so
-- that measurement reads outcomes without replaying every event.
CREATE TABLE outcomes (
  decision_id text PRIMARY KEY REFERENCES decisions(id),
  displayed_at timestamptz,
  first_check_opened_at timestamptz,
  acknowledged_at timestamptz,
  decided_at timestamptz,
  outcome text CHECK (outcome IN ('cancelled', 'verified', 'proceeded', 'abandoned')),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outcomes_open ON outcomes (displayed_at) WHERE outcome IS NULL;
`;
