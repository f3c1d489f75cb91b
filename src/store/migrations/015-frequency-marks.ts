/**
 * The frequency cap's truth, beside the decisions: per campaign and user, the warnings (both arms)
 * that took a slot, as `<epoch ms>:<decision id>` marks. A replica claims a slot in the same
 * transaction that records the decision, under the row's lock, so two replicas cannot both give the
 * last slot away (an exact cap); what a replica keeps in memory is only a bounded cache of this.
 * `window_start_ms` and `max_per_user` are those of the latest claim: the upsert reads them from the
 * proposed row. Filled from the past year's decisions so caps survive the upgrade.
 */
export const frequencyMarks = `
CREATE TABLE frequency_marks (
  campaign_id text NOT NULL,
  user_ref text NOT NULL,
  marks text[] NOT NULL,
  last_at timestamptz NOT NULL,
  window_start_ms bigint NOT NULL,
  max_per_user integer NOT NULL,
  PRIMARY KEY (campaign_id, user_ref)
);
-- The sweep forgets users whose last warning no window can reach any more.
CREATE INDEX frequency_marks_last_at ON frequency_marks (last_at);

INSERT INTO frequency_marks (campaign_id, user_ref, marks, last_at, window_start_ms, max_per_user)
SELECT campaign_id, user_ref,
       array_agg(((extract(epoch FROM created_at) * 1000)::bigint)::text || ':' || id ORDER BY created_at),
       max(created_at), 0, 0
FROM decisions
WHERE campaign_id IS NOT NULL AND arm IS NOT NULL AND superseded_by IS NULL
  AND created_at > now() - interval '366 days'
GROUP BY campaign_id, user_ref;
`;
