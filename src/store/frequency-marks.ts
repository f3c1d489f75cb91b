import type { Queryable } from './database.js';

/** A decision that wants one of its user's frequency-cap slots for a campaign. */
export interface CapClaim {
  campaignId: string;
  userRef: string;
  /** Decision id and time: the mark it leaves if granted. */
  decisionId: string;
  atMs: number;
  /** Marks older than this no longer count. */
  windowStartMs: number;
  maxPerUser: number;
}

/** A campaign × user's marks in the window after the claims, as the store holds them. */
export interface CapState {
  campaignId: string;
  userRef: string;
  marksMs: number[];
}

export interface ClaimResult {
  /** Decision ids whose claim was refused: another replica or decision took the last slot. */
  refused: Set<string>;
  states: CapState[];
}

const mark = (claim: CapClaim) => `${claim.atMs}:${claim.decisionId}`;

/** One row per campaign × user: its wanted marks in order (claims for one user in a batch are granted in turn). */
export function claimRows(claims: readonly CapClaim[]) {
  const byKey = new Map<string, CapClaim[]>();
  for (const claim of claims) {
    const key = `${claim.campaignId}\u0000${claim.userRef}`;
    const same = byKey.get(key);
    if (same) same.push(claim);
    else byKey.set(key, [claim]);
  }
  return [...byKey.values()].map((same) => {
    const first = same[0] as CapClaim;
    return {
      campaign_id: first.campaignId,
      user_ref: first.userRef,
      wanted: same.map(mark),
      last_at: new Date(Math.max(...same.map((claim) => claim.atMs))).toISOString(),
      window_start_ms: first.windowStartMs,
      max_per_user: first.maxPerUser,
    };
  });
}

/**
 * The claim of a batch as one upsert ($1: the claim rows as JSON). Each campaign × user row is
 * locked by the upsert, so concurrent claims from other replicas queue on it and see each other's
 * committed marks (READ COMMITTED re-reads the row): the cap is exact. Marks out of the window are
 * dropped on the way; the wanted marks are added while room is left.
 */
export const CLAIM_UPSERT = `INSERT INTO frequency_marks AS f (campaign_id, user_ref, marks, last_at, window_start_ms, max_per_user)
     SELECT c.campaign_id, c.user_ref, c.wanted[1:c.max_per_user], c.last_at, c.window_start_ms, c.max_per_user
     FROM json_to_recordset($1::json) AS c(campaign_id text, user_ref text, wanted text[], last_at timestamptz,
       window_start_ms bigint, max_per_user integer)
     ON CONFLICT (campaign_id, user_ref) DO UPDATE SET
       marks = (SELECT coalesce(array_agg(m), '{}') FROM unnest(f.marks) AS m
                WHERE split_part(m, ':', 1)::bigint >= EXCLUDED.window_start_ms)
            || EXCLUDED.marks[1 : EXCLUDED.max_per_user - (SELECT count(*) FROM unnest(f.marks) AS m
                WHERE split_part(m, ':', 1)::bigint >= EXCLUDED.window_start_ms)::integer],
       last_at = greatest(f.last_at, EXCLUDED.last_at),
       window_start_ms = EXCLUDED.window_start_ms,
       max_per_user = EXCLUDED.max_per_user
     RETURNING campaign_id, user_ref, marks`;

/** Which claims were refused (their mark is not in the stored marks), and the stored state. */
export function readClaims(
  claims: readonly CapClaim[],
  stored: readonly { campaign_id: string; user_ref: string; marks: string[] }[],
): ClaimResult {
  const granted = new Set(stored.flatMap((row) => row.marks));
  const refused = new Set(
    claims.filter((claim) => !granted.has(mark(claim))).map((claim) => claim.decisionId),
  );
  const states = stored.map((row) => ({
    campaignId: row.campaign_id,
    userRef: row.user_ref,
    marksMs: row.marks.map((m) => Number(m.slice(0, m.indexOf(':')))),
  }));
  return { refused, states };
}

/** Claims slots for a whole batch inside the caller's transaction. */
export async function claimSlots(tx: Queryable, claims: readonly CapClaim[]): Promise<ClaimResult> {
  if (claims.length === 0) return { refused: new Set(), states: [] };
  const stored = await tx.query<{ campaign_id: string; user_ref: string; marks: string[] }>(CLAIM_UPSERT, [
    JSON.stringify(claimRows(claims)),
  ]);
  return readClaims(claims, stored);
}

/** Gives back the slots of decisions that were not written after all (their key was a replay). */
export async function releaseSlots(tx: Queryable, claims: readonly CapClaim[]): Promise<void> {
  if (claims.length === 0) return;
  await tx.query(
    `UPDATE frequency_marks f
     SET marks = (SELECT coalesce(array_agg(m), '{}') FROM unnest(f.marks) AS m WHERE NOT (m = ANY(r.released)))
     FROM (SELECT campaign_id, user_ref, array_agg(mark) AS released
           FROM json_to_recordset($1::json) AS c(campaign_id text, user_ref text, mark text)
           GROUP BY campaign_id, user_ref) AS r
     WHERE f.campaign_id = r.campaign_id AND f.user_ref = r.user_ref`,
    [
      JSON.stringify(
        claims.map((claim) => ({
          campaign_id: claim.campaignId,
          user_ref: claim.userRef,
          mark: mark(claim),
        })),
      ),
    ],
  );
}

/** Forgets users whose last warning is older than any window (the longest cap window). */
export async function sweepSlots(tx: Queryable, olderThan: Date): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    'WITH gone AS (DELETE FROM frequency_marks WHERE last_at < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone',
    [olderThan.toISOString()],
  );
  return rows[0]?.n ?? 0;
}
