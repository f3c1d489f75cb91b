import {
  checkEntry,
  type DirectoryEntry,
  type DirectoryFacts,
  type DirectoryKind,
  type NewDirectoryEntry,
} from '../campaigns/directory.js';
import { refsOf, resolveDirectoryRefs } from '../campaigns/directory-refs.js';
import type { CampaignSpec } from '../campaigns/spec.js';
import { RequestProblem } from '../errors.js';
import { appendAudit } from './audit-repository.js';
import type { Database, Queryable } from './database.js';
import { isoRequired, jsonObject } from './rows.js';

interface EntryRow {
  jurisdiction: string;
  key: string;
  kind: DirectoryKind;
  facts: unknown;
  updated_at: Date;
}
const COLUMNS = 'jurisdiction, key, kind, facts, updated_at';

const toEntry = (row: EntryRow): DirectoryEntry => ({
  jurisdiction: row.jurisdiction,
  key: row.key,
  kind: row.kind,
  ...jsonObject<DirectoryFacts>(row.facts),
  updatedAt: isoRequired(row.updated_at),
});

/** What the audit log keeps of an entry: its facts, not when the row was touched. */
const audited = (entry: DirectoryEntry) => {
  const { updatedAt: _updatedAt, ...rest } = entry;
  return rest;
};

/** The stored facts: only those of the kind (checkEntry refused others), a resource always marked. */
function storedFacts(kind: DirectoryKind, facts: DirectoryFacts): DirectoryFacts {
  const problems = checkEntry(kind, facts);
  if (problems.length > 0) {
    throw new RequestProblem(
      'invalid',
      problems.map((p) => `body/${p.field}: ${p.message}`).join('; '),
      problems.map((p) => ({ field: `body/${p.field}`, message: p.message })),
    );
  }
  return kind === 'resource' ? { ...facts, checkBeforeSend: facts.checkBeforeSend ?? false } : facts;
}

/** The directory of one jurisdiction, by key; for the spec rules, the preview and the publish. */
export async function loadDirectory(db: Queryable, jurisdiction: string): Promise<DirectoryEntry[]> {
  const rows = await db.query<EntryRow>(
    `SELECT ${COLUMNS} FROM jurisdiction_directory WHERE jurisdiction = $1 ORDER BY kind, key`,
    [jurisdiction],
  );
  return rows.map(toEntry);
}

/**
 * The spec a publish stores: the directory's facts of this moment written in beside each ref. A ref
 * the directory no longer has (removed while the draft was being saved) is refused, not published
 * without its number.
 */
export async function publishedSpec(
  tx: Queryable,
  jurisdiction: string,
  spec: CampaignSpec,
): Promise<CampaignSpec> {
  const directory = await loadDirectory(tx, jurisdiction);
  const known = new Set(directory.map((entry) => entry.key));
  const missing = [...refsOf(spec)].filter((key) => !known.has(key));
  if (missing.length > 0) {
    throw RequestProblem.conflict(
      'params/id',
      `the draft refers to ${missing.join(', ')}, which the directory no longer has: choose another entry and save the draft`,
    );
  }
  return resolveDirectoryRefs(spec, directory);
}

/** Every change is audited with the entry before and after, in the same transaction. */
export class DirectoryRepository {
  constructor(private readonly db: Database) {}

  list(jurisdiction: string): Promise<DirectoryEntry[]> {
    return loadDirectory(this.db, jurisdiction);
  }

