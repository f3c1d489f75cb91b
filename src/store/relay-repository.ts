import { randomBytes } from 'node:crypto';
import type { RelayPolicy } from '../relay/policy.js';
import { appendAudit } from './audit-repository.js';
import type { Database, Queryable } from './database.js';
import { jsonObject } from './rows.js';

export const RELAY_CHANGED = 'caveat_relay_changed';

export interface PartnerRelay {
  partnerId: string;
  version: number;
  policy: RelayPolicy;
  pseudonymKey: Uint8Array;
  /** Newest first. */
  webhookSecrets: string[];
}

export interface NewAlert {
  id: string;
  partnerId: string;
  policyVersion: number;
  trigger: 'decision' | 'outcome' | 'referral';
  /** The cause: a decision for decision and outcome alerts, a scam-report cluster for referrals. */
  decisionId: string | null;
  clusterId?: string | null;
  payload: Record<string, unknown>;
  state: 'pending' | 'pull';
  expiresAt: string;
}

export interface StoredAlert extends Omit<NewAlert, 'state' | 'clusterId'> {
  clusterId: string | null;
  seq: number;
  state: 'pending' | 'delivered' | 'dead' | 'pull';
  createdAt: string;
  deliveredAt: string | null;
}

interface AlertRow {
  seq: number;
  id: string;
  partner_id: string;
  policy_version: number;
  trigger: StoredAlert['trigger'];
  decision_id: string | null;
  cluster_id: string | null;
  payload: unknown;
  state: StoredAlert['state'];
  created_at: Date;
  delivered_at: Date | null;
  expires_at: Date;
}

const toAlert = (row: AlertRow): StoredAlert => ({
  seq: Number(row.seq),
  id: row.id,
  partnerId: row.partner_id,
  policyVersion: row.policy_version,
  trigger: row.trigger,
  decisionId: row.decision_id,
  clusterId: row.cluster_id ?? null,
  payload: jsonObject<Record<string, unknown>>(row.payload),
  state: row.state,
  createdAt: new Date(row.created_at).toISOString(),
  deliveredAt: row.delivered_at ? new Date(row.delivered_at).toISOString() : null,
  expiresAt: new Date(row.expires_at).toISOString(),
});

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

export class RelayRepository {
  constructor(private readonly db: Database) {}

