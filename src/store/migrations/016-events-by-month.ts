/**
 * Reaction events, partitioned by month of `occurred_at` (PostgreSQL declarative range
 * partitioning; the same SQL on PGlite), so that a month's events are one table: a report of a
 * month reads one partition, and retention drops whole months instead of deleting rows out of years.
 *
 * Idempotency. A unique key on a partitioned table must contain the partition key, so the key is
 * (id, occurred_at) instead of (id). A retry of an event is the same event: the same id and the same
 * occurred_at (a different time under the same id is refused as a conflict), so it derives the same
 * month and meets its earlier copy in the same partition's key — the database still refuses a
 * double count by itself. What the key no longer catches alone is one id reused for a *different*
 * event at another time; ingest finds that by looking the ids up in every partition while it holds
 * the outcome writers' lock (event-repository.ts), so the check and the insert are not raced.
 * A global key table (id → month) was not chosen: it would grow with the events row for row, and
 * retention would be a row-by-row DELETE from it again. See docs/decisions/events-by-month.md.
 *
 * Partitions are created ahead: the months of the existing rows, this month and the next here, and
 * the next months again at every start and hourly (caveat_ensure_event_partitions, under an
 * advisory lock so replicas running it at once wait for each other instead of failing). The
 * default partition is a safety net: a row whose month has no partition (its month was dropped by
 * retention, or maintenance has not run for a month) is kept there rather than refused; creating
 * that month's partition later moves its rows out of the default first.
 */
export const eventsByMonth = `
ALTER TABLE events RENAME TO events_unpartitioned;
ALTER TABLE events_unpartitioned RENAME CONSTRAINT events_pkey TO events_unpartitioned_pkey;
ALTER TABLE events_unpartitioned RENAME CONSTRAINT events_decision_id_fkey TO events_unpartitioned_decision_id_fkey;
ALTER TABLE events_unpartitioned RENAME CONSTRAINT events_type_check TO events_unpartitioned_type_check;
ALTER INDEX events_decision RENAME TO events_unpartitioned_decision;
DROP TRIGGER events_rollup_resource_opens ON events_unpartitioned;

CREATE TABLE events (
  id text NOT NULL,
  decision_id text NOT NULL REFERENCES decisions(id),
  type text NOT NULL CHECK (type IN ('displayed', 'resource_opened', 'acknowledged', 'cancelled', 'proceeded')),
  resource_id text,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);
CREATE INDEX events_decision ON events (decision_id, occurred_at);
CREATE TABLE events_default PARTITION OF events DEFAULT;

-- The first instant of the UTC month of a time: partition bounds are UTC months whatever the
-- session's time zone.
CREATE FUNCTION caveat_event_month(at timestamptz) RETURNS timestamptz IMMUTABLE LANGUAGE sql AS $$
  SELECT date_trunc('month', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
$$;

-- Creates the partition of the month that contains 'month' unless it exists; true when created.
-- Rows already waiting in the default partition for that month move into it first (a plain
-- CREATE ... PARTITION OF would fail on them); they move table to table, so the rollup trigger on
-- events does not count them again.
CREATE FUNCTION caveat_event_partition(month timestamptz) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  lo timestamptz := caveat_event_month(month);
  hi timestamptz := caveat_event_month(month) + interval '1 month';
  name text := 'events_' || to_char(lo AT TIME ZONE 'UTC', 'YYYY_MM');
BEGIN
  IF to_regclass(name) IS NOT NULL THEN RETURN false; END IF;
  IF EXISTS (SELECT 1 FROM events_default WHERE occurred_at >= lo AND occurred_at < hi) THEN
    EXECUTE format('CREATE TABLE %I (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', name);
    EXECUTE format('WITH moved AS (DELETE FROM events_default WHERE occurred_at >= $1 AND occurred_at < $2 RETURNING *)
      INSERT INTO %I SELECT * FROM moved', name) USING lo, hi;
    EXECUTE format('ALTER TABLE events ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', name, lo, hi);
  ELSE
    EXECUTE format('CREATE TABLE %I PARTITION OF events FOR VALUES FROM (%L) TO (%L)', name, lo, hi);
  END IF;
  RETURN true;
END $$;

-- The partitions of the month of 'at' and of the 'ahead' months after it; returns how many were
-- created. Serialized across connections by a transaction-scoped advisory lock.
CREATE FUNCTION caveat_ensure_event_partitions(at timestamptz, ahead integer DEFAULT 1) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  created integer := 0;
  i integer;
BEGIN
  PERFORM pg_advisory_xact_lock(727274016);
  FOR i IN 0..ahead LOOP
    IF caveat_event_partition(caveat_event_month(at) + make_interval(months => i)) THEN
      created := created + 1;
    END IF;
  END LOOP;
  RETURN created;
END $$;

-- Retention: drops every month partition that ends at or before 'before' (a month boundary) and
-- deletes the default partition's rows older than it; returns the dropped partitions' names.
CREATE FUNCTION caveat_drop_event_partitions(before timestamptz) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE
  dropped text[] := '{}';
  part text;
BEGIN
  PERFORM pg_advisory_xact_lock(727274016);
  FOR part IN
    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'events'::regclass AND c.relname ~ '^events_[0-9]{4}_[0-9]{2}$'
      AND (substr(c.relname, 8, 4) || '-' || substr(c.relname, 13, 2) || '-01 00:00+00')::timestamptz
        + interval '1 month' <= before
    ORDER BY c.relname
  LOOP
    EXECUTE format('DROP TABLE %I', part);
    dropped := dropped || part;
  END LOOP;
  DELETE FROM events_default WHERE occurred_at < before;
  RETURN dropped;
END $$;

-- Every month that has rows, then the rows, then the trigger (so the move counts nothing twice).
SELECT caveat_event_partition(m)
FROM generate_series(
  (SELECT caveat_event_month(min(occurred_at)) FROM events_unpartitioned),
  (SELECT caveat_event_month(max(occurred_at)) FROM events_unpartitioned),
  interval '1 month') m;
INSERT INTO events (id, decision_id, type, resource_id, occurred_at, received_at)
SELECT id, decision_id, type, resource_id, occurred_at, received_at FROM events_unpartitioned;
DROP TABLE events_unpartitioned;

CREATE TRIGGER events_rollup_resource_opens AFTER INSERT ON events
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION caveat_rollup_resource_opens();

SELECT caveat_ensure_event_partitions(now());
`;
