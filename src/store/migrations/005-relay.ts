/**
 * Partner relay: per-partner keys, versioned data-sharing policies, the alert outbox (written in the
 * transaction of the decision or outcome that caused it) and a log of every delivery attempt.
 * Decisions gain the destination and network, which outcome alerts may need to name.
 */
export const relay = `
ALTER TABLE decisions ADD COLUMN network text;
ALTER TABLE decisions ADD COLUMN destination_address text;

CREATE TABLE relay_partner_keys (
  partner_id text PRIMARY KEY REFERENCES partners(id),
  pseudonym_key text NOT NULL,
  -- Newest first; during a rotation both are valid and every delivery is signed with both.
  webhook_secrets text[] NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE relay_policies (
  partner_id text NOT NULL REFERENCES partners(id),
  version integer NOT NULL,
  policy jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partner_id, version)
);
CREATE FUNCTION caveat_relay_policies_are_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'relay policy % v% is immutable: publish a new version', OLD.partner_id, OLD.version;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER relay_policies_immutable BEFORE UPDATE OR DELETE ON relay_policies
  FOR EACH ROW EXECUTE FUNCTION caveat_relay_policies_are_immutable();

CREATE TABLE relay_alerts (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  partner_id text NOT NULL REFERENCES partners(id),
  policy_version integer NOT NULL,
  trigger text NOT NULL CHECK (trigger IN ('decision', 'outcome')),
  decision_id text NOT NULL REFERENCES decisions(id),
  payload jsonb NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead', 'pull')),
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  -- The partner's retention: after this the alert is no longer served or replayed.
  expires_at timestamptz NOT NULL,
  FOREIGN KEY (partner_id, policy_version) REFERENCES relay_policies (partner_id, version)
);
CREATE INDEX relay_alerts_partner_seq ON relay_alerts (partner_id, seq);

CREATE TABLE relay_deliveries (
  id bigserial PRIMARY KEY,
  alert_id text NOT NULL REFERENCES relay_alerts(id),
  attempted_at timestamptz NOT NULL DEFAULT now(),
  result text NOT NULL,
  status_code integer,
  latency_ms integer NOT NULL,
  error text
);
CREATE INDEX relay_deliveries_alert ON relay_deliveries (alert_id, attempted_at);
`;