  /** Publishes a new policy version for a partner (creating its keys on first use). */
  async publishPolicy(partnerId: string, policy: RelayPolicy, actor: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO relay_partner_keys (partner_id, pseudonym_key, webhook_secrets) VALUES ($1, $2, ARRAY[$3])
         ON CONFLICT (partner_id) DO NOTHING`,
        [partnerId, randomBytes(32).toString('base64'), newSecret()],
      );
      const rows = await tx.query<{ version: number }>(
        `INSERT INTO relay_policies (partner_id, version, policy, created_by)
         SELECT $1, coalesce(max(version), 0) + 1, $2, $3 FROM relay_policies WHERE partner_id = $1
         RETURNING version`,
        [partnerId, JSON.stringify(policy), actor],
      );
      const version = rows[0]?.version ?? 1;
      await appendAudit(tx, {
        actor,
        action: 'publish',
        entity: 'relay_policy',
        entityId: partnerId,
        detail: { version },
      });
      await tx.query('SELECT pg_notify($1, $2)', [RELAY_CHANGED, partnerId]);
      return version;
    });
  }

  /** Adds a new webhook secret; the previous one stays valid until the next rotation. */
  async rotateSecret(partnerId: string, actor: string): Promise<string> {
    return this.db.transaction(async (tx) => {
      const secret = newSecret();
      const rows = await tx.query<{ partner_id: string }>(
        `UPDATE relay_partner_keys SET webhook_secrets = ARRAY[$2, webhook_secrets[1]], updated_at = now()
         WHERE partner_id = $1 RETURNING partner_id`,
        [partnerId, secret],
      );
      if (rows.length === 0) throw new Error(`partner ${partnerId} has no relay policy`);
      await appendAudit(tx, { actor, action: 'rotate_secret', entity: 'relay_partner', entityId: partnerId });
      await tx.query('SELECT pg_notify($1, $2)', [RELAY_CHANGED, partnerId]);
      return secret;
    });
  }

  /** The newest policy of every partner that has one, with its keys. */
  async current(): Promise<PartnerRelay[]> {
    const rows = await this.db.query<{
      partner_id: string;
      version: number;
      policy: unknown;
      pseudonym_key: string;
      webhook_secrets: string[];
    }>(
      `SELECT DISTINCT ON (p.partner_id) p.partner_id, p.version, p.policy, k.pseudonym_key, k.webhook_secrets
       FROM relay_policies p JOIN relay_partner_keys k ON k.partner_id = p.partner_id
       ORDER BY p.partner_id, p.version DESC`,
    );
    return rows.map((row) => ({
      partnerId: row.partner_id,
      version: row.version,
      policy: jsonObject<RelayPolicy>(row.policy),
      pseudonymKey: Buffer.from(row.pseudonym_key, 'base64'),
      webhookSecrets: row.webhook_secrets.filter(Boolean),
    }));
  }

  /** Every published policy version of every partner, newest version first within a partner. */
  async policyVersions(): Promise<
    { partnerId: string; version: number; policy: RelayPolicy; createdBy: string; createdAt: string }[]
  > {
    const rows = await this.db.query<{
      partner_id: string;
      version: number;
      policy: unknown;
      created_by: string;
      created_at: Date;
    }>(
      `SELECT partner_id, version, policy, created_by, created_at FROM relay_policies
       ORDER BY partner_id, version DESC`,
    );
    return rows.map((row) => ({
      partnerId: row.partner_id,
      version: row.version,
      policy: jsonObject<RelayPolicy>(row.policy),
      createdBy: row.created_by,
      createdAt: new Date(row.created_at).toISOString(),
    }));
  }

  async insertAlerts(tx: Queryable, alerts: readonly NewAlert[]): Promise<void> {
    if (alerts.length === 0) return;
    await tx.query(
      `INSERT INTO relay_alerts (id, partner_id, policy_version, trigger, decision_id, cluster_id, payload, state, expires_at)
       SELECT id, partner_id, policy_version, trigger, decision_id, cluster_id, payload, state, expires_at
       FROM json_to_recordset($1::json) AS x(id text, partner_id text, policy_version integer, trigger text,
         decision_id text, cluster_id text, payload jsonb, state text, expires_at timestamptz)`,
      [
        JSON.stringify(
          alerts.map((a) => ({
            id: a.id,
            partner_id: a.partnerId,
            policy_version: a.policyVersion,
            trigger: a.trigger,
            decision_id: a.decisionId,
            cluster_id: a.clusterId ?? null,
            payload: a.payload,
            state: a.state,
            expires_at: a.expiresAt,
          })),
        ),
      ],
    );
  }

  async alert(id: string): Promise<StoredAlert | undefined> {
    const rows = await this.db.query<AlertRow>('SELECT * FROM relay_alerts WHERE id = $1', [id]);
    return rows[0] && toAlert(rows[0]);
  }

  /** A partner's alerts after a cursor (the seq of the last one it read), oldest first. */
  async feed(partnerId: string, after: number, limit: number, now: Date): Promise<StoredAlert[]> {
    const rows = await this.db.query<AlertRow>(
      `SELECT * FROM relay_alerts WHERE partner_id = $1 AND seq > $2 AND expires_at > $3 ORDER BY seq LIMIT $4`,
      [partnerId, after, now, limit],
    );
    return rows.map(toAlert);
  }

  async list(
    filter: { partnerId?: string; state?: StoredAlert['state'] },
    limit = 100,
  ): Promise<StoredAlert[]> {
    const rows = await this.db.query<AlertRow>(
      `SELECT * FROM relay_alerts WHERE ($1::text IS NULL OR partner_id = $1) AND ($2::text IS NULL OR state = $2)
       ORDER BY seq DESC LIMIT $3`,
      [filter.partnerId ?? null, filter.state ?? null, limit],
    );
    return rows.map(toAlert);
  }

  async recordAttempt(
    alertId: string,
    attempt: {
      result: 'delivered' | 'failed' | 'refused';
      statusCode: number | null;
      latencyMs: number;
      error: string | null;
    },
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO relay_deliveries (alert_id, result, status_code, latency_ms, error) VALUES ($1, $2, $3, $4, $5)',
        [alertId, attempt.result, attempt.statusCode, Math.round(attempt.latencyMs), attempt.error],
      );
      if (attempt.result === 'delivered')
        await tx.query(
          `UPDATE relay_alerts SET state = 'delivered', delivered_at = coalesce(delivered_at, now()) WHERE id = $1`,
          [alertId],
        );
    });
  }

  async setState(alertId: string, state: 'pending' | 'dead'): Promise<void> {
    await this.db.query('UPDATE relay_alerts SET state = $2 WHERE id = $1', [alertId, state]);
  }

  async deliveries(alertId: string): Promise<
    {
      attemptedAt: string;
      result: string;
      statusCode: number | null;
      latencyMs: number;
      error: string | null;
    }[]
  > {
    const rows = await this.db.query<{
      attempted_at: Date;
      result: string;
      status_code: number | null;
      latency_ms: number;
      error: string | null;
    }>('SELECT * FROM relay_deliveries WHERE alert_id = $1 ORDER BY id', [alertId]);
    return rows.map((r) => ({
      attemptedAt: new Date(r.attempted_at).toISOString(),
      result: r.result,
      statusCode: r.status_code,
      latencyMs: r.latency_ms,
      error: r.error,
    }));
  }
}
