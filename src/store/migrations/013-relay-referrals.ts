/**
 * Referral alerts (issue 11): an alert may be caused by a scam-report cluster instead of a decision.
 * Exactly one cause per alert: a referral names its cluster, the others their decision. The cluster
 * id carries no foreign key so the relay does not depend on the scam-reports tables' shape.
 */
export const relayReferrals = `
ALTER TABLE relay_alerts DROP CONSTRAINT relay_alerts_trigger_check;
ALTER TABLE relay_alerts ADD CONSTRAINT relay_alerts_trigger_check
  CHECK (trigger IN ('decision', 'outcome', 'referral'));
ALTER TABLE relay_alerts ALTER COLUMN decision_id DROP NOT NULL;
ALTER TABLE relay_alerts ADD COLUMN cluster_id text;
ALTER TABLE relay_alerts ADD CONSTRAINT relay_alerts_one_cause CHECK (
  CASE WHEN trigger = 'referral' THEN cluster_id IS NOT NULL AND decision_id IS NULL
       ELSE decision_id IS NOT NULL AND cluster_id IS NULL END
);
CREATE INDEX relay_alerts_cluster ON relay_alerts (cluster_id) WHERE cluster_id IS NOT NULL;
`;
