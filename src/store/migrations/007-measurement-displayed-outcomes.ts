/**
 * Outcome counters of the measurement rollup count displayed warnings only.
 *
 * Migration 003 counted every outcome, so a warning the exchange never reported as displayed (a
 * native app that reports only the decision, a lost request, or a decision swept to abandoned
 * without ever being shown) landed in the numerators of rates whose denominator is `displayed`:
 * rates above 100% and, in the interval code, a failed report. From here on cancelled, verified,
 * proceeded and abandoned count decisions that were displayed; the others are counted apart in
 * `undisplayed_outcomes`, so a report can say how many it left out. `withdrew` and `stayed` keep
 * counting every decided withdrawal: the comparison with the holdout is by assigned arm.
 * The trigger functions are replaced in place (the triggers keep pointing at them), and the
 * outcome-derived counters are recomputed once from the outcomes. Rows are upserted in key order,
 * as the decision trigger does since migration 008, so writers lock shared rollup rows in one order.
 */
const rollupKey =
  'day, campaign_id, campaign_version, variant, arm, jurisdiction, locale, asset, amount_band';
const keyOf = (d: string) =>
  `(${d}.created_at AT TIME ZONE 'UTC')::date, ${d}.campaign_id, ${d}.campaign_version,
   coalesce(${d}.variant, ''), coalesce(${d}.arm, 'none'), ${d}.jurisdiction, ${d}.locale, ${d}.asset,
   caveat_amount_band(${d}.amount_usd)`;

const shown = (outcome: string) =>
  `sum(CASE WHEN o.outcome = '${outcome}' AND o.displayed_at IS NOT NULL THEN o.sign ELSE 0 END)`;

const applyOutcomeDelta = (rows: string) => `
  INSERT INTO measurement_daily (${rollupKey}, displayed, cancelled, verified, proceeded, abandoned,
    withdrew, stayed, undisplayed_outcomes)
  SELECT ${keyOf('d')},
    sum(CASE WHEN o.displayed_at IS NOT NULL THEN o.sign ELSE 0 END),
    ${shown('cancelled')}, ${shown('verified')}, ${shown('proceeded')}, ${shown('abandoned')},
    sum(CASE WHEN o.withdrew IS TRUE THEN o.sign ELSE 0 END),
    sum(CASE WHEN o.withdrew IS FALSE THEN o.sign ELSE 0 END),
    sum(CASE WHEN o.outcome IS NOT NULL AND o.displayed_at IS NULL THEN o.sign ELSE 0 END)
  FROM ${rows} o JOIN decisions d ON d.id = o.decision_id
  WHERE d.campaign_id IS NOT NULL
  GROUP BY ${keyOf('d')}
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (${rollupKey}) DO UPDATE SET
    displayed = measurement_daily.displayed + EXCLUDED.displayed,
    cancelled = measurement_daily.cancelled + EXCLUDED.cancelled,
    verified = measurement_daily.verified + EXCLUDED.verified,
    proceeded = measurement_daily.proceeded + EXCLUDED.proceeded,
    abandoned = measurement_daily.abandoned + EXCLUDED.abandoned,
    withdrew = measurement_daily.withdrew + EXCLUDED.withdrew,
    stayed = measurement_daily.stayed + EXCLUDED.stayed,
    undisplayed_outcomes = measurement_daily.undisplayed_outcomes + EXCLUDED.undisplayed_outcomes;
  INSERT INTO measurement_decide_time (${rollupKey}, bucket, n)
  SELECT ${keyOf('d')}, caveat_decide_bucket(o.displayed_at, o.decided_at), sum(o.sign)
  FROM ${rows} o JOIN decisions d ON d.id = o.decision_id
  WHERE d.campaign_id IS NOT NULL AND o.displayed_at IS NOT NULL AND o.decided_at IS NOT NULL
  GROUP BY ${keyOf('d')}, caveat_decide_bucket(o.displayed_at, o.decided_at)
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  ON CONFLICT (${rollupKey}, bucket) DO UPDATE SET n = measurement_decide_time.n + EXCLUDED.n;`;

export const measurementDisplayedOutcomes = `
ALTER TABLE measurement_daily ADD COLUMN undisplayed_outcomes integer NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION caveat_rollup_outcomes_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${applyOutcomeDelta('(SELECT n.*, 1 AS sign FROM new_rows n)')}
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION caveat_rollup_outcomes_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${applyOutcomeDelta(
    `(SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT p.*, -1 AS sign FROM old_rows p)`,
  )}
  RETURN NULL;
END $$;

-- Recount what 003 counted, under the new rule.
UPDATE measurement_daily SET displayed = 0, cancelled = 0, verified = 0, proceeded = 0, abandoned = 0,
  withdrew = 0, stayed = 0;
DELETE FROM measurement_decide_time;
${applyOutcomeDelta('(SELECT x.*, 1 AS sign FROM outcomes x)')}
`;
