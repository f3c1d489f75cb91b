import { keyOf, rollupKey } from './003-measurement-rollups.js';

/**
 * A decision whose commit landed after the fail-safe answer had already been given instead (the
 * store confirmed too late) is kept for the record but superseded by the degraded decision that
 * the user was actually shown: its idempotency key moves aside so the key now names what the user
 * saw, and its contribution leaves the measurement rollups so it is never counted as a holdout or
 * treatment exposure.
 */
export const supersededDecisions = `
ALTER TABLE decisions ADD COLUMN superseded_by text;

CREATE FUNCTION caveat_rollup_superseded() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO measurement_daily (${rollupKey}, decisions)
  SELECT ${keyOf('o')}, -count(*)
  FROM old_rows o JOIN new_rows n ON n.id = o.id
  WHERE o.campaign_id IS NOT NULL AND o.superseded_by IS NULL AND n.superseded_by IS NOT NULL
  GROUP BY ${keyOf('o')}
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (${rollupKey}) DO UPDATE SET decisions = measurement_daily.decisions + EXCLUDED.decisions;
  RETURN NULL;
END $$;
CREATE TRIGGER decisions_rollup_superseded AFTER UPDATE ON decisions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION caveat_rollup_superseded();
`;
