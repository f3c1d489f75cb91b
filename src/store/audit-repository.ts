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
  /** Who the actor is in words (a console user's name and email, an API key's name), when known. */
  actorName: string | null;
}

interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  detail: Record<string, unknown>;
  user_name: string | null;
  user_email: string | null;
  key_name: string | null;
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
    // The log keeps the stable actor key; the name is looked up as of now for the reader.
    `SELECT a.id, a.at, a.actor, a.action, a.entity, a.entity_id, a.detail,
            u.name AS user_name, u.email AS user_email, k.name AS key_name
     FROM audit_log a
     LEFT JOIN console_users u ON a.actor LIKE 'user:%' AND u.email = substr(a.actor, 6)
     LEFT JOIN api_keys k ON a.actor LIKE 'api-key:%' AND k.id = substr(a.actor, 9)
     WHERE ($1::text IS NULL OR a.entity = $1) AND ($2::text IS NULL OR a.entity_id = $2)
       AND ($3::bigint IS NULL OR a.id < $3)
     ORDER BY a.id DESC LIMIT $4`,
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
    actorName: actorName(row),
  }));
}

function actorName(row: AuditRow): string | null {
  if (row.user_email) return row.user_name ? `${row.user_name} (${row.user_email})` : row.user_email;
  if (row.key_name) return `API key “${row.key_name}”`;
  return null;
}
