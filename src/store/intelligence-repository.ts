import type { IndicatorKind } from '../intelligence/identifiers/identifier.js';
import {
  mergeIndicators,
  type Indicator,
  type IndicatorSource,
  type RiskLevel,
  type ScamType,
} from '../intelligence/indicator.js';
import { joinExportedState } from '../intelligence/exchange/stix-format.js';
import type { OfficialChannel, OfficialChannelKind } from '../intelligence/official-channels.js';
import { appendAudit } from './audit-repository.js';
import type { Database, Queryable } from './database.js';

export const INTELLIGENCE_CHANGED = 'caveat_intelligence_changed';

/** An indicator as imported: the merged facts plus how to show it and which feed entry it came from. */
export interface IndicatorRecord extends Indicator {
  display: string;
  /** feed:entry-id:version; an entry already imported is skipped, so feeds can be re-sent. */
  ref?: string;
  /** A caveat export's statement of the whole indicator (a STIX object with caveat's id for it). */
  snapshot?: boolean;
}

const combine = (known: Indicator, incoming: IndicatorRecord): Indicator =>
  incoming.snapshot ? joinExportedState(known, incoming) : mergeIndicators(known, incoming);

const sameIndicator = (a: Indicator, b: Indicator): boolean =>
  a.scamType === b.scamType &&
  a.riskLevel === b.riskLevel &&
  a.firstSeenMs === b.firstSeenMs &&
  a.lastSeenMs === b.lastSeenMs &&
  a.reportCount === b.reportCount &&
  a.expiresAtMs === b.expiresAtMs &&
  a.sources.join() === b.sources.join() &&
  a.jurisdictions.join() === b.jurisdictions.join();

export interface IndicatorRow {
  key: string;
  kind: IndicatorKind;
  display: string;
  sources: IndicatorSource[];
  scam_type: ScamType;
  risk_level: RiskLevel;
  first_seen: Date;
  last_seen: Date;
  report_count: number;
  jurisdictions: string[];
  expires_at: Date | null;
  revision: number;
}

/** An `indicators` row as the domain sees it (used by every repository reading that table). */
export const toIndicator = (row: IndicatorRow): Indicator & { display: string } => ({
  kind: row.kind,
  key: row.key,
  display: row.display,
  sources: row.sources,
  scamType: row.scam_type,
  riskLevel: row.risk_level,
  firstSeenMs: new Date(row.first_seen).getTime(),
  lastSeenMs: new Date(row.last_seen).getTime(),
  reportCount: row.report_count,
  jurisdictions: row.jurisdictions,
  expiresAtMs: row.expires_at ? new Date(row.expires_at).getTime() : null,
});

export class IntelligenceRepository {
  constructor(private readonly db: Database) {}

  /**
   * Merges a validated batch into the store in one transaction (all or nothing): reports of the same
   * thing add up (see mergeIndicators), feed entries seen before are skipped, and a caveat export
   * (a snapshot) is joined rather than added (see joinExportedState). An indicator the batch leaves
   * as it was is not written at all, so re-importing an export changes nothing, not even revisions.
   */
  async importIndicators(
    records: readonly IndicatorRecord[],
    context: { actor: string; feed: string; format: string },
  ): Promise<{ merged: number; skipped: number; keys: number }> {
    return this.db.transaction((tx) => mergeIndicatorRecords(tx, records, context));
  }

  /** Ends an indicator now (a false report, a recovered site); the record stays for the audit. */
  async expire(key: string, actor: string, now: Date): Promise<boolean> {
    return this.db.transaction((tx) => expireIndicator(tx, key, actor, now));
  }

  /** Indicators changed after a revision, oldest change first, in pages. */
  async changedSince(
    revision: number,
    limit = 50_000,
  ): Promise<{ indicators: Indicator[]; revision: number }> {
    const rows = await this.db.query<IndicatorRow>(
      'SELECT * FROM indicators WHERE revision > $1 ORDER BY revision LIMIT $2',
      [revision, limit],
    );
    return {
      indicators: rows.map(toIndicator),
      revision: rows.length > 0 ? Number(rows[rows.length - 1]?.revision) : revision,
    };
  }

  async all(): Promise<(Indicator & { display: string })[]> {
    return (await this.db.query<IndicatorRow>('SELECT * FROM indicators ORDER BY key')).map(toIndicator);
  }

  async addOfficialChannel(channel: OfficialChannel, actor: string): Promise<void> {
    await this.addOfficialChannels([channel], actor);
  }

