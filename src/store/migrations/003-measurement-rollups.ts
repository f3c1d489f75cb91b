/**
 * Measurement rollups, kept current inside the same transactions that write decisions, outcomes and
 * events (statement-level triggers over transition tables: one grouped upsert per statement, not
 * one per row). Reports read these small tables instead of scanning events; the same SQL runs on
 * PGlite and PostgreSQL. Only decisions made under a campaign (either arm) are counted.
 */
export const rollupKey =
  'day, campaign_id, campaign_version, variant, arm, jurisdiction, locale, asset, amount_band';
export const keyOf = (d: string) =>
  `(${d}.created_at AT TIME ZONE 'UTC')::date, ${d}.campaign_id, ${d}.campaign_version,
   coalesce(${d}.variant, ''), coalesce(${d}.arm, 'none'), ${d}.jurisdiction, ${d}.locale, ${d}.asset,
   caveat_amount_band(${d}.amount_usd)`;

/** Adds each outcome row's contribution to the counters (sign is -1 for the old image of an update). */
const applyOutcomeDelta = (rows: string) => `
  INSERT INTO measurement_daily (${rollupKey}, displayed, cancelled, verified, proceeded, abandoned, withdrew, stayed)
  SELECT ${keyOf('d')},
    sum(CASE WHEN o.displayed_at IS NOT NULL THEN o.sign ELSE 0 END),
    sum(CASE WHEN o.outcome = 'cancelled' THEN o.sign ELSE 0 END),
    sum(CASE WHEN o.outcome = 'verified' THEN o.sign ELSE 0 END),
    sum(CASE WHEN o.outcome = 'proceeded' THEN o.sign ELSE 0 END),
    sum(CASE WHEN o.outcome = 'abandoned' THEN o.sign ELSE 0 END),
    sum(CASE WHEN o.withdrew IS TRUE THEN o.sign ELSE 0 END),
    sum(CASE WHEN o.withdrew IS FALSE THEN o.sign ELSE 0 END)
  FROM ${rows} o JOIN decisions d ON d.id = o.decision_id
  WHERE d.campaign_id IS NOT NULL
  GROUP BY ${keyOf('d')}
  ON CONFLICT (${rollupKey}) DO UPDATE SET
    displayed = measurement_daily.displayed + EXCLUDED.displayed,
    cancelled = measurement_daily.cancelled + EXCLUDED.cancelled,
    verified = measurement_daily.verified + EXCLUDED.verified,
    proceeded = measurement_daily.proceeded + EXCLUDED.proceeded,
    abandoned = measurement_daily.abandoned + EXCLUDED.abandoned,
    withdrew = measurement_daily.withdrew + EXCLUDED.withdrew,
    stayed = measurement_daily.stayed + EXCLUDED.stayed;
  INSERT INTO measurement_decide_time (${rollupKey}, bucket, n)
  SELECT ${keyOf('d')}, caveat_decide_bucket(o.displayed_at, o.decided_at), sum(o.sign)
  FROM ${rows} o JOIN decisions d ON d.id = o.decision_id
  WHERE d.campaign_id IS NOT NULL AND o.displayed_at IS NOT NULL AND o.decided_at IS NOT NULL
  GROUP BY ${keyOf('d')}, caveat_decide_bucket(o.displayed_at, o.decided_at)
  ON CONFLICT (${rollupKey}, bucket) DO UPDATE SET n = measurement_decide_time.n + EXCLUDED.n;`;

const keyColumns = `
  day date NOT NULL,
  campaign_id text NOT NULL,
  campaign_version integer NOT NULL,
  variant text NOT NULL,
  arm text NOT NULL,
  jurisdiction text NOT NULL,
  locale text NOT NULL,
  asset text NOT NULL,
  amount_band text NOT NULL`;

