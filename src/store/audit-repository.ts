import type { Queryable } from './database.js';
import { isoRequired } from './rows.js';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  detail?: Record<string, unknown>;
}

export interface AuditRecord extends Required<AuditEntry> {
  id: number;
  at: string;
}

interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  detail: Record<string, unknown>;
}

/** Appends to the audit log inside the caller's transaction, so a change and its record land together. */
export async function appendAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.query(
    'INSERT INTO audit_log (actor, action, entity, entity_id, detail) VALUES ($1, $2, $3, $4, $5)',
    [entry.actor, entry.action, entry.entity, entry.entityId, JSON.stringify(entry.detail ?? {})],
  );
}

export interface AuditQuery {
  entity?: string | undefined;
  entityId?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
}

export async function listAudit(db: Queryable, query: AuditQuery): Promise<AuditRecord[]> {
  const rows = await db.query<AuditRow>(
    `SELECT id, at, actor, action, entity, entity_id, detail FROM audit_log
     WHERE ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2)
       AND ($3::bigint IS NULL OR id < $3)
     ORDER BY id DESC LIMIT $4`,
    [query.entity ?? null, query.entityId ?? null, query.beforeId ?? null, query.limit],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    at: isoRequired(row.at),
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    detail: row.detail,
  }));
}