  /** A brand's channels in one transaction (binance.com with binance.net, .cloud, .vision). */
  async addOfficialChannels(channels: readonly OfficialChannel[], actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const channel of channels) {
        await tx.query(
          `INSERT INTO official_channels (key, brand, kind, display, distinctive, jurisdiction, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (key) DO UPDATE
             SET brand = EXCLUDED.brand, display = EXCLUDED.display, distinctive = EXCLUDED.distinctive,
                 jurisdiction = EXCLUDED.jurisdiction`,
          [
            channel.key,
            channel.brand,
            channel.kind,
            channel.display,
            channel.distinctive ?? null,
            channel.jurisdiction ?? null,
            actor,
          ],
        );
        await appendAudit(tx, {
          actor,
          action: 'put',
          entity: 'official_channel',
          entityId: channel.key,
          detail: {
            brand: channel.brand,
            ...(channel.distinctive === undefined ? {} : { distinctive: channel.distinctive }),
            ...(channel.jurisdiction === undefined ? {} : { jurisdiction: channel.jurisdiction }),
          },
        });
      }
      await tx.query('SELECT pg_notify($1, $2)', [INTELLIGENCE_CHANGED, 'official_channels']);
    });
  }

  /** Removes one official channel (a retired domain or number); false when there was none. */
  async removeOfficialChannel(key: string, actor: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{ brand: string }>(
        'DELETE FROM official_channels WHERE key = $1 RETURNING brand',
        [key],
      );
      const removed = rows[0];
      if (!removed) return false;
      await appendAudit(tx, {
        actor,
        action: 'delete',
        entity: 'official_channel',
        entityId: key,
        detail: { brand: removed.brand },
      });
      await tx.query('SELECT pg_notify($1, $2)', [INTELLIGENCE_CHANGED, 'official_channels']);
      return true;
    });
  }

  /**
   * Indicators whose key or display contains `q` (case-insensitive), in pages, for the console's
   * search; expired ones are included so a person can see what was ended and when.
   */
  async searchIndicators(options: {
    q: string;
    limit: number;
    offset: number;
  }): Promise<{ indicators: (Indicator & { display: string })[]; total: number }> {
    // LIKE's own wildcards in what a person typed are searched for literally.
    const pattern = `%${options.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const where = "lower(key) LIKE $1 ESCAPE '\\' OR lower(display) LIKE $1 ESCAPE '\\'";
    const [rows, counts] = await Promise.all([
      this.db.query<IndicatorRow>(
        `SELECT * FROM indicators WHERE ${where} ORDER BY last_seen DESC, key LIMIT $2 OFFSET $3`,
        [pattern, options.limit, options.offset],
      ),
      this.db.query<{ total: string | number }>(`SELECT count(*) AS total FROM indicators WHERE ${where}`, [
        pattern,
      ]),
    ]);
    return { indicators: rows.map(toIndicator), total: Number(counts[0]?.total ?? 0) };
  }

  /**
   * Every official channel, or with `jurisdiction` those a person there can rely on: that
   * jurisdiction's own and the exchange's, which are official everywhere.
   */
  async officialChannels(jurisdiction?: string): Promise<OfficialChannel[]> {
    const rows = await this.db.query<{
      key: string;
      brand: string;
      kind: OfficialChannelKind;
      display: string;
      distinctive: boolean | null;
      jurisdiction: string | null;
    }>(
      `SELECT key, brand, kind, display, distinctive, jurisdiction FROM official_channels
       WHERE $1::text IS NULL OR jurisdiction IS NULL OR jurisdiction = $1
       ORDER BY brand, key`,
      [jurisdiction ?? null],
    );
    return rows.map((row) => ({
      key: row.key,
      brand: row.brand,
      kind: row.kind,
      display: row.display,
      ...(row.distinctive === null ? {} : { distinctive: row.distinctive }),
      ...(row.jurisdiction === null ? {} : { jurisdiction: row.jurisdiction }),
    }));
  }
}

/**
 * importIndicators inside the caller's transaction, so a use case that also changes its own rows
 * (confirming a scam-report cluster) commits both or neither; NOTIFYs when any indicator changed.
 */
export async function mergeIndicatorRecords(
  tx: Queryable,
  records: readonly IndicatorRecord[],
  context: { actor: string; feed: string; format: string },
): Promise<{ merged: number; skipped: number; keys: number }> {
  const refs = records.flatMap((r) => (r.ref ? [r.ref] : []));
  const seen = new Set(
    refs.length > 0
      ? (
          await tx.query<{ ref: string }>(
            'SELECT ref FROM indicator_feed_entries WHERE ref = ANY($1::text[])',
            [refs],
          )
        ).map((row) => row.ref)
      : [],
  );
  const fresh = records.filter((r) => !r.ref || !seen.has(r.ref));
  const byKey = new Map<string, IndicatorRecord[]>();
  for (const record of fresh) byKey.set(record.key, [...(byKey.get(record.key) ?? []), record]);
  const keys = [...byKey.keys()];
  let changedKeys = 0;
  let merged = 0;
  for (let i = 0; i < keys.length; i += 5000) {
    const slice = keys.slice(i, i + 5000);
    const existing = new Map(
      (
        await tx.query<IndicatorRow>('SELECT * FROM indicators WHERE key = ANY($1::text[]) FOR UPDATE', [
          slice,
        ])
      ).map((row) => [row.key, toIndicator(row)]),
    );
    const changed: IndicatorRecord[] = [];
    for (const key of slice) {
      const incoming = byKey.get(key) as IndicatorRecord[];
      const known = existing.get(key);
      // In file order, so a snapshot and a report of the same thing combine as they were sent.
      let state: IndicatorRecord | undefined = known;
      for (const record of incoming)
        state = state ? { ...combine(state, record), display: state.display } : record;
      if (!state || (known && sameIndicator(known, state))) continue;
      changed.push(state);
      merged += incoming.length;
    }
    changedKeys += changed.length;
    if (changed.length > 0) await upsert(tx, changed);
  }
  const freshRefs = fresh.flatMap((r) => (r.ref ? [r.ref] : []));
  if (freshRefs.length > 0)
    await tx.query(
      'INSERT INTO indicator_feed_entries (ref) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING',
      [freshRefs],
    );
  const skipped = records.length - merged;
  await appendAudit(tx, {
    actor: context.actor,
    action: 'import',
    entity: 'indicators',
    entityId: context.feed,
    detail: { format: context.format, rows: records.length, merged, skipped, keys: changedKeys },
  });
  if (changedKeys > 0) await tx.query('SELECT pg_notify($1, $2)', [INTELLIGENCE_CHANGED, 'indicators']);
  return { merged, skipped, keys: changedKeys };
}

/** expire() inside the caller's transaction (a dispute decided "delist" with its own rows). */
export async function expireIndicator(
  tx: Queryable,
  key: string,
  actor: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx.query<{ key: string }>(
    `UPDATE indicators SET expires_at = $2, revision = nextval('indicator_revisions') WHERE key = $1 RETURNING key`,
    [key, now],
  );
  if (rows.length === 0) return false;
  await appendAudit(tx, { actor, action: 'expire', entity: 'indicator', entityId: key });
  await tx.query('SELECT pg_notify($1, $2)', [INTELLIGENCE_CHANGED, 'indicators']);
  return true;
}

async function upsert(tx: Queryable, records: readonly IndicatorRecord[]): Promise<void> {
  const rows = records.map((r) => ({
    key: r.key,
    kind: r.kind,
    display: r.display,
    sources: r.sources,
    scam_type: r.scamType,
    risk_level: r.riskLevel,
    first_seen: new Date(r.firstSeenMs).toISOString(),
    last_seen: new Date(r.lastSeenMs).toISOString(),
    report_count: r.reportCount,
    jurisdictions: r.jurisdictions,
    expires_at: r.expiresAtMs === null ? null : new Date(r.expiresAtMs).toISOString(),
  }));
  await tx.query(
    `INSERT INTO indicators (key, kind, display, sources, scam_type, risk_level, first_seen, last_seen, report_count, jurisdictions, expires_at)
     SELECT key, kind, display, sources, scam_type, risk_level, first_seen, last_seen, report_count, jurisdictions, expires_at
     FROM json_to_recordset($1::json) AS x(key text, kind text, display text, sources text[], scam_type text, risk_level text,
       first_seen timestamptz, last_seen timestamptz, report_count integer, jurisdictions text[], expires_at timestamptz)
     ON CONFLICT (key) DO UPDATE SET sources = EXCLUDED.sources, scam_type = EXCLUDED.scam_type,
       risk_level = EXCLUDED.risk_level, first_seen = EXCLUDED.first_seen, last_seen = EXCLUDED.last_seen,
       report_count = EXCLUDED.report_count, jurisdictions = EXCLUDED.jurisdictions, expires_at = EXCLUDED.expires_at,
       revision = nextval('indicator_revisions')`,
    [JSON.stringify(rows)],
  );
}
