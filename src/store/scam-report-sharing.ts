import { appendAudit } from './audit-repository.js';
import type { Database, Queryable } from './database.js';

export interface ReportSharing {
  jurisdiction: string;
  shared: boolean;
  sharedBy: string | null;
  sharedAt: string | null;
}

/**
 * The exchange's choice, per jurisdiction, to let that jurisdiction's police reviewers read its
 * scam reports. Off unless an admin turns it on; every change is audited.
 */
export class ScamReportSharing {
  constructor(private readonly db: Database) {}

  async isShared(jurisdiction: string, q: Queryable = this.db): Promise<boolean> {
    const rows = await q.query<{ jurisdiction: string }>(
      'SELECT jurisdiction FROM scam_report_sharing WHERE jurisdiction = $1',
      [jurisdiction],
    );
    return rows.length > 0;
  }

  /** Every jurisdiction with its sharing state, by code. */
  async list(): Promise<ReportSharing[]> {
    const rows = await this.db.query<{
      code: string;
      shared_by: string | null;
      shared_at: Date | string | null;
    }>(
      `SELECT j.code, s.shared_by, s.shared_at FROM jurisdictions j
       LEFT JOIN scam_report_sharing s ON s.jurisdiction = j.code ORDER BY j.code`,
    );
    return rows.map((row) => ({
      jurisdiction: row.code,
      shared: row.shared_by !== null,
      sharedBy: row.shared_by,
      sharedAt: row.shared_at === null ? null : new Date(row.shared_at).toISOString(),
    }));
  }

  /** Turns sharing on or off; false when the jurisdiction does not exist (nothing written). */
  async set(jurisdiction: string, shared: boolean, actor: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const exists = await tx.query('SELECT 1 FROM jurisdictions WHERE code = $1 FOR UPDATE', [jurisdiction]);
      if (exists.length === 0) return false;
      const before = await this.isShared(jurisdiction, tx);
      if (before === shared) return true;
      if (shared)
        await tx.query('INSERT INTO scam_report_sharing (jurisdiction, shared_by) VALUES ($1, $2)', [
          jurisdiction,
          actor,
        ]);
      else await tx.query('DELETE FROM scam_report_sharing WHERE jurisdiction = $1', [jurisdiction]);
      await appendAudit(tx, {
        actor,
        action: shared ? 'share' : 'unshare',
        entity: 'scam_report_sharing',
        entityId: jurisdiction,
        detail: { before: { shared: before }, after: { shared } },
      });
      return true;
    });
  }
}