  /** Adds an entry; an existing key is a conflict and nothing is written (it never overwrites). */
  async create(jurisdiction: string, input: NewDirectoryEntry, actor: string): Promise<DirectoryEntry> {
    const { key, kind, ...facts } = input;
    const stored = storedFacts(kind, facts);
    return this.db.transaction(async (tx) => {
      await requireJurisdiction(tx, jurisdiction);
      const rows = await tx.query<EntryRow>(
        `INSERT INTO jurisdiction_directory (jurisdiction, key, kind, facts) VALUES ($1, $2, $3, $4)
         ON CONFLICT (jurisdiction, key) DO NOTHING RETURNING ${COLUMNS}`,
        [jurisdiction, key, kind, JSON.stringify(stored)],
      );
      if (!rows[0])
        throw RequestProblem.conflict('body/key', 'an entry with this key is already in the directory');
      const after = toEntry(rows[0]);
      await appendAudit(tx, {
        actor,
        action: 'directory.create',
        entity: 'directory',
        entityId: `${jurisdiction}/${key}`,
        detail: { before: null, after: audited(after) },
      });
      return after;
    });
  }

  /** Replaces an entry's facts (its kind stays: campaigns refer to it as that kind). */
  async update(
    jurisdiction: string,
    key: string,
    facts: DirectoryFacts,
    actor: string,
  ): Promise<DirectoryEntry> {
    return this.db.transaction(async (tx) => {
      const before = await lockEntry(tx, jurisdiction, key);
      const rows = await tx.query<EntryRow>(
        `UPDATE jurisdiction_directory SET facts = $3, updated_at = now()
         WHERE jurisdiction = $1 AND key = $2 RETURNING ${COLUMNS}`,
        [jurisdiction, key, JSON.stringify(storedFacts(before.kind, facts))],
      );
      const after = toEntry(rows[0]!);
      await appendAudit(tx, {
        actor,
        action: 'directory.update',
        entity: 'directory',
        entityId: `${jurisdiction}/${key}`,
        detail: { before: audited(before), after: audited(after) },
      });
      return after;
    });
  }

  /**
   * Removes an entry no draft refers to. Published versions hold their own copy of the values, so
   * they are unaffected; a draft that still refers to it would no longer be valid, so that is refused.
   */
  async remove(jurisdiction: string, key: string, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const before = await lockEntry(tx, jurisdiction, key);
      const drafts = await tx.query<{ campaign_id: string; spec: unknown }>(
        `SELECT v.campaign_id, v.spec FROM campaign_versions v JOIN campaigns c ON c.id = v.campaign_id
         WHERE c.jurisdiction = $1 AND v.state = 'draft' ORDER BY v.campaign_id`,
        [jurisdiction],
      );
      const using = drafts
        .filter((row) => refsOf(jsonObject<CampaignSpec>(row.spec)).has(key))
        .map((row) => row.campaign_id);
      if (using.length > 0) {
        throw RequestProblem.conflict(
          'params/key',
          using.length === 1
            ? `the draft of ${using[0]} uses this entry: choose another entry there first`
            : `the drafts of ${using.slice(0, -1).join(', ')} and ${using.at(-1)} use this entry: choose another entry there first`,
        );
      }
      await tx.query('DELETE FROM jurisdiction_directory WHERE jurisdiction = $1 AND key = $2', [
        jurisdiction,
        key,
      ]);
      await appendAudit(tx, {
        actor,
        action: 'directory.remove',
        entity: 'directory',
        entityId: `${jurisdiction}/${key}`,
        detail: { before: audited(before), after: null },
      });
    });
  }
}

async function requireJurisdiction(tx: Queryable, code: string): Promise<void> {
  const rows = await tx.query<{ code: string }>('SELECT code FROM jurisdictions WHERE code = $1', [code]);
  if (!rows[0]) throw RequestProblem.notFound('params/code', `no jurisdiction ${code}`);
}

async function lockEntry(tx: Queryable, jurisdiction: string, key: string): Promise<DirectoryEntry> {
  const rows = await tx.query<EntryRow>(
    `SELECT ${COLUMNS} FROM jurisdiction_directory WHERE jurisdiction = $1 AND key = $2 FOR UPDATE`,
    [jurisdiction, key],
  );
  if (!rows[0])
    throw RequestProblem.notFound('params/key', `no entry ${key} in the directory of ${jurisdiction}`);
  return toEntry(rows[0]);
}