export const measurementRollups = `
-- Whether the withdrawal went ahead (the first cancel/proceed), apart from how the user got there:
-- "verified" users may do either, and the holdout comparison needs completion for both arms.
ALTER TABLE outcomes ADD COLUMN withdrew boolean;
UPDATE outcomes o SET withdrew = (
  SELECT e.type = 'proceeded' FROM events e
  WHERE e.decision_id = o.decision_id AND e.type IN ('cancelled', 'proceeded')
  ORDER BY e.occurred_at LIMIT 1)
WHERE o.decided_at IS NOT NULL;

CREATE FUNCTION caveat_amount_band(amount numeric) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT CASE WHEN amount < 100 THEN '0-100' WHEN amount < 1000 THEN '100-1k'
              WHEN amount < 10000 THEN '1k-10k' ELSE '10k+' END
$$;

-- Seconds from display to decision in buckets (upper bounds in seconds, see measurement/time-to-decide.ts).
CREATE FUNCTION caveat_decide_bucket(shown timestamptz, decided timestamptz) RETURNS integer IMMUTABLE LANGUAGE sql AS $$
  SELECT width_bucket(greatest(extract(epoch FROM decided - shown), 0)::float8,
    ARRAY[1, 2, 3, 5, 8, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 1800]::float8[])
$$;

CREATE TABLE measurement_daily (${keyColumns},
  decisions integer NOT NULL DEFAULT 0,
  displayed integer NOT NULL DEFAULT 0,
  cancelled integer NOT NULL DEFAULT 0,
  verified integer NOT NULL DEFAULT 0,
  proceeded integer NOT NULL DEFAULT 0,
  abandoned integer NOT NULL DEFAULT 0,
  withdrew integer NOT NULL DEFAULT 0,
  stayed integer NOT NULL DEFAULT 0,
  PRIMARY KEY (${rollupKey})
);
CREATE INDEX measurement_daily_campaign ON measurement_daily (campaign_id, day);

CREATE TABLE measurement_decide_time (${keyColumns},
  bucket integer NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (${rollupKey}, bucket)
);

-- Decisions that opened each resource at least once.
CREATE TABLE measurement_resource_opens (${keyColumns},
  resource_id text NOT NULL,
  decisions integer NOT NULL,
  PRIMARY KEY (${rollupKey}, resource_id)
);

CREATE FUNCTION caveat_rollup_decisions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO measurement_daily (${rollupKey}, decisions)
  SELECT ${keyOf('d')}, count(*) FROM inserted d WHERE d.campaign_id IS NOT NULL
  GROUP BY ${keyOf('d')}
  ON CONFLICT (${rollupKey}) DO UPDATE SET decisions = measurement_daily.decisions + EXCLUDED.decisions;
  RETURN NULL;
END $$;
CREATE TRIGGER decisions_rollup AFTER INSERT ON decisions
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION caveat_rollup_decisions();

CREATE FUNCTION caveat_rollup_outcomes_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${applyOutcomeDelta('(SELECT n.*, 1 AS sign FROM new_rows n)')}
  RETURN NULL;
END $$;
CREATE TRIGGER outcomes_rollup_insert AFTER INSERT ON outcomes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION caveat_rollup_outcomes_inserted();

CREATE FUNCTION caveat_rollup_outcomes_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${applyOutcomeDelta(
    `(SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT p.*, -1 AS sign FROM old_rows p)`,
  )}
  RETURN NULL;
END $$;
CREATE TRIGGER outcomes_rollup_update AFTER UPDATE ON outcomes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION caveat_rollup_outcomes_updated();

CREATE FUNCTION caveat_rollup_resource_opens() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO measurement_resource_opens (${rollupKey}, resource_id, decisions)
  SELECT ${keyOf('d')}, e.resource_id, count(DISTINCT e.decision_id)
  FROM new_events e JOIN decisions d ON d.id = e.decision_id
  WHERE e.type = 'resource_opened' AND d.campaign_id IS NOT NULL
    AND NOT EXISTS (
      SELECT 1 FROM events p
      WHERE p.decision_id = e.decision_id AND p.type = 'resource_opened' AND p.resource_id = e.resource_id
        AND NOT EXISTS (SELECT 1 FROM new_events n WHERE n.id = p.id))
  GROUP BY ${keyOf('d')}, e.resource_id
  ON CONFLICT (${rollupKey}, resource_id) DO UPDATE
    SET decisions = measurement_resource_opens.decisions + EXCLUDED.decisions;
  RETURN NULL;
END $$;
CREATE TRIGGER events_rollup_resource_opens AFTER INSERT ON events
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION caveat_rollup_resource_opens();

-- What existed before the rollups: counted once, here.
INSERT INTO measurement_daily (${rollupKey}, decisions)
SELECT ${keyOf('d')}, count(*) FROM decisions d WHERE d.campaign_id IS NOT NULL GROUP BY ${keyOf('d')};
${applyOutcomeDelta('(SELECT x.*, 1 AS sign FROM outcomes x)')}
INSERT INTO measurement_resource_opens (${rollupKey}, resource_id, decisions)
SELECT ${keyOf('d')}, e.resource_id, count(DISTINCT e.decision_id)
FROM events e JOIN decisions d ON d.id = e.decision_id
WHERE e.type = 'resource_opened' AND d.campaign_id IS NOT NULL
GROUP BY ${keyOf('d')}, e.resource_id;
`;
