import type { DecisionRecord } from './decision-recorder.js';
import type { Database } from './database.js';
import { CLAIM_UPSERT, claimRows, readClaims, type CapState } from './frequency-marks.js';

// One JSON parameter unpacked by json_to_recordset: on PGlite this is about 1.5x faster than one
// array parameter per column, and the same SQL runs on PostgreSQL.
export const DECISION_COLUMNS = `id, idempotency_key, request_hash, user_ref, jurisdiction, locale, asset, amount_usd,
  decision, campaign_id, campaign_version, variant, arm, degraded, content_locale, response, created_at,
  network, destination_address`;

export const DECISION_RECORD_TYPE = `id text, idempotency_key text, request_hash text, user_ref text,
  jurisdiction text, locale text, asset text, amount_usd numeric, decision text, campaign_id text,
  campaign_version integer, variant text, arm text, degraded boolean, content_locale text, response json,
  created_at timestamptz, network text, destination_address text`;

/** A decision as a row of the decisions table (its content is re-rendered on replay, not stored). */
export function decisionRow({ decision, request, requestHash }: DecisionRecord) {
  return {
    id: decision.id,
    idempotency_key: decision.idempotencyKey,
    request_hash: requestHash,
    user_ref: request.userRef,
    jurisdiction: request.jurisdiction,
    locale: request.locale,
    asset: request.asset,
    amount_usd: request.amountUsd,
    decision: decision.decision,
    campaign_id: decision.campaign?.id ?? null,
    campaign_version: decision.campaign?.version ?? null,
    variant: decision.campaign?.variant ?? null,
    arm: decision.arm,
    degraded: decision.degraded,
    content_locale: decision.content?.locale ?? null,
    response: { ...decision, content: null },
    created_at: decision.createdAt,
    network: request.network,
    destination_address: request.destination.address,
  };
}

/**
 * A whole batch in one statement: claim the cap slots (upsert into frequency_marks), then insert
 * each decision whose mark is among the granted ones (or that claimed none). A statement is atomic,
 * so this needs no BEGIN/COMMIT: one round trip instead of four. Decisions whose claim was refused
 * are not written here: the caller writes their capped alternative next (rare: the replica's cache
 * answers "capped" first for users it saw, so only a user capped elsewhere gets this far), and the
 * common batch carries no second version of each decision.
 */
export async function claimAndInsert(
  db: Database,
  records: readonly DecisionRecord[],
): Promise<{ insertedKeys: Set<string>; refused: Set<string>; states: CapState[] }> {
  const claims = records.flatMap((record) => (record.cap ? [record.cap.claim] : []));
  const rows = records.map((record) => ({
    ...decisionRow(record),
    cap_mark: record.cap ? `${record.cap.claim.atMs}:${record.cap.claim.decisionId}` : null,
  }));
  const result = await db.query<{ inserted: string[] | null; claims: unknown }>(
    `WITH claims AS (
       ${CLAIM_UPSERT.replace('$1', '$2')}
     ),
     proposed AS (
       SELECT r.*, (r.cap_mark IS NOT NULL AND NOT EXISTS (
                      SELECT 1 FROM claims c WHERE r.cap_mark = ANY(c.marks))) AS refused
       FROM json_to_recordset($1::json) AS r(${DECISION_RECORD_TYPE}, cap_mark text)
     ),
     inserted AS (
       INSERT INTO decisions (${DECISION_COLUMNS})
       SELECT ${DECISION_COLUMNS} FROM proposed WHERE NOT refused
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING idempotency_key
     )
     SELECT (SELECT json_agg(idempotency_key) FROM inserted) AS inserted,
            (SELECT json_agg(json_build_object('campaign_id', campaign_id, 'user_ref', user_ref, 'marks', marks))
             FROM claims) AS claims`,
    [JSON.stringify(rows), JSON.stringify(claimRows(claims))],
  );
  const first = result[0];
  const claimed = readClaims(
    claims,
    typeof first?.claims === 'string'
      ? (JSON.parse(first.claims) as ClaimRow[])
      : ((first?.claims as ClaimRow[] | null) ?? []),
  );
  const inserted =
    typeof first?.inserted === 'string' ? (JSON.parse(first.inserted) as string[]) : first?.inserted;
  return { insertedKeys: new Set(inserted ?? []), refused: claimed.refused, states: claimed.states };
}

interface ClaimRow {
  campaign_id: string;
  user_ref: string;
  marks: string[];
}
