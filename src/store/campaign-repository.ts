import type {
  Campaign,
  CampaignVersion,
  Jurisdiction,
  LiveCampaign,
  LiveState,
  Partner,
  ReviewEntry,
  ReviewState,
} from '../campaigns/model.js';
import type { CampaignSpec } from '../campaigns/spec.js';
import { listInWords, localeName } from '../campaigns/locale-names.js';
import type { ApprovalStatement, ReviewStep, TranslationStatus } from '../campaigns/review-model.js';
import { specDigest } from '../campaigns/spec-digest.js';
import { RequestProblem } from '../errors.js';
import { CREDENTIALS_CHANGED } from './credential-changes.js';
import { appendAudit } from './audit-repository.js';
import type { Database, Queryable } from './database.js';
import { publishedSpec } from './directory-repository.js';
import { iso, isoRequired, jsonObject } from './rows.js';
import { readStatuses, recordStep, statusesAfterSave, writeStatuses } from './review-repository.js';

/** Channel on which every instance hears that the set of live campaigns changed. */
export const CAMPAIGNS_CHANGED = 'caveat_campaigns_changed';

interface JurisdictionRow {
  code: string;
  name: string;
  default_locale: string;
  locales: string[];
  locale_fallback: string[] | null;
}
interface PartnerRow {
  id: string;
  name: string;
  jurisdiction: string;
  kind: Partner['kind'];
  website: string | null;
}
interface CampaignRow {
  id: string;
  jurisdiction: string;
  partner_id: string | null;
  name: string;
  demo: boolean;
  retired_at: Date | null;
  live_version: number | null;
  live_starts_at: Date | null;
  live_ends_at: Date | null;
  paused_at: Date | null;
  paused_by: string | null;
}
const CAMPAIGN_COLUMNS =
  'id, jurisdiction, partner_id, name, demo, retired_at, live_version, live_starts_at, live_ends_at, paused_at, paused_by';
interface VersionRow {
  campaign_id: string;
  version: number;
  state: CampaignVersion['state'];
  spec: unknown;
  created_by: string;
  created_at: Date;
  published_by: string | null;
  published_at: Date | null;
  review_state: ReviewState;
  submitted_by: string | null;
  submitted_at: Date | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_note: string | null;
}
interface ReviewRow {
  version: number;
  action: ReviewEntry['action'];
  actor: string;
  at: Date;
  note: string | null;
  locales: string[] | null;
  digest: string | null;
}

const VERSION_COLUMNS = `campaign_id, version, state, spec, created_by, created_at, published_by, published_at,
  review_state, submitted_by, submitted_at, reviewed_by, reviewed_at, review_note`;

const toJurisdiction = (row: JurisdictionRow): Jurisdiction => ({
  code: row.code,
  name: row.name,
  defaultLocale: row.default_locale,
  locales: row.locales,
  localeFallback: row.locale_fallback ?? [],
});
const jurisdictionValues = (j: Jurisdiction) => [
  j.code,
  j.name,
  j.defaultLocale,
  j.locales,
  j.localeFallback ?? [],
];
const JURISDICTION_COLUMNS = 'code, name, default_locale, locales, locale_fallback';
const PARTNER_COLUMNS = 'id, name, jurisdiction, kind, website';
const toPartner = (row: PartnerRow): Partner => ({
  id: row.id,
  name: row.name,
  jurisdiction: row.jurisdiction,
  kind: row.kind,
  website: row.website,
});
const toCampaign = (row: CampaignRow): Campaign => ({
  id: row.id,
  jurisdiction: row.jurisdiction,
  partnerId: row.partner_id,
  name: row.name,
  demo: row.demo,
  retiredAt: iso(row.retired_at),
});
const toVersion = (row: VersionRow): CampaignVersion => ({
  campaignId: row.campaign_id,
  version: row.version,
  state: row.state,
  spec: jsonObject<CampaignSpec>(row.spec),
  createdBy: row.created_by,
  createdAt: isoRequired(row.created_at),
  publishedBy: row.published_by,
  publishedAt: iso(row.published_at),
  review: {
    state: row.review_state,
    submittedBy: row.submitted_by,
    submittedAt: iso(row.submitted_at),
    reviewedBy: row.reviewed_by,
    reviewedAt: iso(row.reviewed_at),
    note: row.review_note,
  },
});

interface LockedDraft {
  version: number;
  review_state: ReviewState;
  spec: unknown;
  submitted_by: string | null;
}

/** An edit of a partner: the website may be left out to keep it. */
export type PartnerEdit = Omit<Partner, 'website'> & { website?: string | null | undefined };

export interface CampaignWithVersions extends Campaign {
  versions: CampaignVersion[];
  /** The published version screening shows (null before the first publish), and its window. */
  live: LiveState | null;
  /** Set while the kill switch holds the campaign out of screening. */
  pausedAt: string | null;
  pausedBy: string | null;
}

/** How a publish is confirmed and scheduled (the HTTP route always confirms; the seed need not). */
export interface PublishOptions {
  /** Every publish needs an approval by someone other than the publisher (PUBLISH_FOUR_EYES). */
  fourEyes?: boolean;
  /** The draft version the publisher saw in the preview; another one is a conflict. */
  version?: number;
  /** The digest of the draft the preview showed (see spec-digest.ts). */
  digest?: string;
  startsAt?: string | null;
  endsAt?: string | null;
}

const controlsOf = (row: CampaignRow) => ({
  live:
    row.live_version === null
      ? null
      : { version: row.live_version, startsAt: iso(row.live_starts_at), endsAt: iso(row.live_ends_at) },
  pausedAt: iso(row.paused_at),
  pausedBy: row.paused_by,
});

/** Jurisdictions, partners and campaigns with their versions; every change is audited. */
export class CampaignRepository {
  constructor(private readonly db: Database) {}

  private readonly stepListeners: ((step: ReviewStep) => void)[] = [];

  /** Called after a review step (submit, approve, changes, publish) committed: the webhook's cue. */
  onReviewStep(listener: (step: ReviewStep) => void): void {
    this.stepListeners.push(listener);
  }

  private emitSteps(steps: ReviewStep[]): void {
    for (const step of steps) for (const listener of this.stepListeners) listener(step);
  }

  async listJurisdictions(): Promise<Jurisdiction[]> {
    const rows = await this.db.query<JurisdictionRow>(
      `SELECT ${JURISDICTION_COLUMNS} FROM jurisdictions ORDER BY code`,
    );
    return rows.map(toJurisdiction);
  }

  async getJurisdiction(code: string): Promise<Jurisdiction | undefined> {
    const rows = await this.db.query<JurisdictionRow>(
      `SELECT ${JURISDICTION_COLUMNS} FROM jurisdictions WHERE code = $1`,
      [code],
    );
    return rows[0] && toJurisdiction(rows[0]);
  }

  /** Adds a jurisdiction; an existing code is a conflict and nothing is written. */
  async createJurisdiction(jurisdiction: Jurisdiction, actor: string): Promise<Jurisdiction> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<JurisdictionRow>(
        `INSERT INTO jurisdictions (code, name, default_locale, locales, locale_fallback)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING RETURNING ${JURISDICTION_COLUMNS}`,
        jurisdictionValues(jurisdiction),
      );
      if (!rows[0])
        throw RequestProblem.conflict('body/code', 'a jurisdiction with this code already exists');
      const after = toJurisdiction(rows[0]);
      await appendAudit(tx, {
        actor,
        action: 'jurisdiction.create',
        entity: 'jurisdiction',
        entityId: after.code,
        detail: { before: null, after: { ...after } },
      });
      await notifyChanged(tx, after.code);
      return after;
    });
  }

  /** Changes an existing jurisdiction; a missing one is a 404 and nothing is written. */
  async updateJurisdiction(jurisdiction: Jurisdiction, actor: string): Promise<Jurisdiction> {
    return this.db.transaction(async (tx) => {
      const found = await tx.query<JurisdictionRow>(
        `SELECT ${JURISDICTION_COLUMNS} FROM jurisdictions WHERE code = $1 FOR UPDATE`,
        [jurisdiction.code],
      );
      if (!found[0]) throw RequestProblem.notFound('params/code', `no jurisdiction ${jurisdiction.code}`);
      const before = toJurisdiction(found[0]);
      // A field the edit leaves out keeps its value.
      const edited = {
        ...jurisdiction,
        localeFallback: jurisdiction.localeFallback ?? before.localeFallback,
      };
      return this.writeJurisdiction(tx, before, edited, 'jurisdiction.update', actor);
    });
  }

  /** Create-or-replace, for the demo seed and fixtures; the API creates and edits separately. */
  async putJurisdiction(jurisdiction: Jurisdiction, actor: string): Promise<Jurisdiction> {
    return this.db.transaction(async (tx) => {
      const found = await tx.query<JurisdictionRow>(
        `SELECT ${JURISDICTION_COLUMNS} FROM jurisdictions WHERE code = $1 FOR UPDATE`,
        [jurisdiction.code],
      );
      return this.writeJurisdiction(
        tx,
        found[0] ? toJurisdiction(found[0]) : null,
        jurisdiction,
        'jurisdiction.put',
        actor,
      );
    });
  }

  private async writeJurisdiction(
    tx: Queryable,
    before: Jurisdiction | null,
    jurisdiction: Jurisdiction,
    action: string,
    actor: string,
  ): Promise<Jurisdiction> {
    const rows = await tx.query<JurisdictionRow>(
      `INSERT INTO jurisdictions (code, name, default_locale, locales, locale_fallback) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO UPDATE SET name = $2, default_locale = $3, locales = $4, locale_fallback = $5,
         updated_at = now()
       RETURNING ${JURISDICTION_COLUMNS}`,
      jurisdictionValues(jurisdiction),
    );
    const after = toJurisdiction(rows[0]!);
    await appendAudit(tx, {
      actor,
      action,
      entity: 'jurisdiction',
      entityId: after.code,
      detail: { before: before && { ...before }, after: { ...after } },
    });
    await notifyChanged(tx, after.code);
    return after;
  }

  async listPartners(jurisdiction?: string): Promise<Partner[]> {
    const rows = await this.db.query<PartnerRow>(
      `SELECT ${PARTNER_COLUMNS} FROM partners
       WHERE ($1::text IS NULL OR jurisdiction = $1) ORDER BY id`,
      [jurisdiction ?? null],
    );
    return rows.map(toPartner);
  }

  async getPartner(id: string): Promise<Partner | undefined> {
    const rows = await this.db.query<PartnerRow>(`SELECT ${PARTNER_COLUMNS} FROM partners WHERE id = $1`, [
      id,
    ]);
    return rows[0] && toPartner(rows[0]);
  }

  /** Adds a partner; an existing id is a conflict and nothing is written (it never renames one). */
  async createPartner(partner: Partner, actor: string): Promise<Partner> {
    await this.requireJurisdiction(partner.jurisdiction, 'body/jurisdiction');
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<PartnerRow>(
        `INSERT INTO partners (id, name, jurisdiction, kind, website) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO NOTHING RETURNING ${PARTNER_COLUMNS}`,
        [partner.id, partner.name, partner.jurisdiction, partner.kind, partner.website],
      );
      if (!rows[0]) throw RequestProblem.conflict('body/id', 'a partner with this id already exists');
      const after = toPartner(rows[0]);
      await appendAudit(tx, {
        actor,
        action: 'partner.create',
        entity: 'partner',
        entityId: after.id,
        detail: { before: null, after: { ...after } },
      });
      return after;
    });
  }

  /** Changes an existing partner; a missing one is a 404 and nothing is written. */
  async updatePartner(partner: PartnerEdit, actor: string): Promise<Partner> {
    await this.requireJurisdiction(partner.jurisdiction, 'body/jurisdiction');
    return this.db.transaction(async (tx) => {
      const found = await tx.query<PartnerRow>(
        `SELECT ${PARTNER_COLUMNS} FROM partners WHERE id = $1 FOR UPDATE`,
        [partner.id],
      );
      if (!found[0]) throw RequestProblem.notFound('params/id', `no partner ${partner.id}`);
      const before = toPartner(found[0]);
      // A website the edit leaves out keeps its value; null clears it.
      const edited = {
        ...partner,
        website: partner.website === undefined ? before.website : partner.website,
      };
      return this.writePartner(tx, before, edited, 'partner.update', actor);
    });
  }

  /** Create-or-replace, for the demo seed and fixtures; the API creates and edits separately. */
  async putPartner(partner: Partner, actor: string): Promise<Partner> {
    await this.requireJurisdiction(partner.jurisdiction, 'body/jurisdiction');
    return this.db.transaction(async (tx) => {
      const found = await tx.query<PartnerRow>(
        `SELECT ${PARTNER_COLUMNS} FROM partners WHERE id = $1 FOR UPDATE`,
        [partner.id],
      );
      return this.writePartner(tx, found[0] ? toPartner(found[0]) : null, partner, 'partner.put', actor);
    });
  }

  private async writePartner(
    tx: Queryable,
    before: Partner | null,
    partner: Partner,
    action: string,
    actor: string,
  ): Promise<Partner> {
    const rows = await tx.query<PartnerRow>(
      `INSERT INTO partners (id, name, jurisdiction, kind, website) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = $2, jurisdiction = $3, kind = $4, website = $5, updated_at = now()
       RETURNING ${PARTNER_COLUMNS}`,
      [partner.id, partner.name, partner.jurisdiction, partner.kind, partner.website],
    );
    const after = toPartner(rows[0]!);
    await appendAudit(tx, {
      actor,
      action,
      entity: 'partner',
      entityId: after.id,
      detail: { before: before && { ...before }, after: { ...after } },
    });
    // Keys bound to this partner carry its jurisdiction in every instance's cache: re-read them.
    await tx.query('SELECT pg_notify($1, $2)', [CREDENTIALS_CHANGED, `partner:${after.id}`]);
    return after;
  }

  async listCampaigns(filter: { jurisdiction?: string | undefined } = {}): Promise<CampaignWithVersions[]> {
    const campaigns = await this.db.query<CampaignRow>(
      `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns
       WHERE ($1::text IS NULL OR jurisdiction = $1) ORDER BY id`,
      [filter.jurisdiction ?? null],
    );
    const versions = await this.db.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS.replace(/(\w+)/g, 'v.$1')}
       FROM campaign_versions v JOIN campaigns c ON c.id = v.campaign_id
       WHERE ($1::text IS NULL OR c.jurisdiction = $1) ORDER BY v.campaign_id, v.version`,
      [filter.jurisdiction ?? null],
    );
    return campaigns.map((row) => ({
      ...toCampaign(row),
      ...controlsOf(row),
      versions: versions.filter((version) => version.campaign_id === row.id).map(toVersion),
    }));
  }

  async getCampaign(id: string): Promise<CampaignWithVersions | undefined> {
    const rows = await this.db.query<CampaignRow>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE id = $1`, [
      id,
    ]);
    const row = rows[0];
    if (!row) return undefined;
    const versions = await this.db.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM campaign_versions WHERE campaign_id = $1 ORDER BY version`,
      [id],
    );
    return { ...toCampaign(row), ...controlsOf(row), versions: versions.map(toVersion) };
  }

  /** Creates a campaign with its first draft. */
  async createCampaign(
    input: {
      id: string;
      jurisdiction: string;
      partnerId: string | null;
      name: string;
      demo: boolean;
      spec: CampaignSpec;
    },
    actor: string,
  ): Promise<CampaignWithVersions> {
    await this.requireJurisdiction(input.jurisdiction, 'body/jurisdiction');
    if (input.partnerId) {
      const partner = await this.getPartner(input.partnerId);
      if (!partner) throw RequestProblem.invalid('body/partnerId', `no partner ${input.partnerId}`);
      if (partner.jurisdiction !== input.jurisdiction) {
        throw RequestProblem.invalid(
          'body/partnerId',
          `partner ${input.partnerId} is not in ${input.jurisdiction}`,
        );
      }
    }
    await this.db.transaction(async (tx) => {
      const existing = await tx.query('SELECT 1 FROM campaigns WHERE id = $1', [input.id]);
      if (existing.length > 0)
        throw RequestProblem.conflict('body/id', `campaign ${input.id} already exists`);
      await tx.query(
        'INSERT INTO campaigns (id, jurisdiction, partner_id, name, demo) VALUES ($1, $2, $3, $4, $5)',
        [input.id, input.jurisdiction, input.partnerId, input.name, input.demo],
      );
      await tx.query(
        `INSERT INTO campaign_versions (campaign_id, version, state, spec, created_by) VALUES ($1, 1, 'draft', $2, $3)`,
        [input.id, JSON.stringify(input.spec), actor],
      );
      // Whoever creates a campaign writes each of its locales: they start translated.
      await writeStatuses(
        tx,
        input.id,
        1,
        new Map(Object.keys(input.spec.content).map((locale) => [locale, 'translated' as const])),
        actor,
      );
      await appendAudit(tx, {
        actor,
        action: 'campaign.create',
        entity: 'campaign',
        entityId: input.id,
        detail: { jurisdiction: input.jurisdiction, partnerId: input.partnerId, name: input.name },
      });
    });
    return this.requireCampaign(input.id);
  }

  /** Saves the draft, starting a new draft version after the last published one if there is none. */
  async saveDraft(campaignId: string, spec: CampaignSpec, actor: string): Promise<CampaignVersion> {
    const version = await this.db.transaction(async (tx) => {
      await this.lockCampaign(tx, campaignId);
      const draft = await tx.query<{ version: number; spec: unknown }>(
        `SELECT version, spec FROM campaign_versions WHERE campaign_id = $1 AND state = 'draft'`,
        [campaignId],
      );
      let number: number;
      let statuses: Map<string, TranslationStatus>;
      if (draft[0]) {
        number = draft[0].version;
        statuses = statusesAfterSave(
          {
            spec: jsonObject<CampaignSpec>(draft[0].spec),
            statuses: await readStatuses(tx, campaignId, number),
          },
          null,
          spec,
        );
        await tx.query(
          `UPDATE campaign_versions SET spec = $3, created_by = $4, updated_at = now(),
             review_state = 'editing', submitted_by = NULL, submitted_at = NULL,
             reviewed_by = NULL, reviewed_at = NULL, review_note = NULL
           WHERE campaign_id = $1 AND version = $2`,
          [campaignId, number, JSON.stringify(spec), actor],
        );
      } else {
        const last = await tx.query<{ max: number | null }>(
          'SELECT max(version) AS max FROM campaign_versions WHERE campaign_id = $1',
          [campaignId],
        );
        number = (last[0]?.max ?? 0) + 1;
        const base = await tx.query<{ spec: unknown }>(
          'SELECT spec FROM campaign_versions WHERE campaign_id = $1 AND version = $2',
          [campaignId, number - 1],
        );
        statuses = statusesAfterSave(null, base[0] ? jsonObject<CampaignSpec>(base[0].spec) : null, spec);
        await tx.query(
          `INSERT INTO campaign_versions (campaign_id, version, state, spec, created_by) VALUES ($1, $2, 'draft', $3, $4)`,
          [campaignId, number, JSON.stringify(spec), actor],
        );
      }
      await writeStatuses(tx, campaignId, number, statuses, actor);
      await appendAudit(tx, {
        actor,
        action: 'campaign.draft.save',
        entity: 'campaign',
        entityId: campaignId,
        detail: { version: number, translation: Object.fromEntries(statuses) },
      });
      return number;
    });
    return this.requireVersion(campaignId, version);
  }

  /**
   * Publishes the current draft and makes it the live version; the published version is immutable
   * from then on. A pause stays in force: publishing is not a way round the kill switch.
   */
  async publish(campaignId: string, actor: string, options: PublishOptions = {}): Promise<CampaignVersion> {
    const { version, step } = await this.db.transaction(async (tx) => {
      const campaign = await this.lockCampaign(tx, campaignId);
      if (campaign.retired_at)
        throw RequestProblem.conflict('params/id', `campaign ${campaignId} is retired`);
      const draft = await this.lockDraftOrNone(tx, campaignId);
      if (!draft)
        throw RequestProblem.conflict('params/id', `campaign ${campaignId} has no draft to publish`);
      if (options.version !== undefined && draft.version !== options.version) {
        throw RequestProblem.conflict(
          'body/version',
          `you confirmed version ${options.version}, but the draft is now version ${draft.version}: open the publish preview again`,
        );
      }
      if (
        options.digest !== undefined &&
        specDigest(jsonObject<CampaignSpec>(draft.spec)) !== options.digest
      ) {
        throw RequestProblem.conflict(
          'body/digest',
          `the draft of ${campaignId} changed after the publish preview you confirmed: open the preview again`,
        );
      }
      const draftSpec = jsonObject<CampaignSpec>(draft.spec);
      const locales = Object.keys(draftSpec.content);
      const statuses = await readStatuses(tx, campaignId, draft.version);
      const untranslated = locales.filter((locale) => statuses.get(locale) === 'untranslated');
      if (untranslated.length > 0) {
        const names = listInWords(untranslated.map((locale) => localeName(locale)));
        throw new RequestProblem(
          'conflict',
          `${names} ${untranslated.length === 1 ? 'is' : 'are'} not translated yet: the text is still a copy of another language. Write it, mark it translated and have it approved before publishing.`,
          untranslated.map((locale) => ({
            field: `translation/${locale}`,
            message: `${localeName(locale)} is marked untranslated`,
          })),
        );
      }
      if (campaign.partner_id || options.fourEyes) {
        // An approval covers each locale by name: one the reviewer did not state is not approved.
        const waiting = locales.filter((locale) => (statuses.get(locale) ?? 'approved') !== 'approved');
        if (draft.review_state === 'approved' && waiting.length > 0) {
          throw new RequestProblem(
            'conflict',
            `${listInWords(waiting.map((locale) => localeName(locale)))} still ${waiting.length === 1 ? 'needs' : 'need'} the reviewer's approval before publishing.`,
            waiting.map((locale) => ({
              field: `translation/${locale}`,
              message: `${localeName(locale)} is not approved`,
            })),
          );
        }
      }
      if (campaign.partner_id && draft.review_state !== 'approved') {
        throw RequestProblem.conflict(
          'params/id',
          `campaign ${campaignId} is written with partner ${campaign.partner_id}: its draft needs the partner's approval before it is published (review is ${draft.review_state})`,
        );
      }
      if (options.fourEyes) {
        if (draft.review_state !== 'approved') {
          throw RequestProblem.conflict(
            'params/id',
            `every publish needs a second person: the draft of ${campaignId} must first be approved by ${campaign.partner_id ? `partner ${campaign.partner_id}'s reviewer` : 'another staff member who may approve'} (review is ${draft.review_state.replace('_', ' ')})`,
          );
        }
        if (draft.reviewed_by === actor) {
          throw new RequestProblem(
            'forbidden',
            `params/id: you approved this draft of ${campaignId} yourself; someone else must publish it, or another person must approve it`,
            [{ field: 'params/id', message: 'the approver and the publisher must be two different people' }],
          );
        }
      }
      // The version keeps the directory's values of this moment: the record of what users are shown.
      const published = await publishedSpec(tx, campaign.jurisdiction, jsonObject<CampaignSpec>(draft.spec));
      await tx.query(
        `UPDATE campaign_versions SET state = 'published', published_by = $3, published_at = now(), updated_at = now(),
           spec = $4
         WHERE campaign_id = $1 AND version = $2`,
        [campaignId, draft.version, actor, JSON.stringify(published)],
      );
      await tx.query(
        `UPDATE campaigns SET live_version = $2, live_starts_at = $3, live_ends_at = $4, updated_at = now()
         WHERE id = $1`,
        [campaignId, draft.version, options.startsAt ?? null, options.endsAt ?? null],
      );
      await appendAudit(tx, {
        actor,
        action: 'campaign.publish',
        entity: 'campaign',
        entityId: campaignId,
        detail: {
          version: draft.version,
          replaces: campaign.live_version,
          ...(options.fourEyes ? { approvedBy: draft.reviewed_by } : {}),
          ...(options.startsAt ? { startsAt: options.startsAt } : {}),
          ...(options.endsAt ? { endsAt: options.endsAt } : {}),
        },
      });
      await notifyChanged(tx, campaignId);
      const step = await recordStep(
        tx,
        {
          event: 'published',
          campaignId,
          campaignName: campaign.name,
          jurisdiction: campaign.jurisdiction,
          partnerId: campaign.partner_id,
          version: draft.version,
          digest: specDigest(draftSpec),
          actor,
          note: null,
          locales,
        },
        { submittedBy: draft.submitted_by, reviewedBy: draft.reviewed_by },
      );
      return { version: draft.version, step };
    });
    this.emitSteps([step]);
    return this.requireVersion(campaignId, version);
  }

  /** The kill switch: out of screening on every replica at the next NOTIFY; the live version stays. */
  async pause(campaignId: string, actor: string, note: string | null): Promise<CampaignWithVersions> {
    await this.db.transaction(async (tx) => {
      const campaign = await this.lockCampaign(tx, campaignId);
      if (campaign.retired_at)
        throw RequestProblem.conflict('params/id', `campaign ${campaignId} is retired`);
      if (campaign.paused_at) return;
      await tx.query(
        'UPDATE campaigns SET paused_at = now(), paused_by = $2, updated_at = now() WHERE id = $1',
        [campaignId, actor],
      );
      await appendAudit(tx, {
        actor,
        action: 'campaign.pause',
        entity: 'campaign',
        entityId: campaignId,
        detail: { liveVersion: campaign.live_version, ...(note ? { note } : {}) },
      });
      await notifyChanged(tx, campaignId);
    });
    return this.requireCampaign(campaignId);
  }

  async resume(campaignId: string, actor: string): Promise<CampaignWithVersions> {
    await this.db.transaction(async (tx) => {
      const campaign = await this.lockCampaign(tx, campaignId);
      if (!campaign.paused_at)
        throw RequestProblem.conflict('params/id', `campaign ${campaignId} is not paused`);
      await tx.query(
        'UPDATE campaigns SET paused_at = NULL, paused_by = NULL, updated_at = now() WHERE id = $1',
        [campaignId],
      );
      await appendAudit(tx, {
        actor,
        action: 'campaign.resume',
        entity: 'campaign',
        entityId: campaignId,
        detail: { liveVersion: campaign.live_version, pausedBy: campaign.paused_by },
      });
      await notifyChanged(tx, campaignId);
    });
    return this.requireCampaign(campaignId);
  }

  /**
   * Makes the published version before the live one live again. Nothing is copied or changed: the
   * decisions that follow name that earlier version, as it is what they show. Its window is cleared,
   * since the window belonged to the publish being undone.
   */
  async rollback(campaignId: string, actor: string): Promise<CampaignWithVersions> {
    await this.db.transaction(async (tx) => {
      const campaign = await this.lockCampaign(tx, campaignId);
      if (campaign.retired_at)
        throw RequestProblem.conflict('params/id', `campaign ${campaignId} is retired`);
      if (campaign.live_version === null)
        throw RequestProblem.conflict('params/id', `campaign ${campaignId} has never been published`);
      const previous = await tx.query<{ version: number }>(
        `SELECT max(version) AS version FROM campaign_versions
         WHERE campaign_id = $1 AND state = 'published' AND version < $2`,
        [campaignId, campaign.live_version],
      );
      const target = previous[0]?.version ?? null;
      if (target === null) {
        throw RequestProblem.conflict(
          'params/id',
          `version ${campaign.live_version} is the first published version of ${campaignId}: there is no earlier one to roll back to (pause the campaign instead)`,
        );
      }
      await tx.query(
        `UPDATE campaigns SET live_version = $2, live_starts_at = NULL, live_ends_at = NULL, updated_at = now()
         WHERE id = $1`,
        [campaignId, target],
      );
      await appendAudit(tx, {
        actor,
        action: 'campaign.rollback',
        entity: 'campaign',
        entityId: campaignId,
        detail: { from: campaign.live_version, to: target },
      });
      await notifyChanged(tx, campaignId);
    });
    return this.requireCampaign(campaignId);
  }

  /** Sends the draft to the partner for review. */
  submitForReview(campaignId: string, actor: string, note: string | null): Promise<CampaignVersion> {
    return this.review(campaignId, actor, note, 'submitted', ['editing', 'changes_requested']);
  }

  /**
   * The partner reviewer approves the draft exactly as it is, locale by locale: the statement names
   * the locales read and the digest of the draft read (another digest is a conflict). The draft is
   * approved once every locale is; saving it again withdraws the approval. Without a statement
   * (seeds, fixtures) every locale is approved as the draft now stands.
   */
  async approve(
    campaignId: string,
    actor: string,
    note: string | null,
    statement?: ApprovalStatement,
  ): Promise<CampaignVersion> {
    const { version, step } = await this.db.transaction(async (tx) => {
      const campaign = await this.lockCampaign(tx, campaignId);
      const draft = await this.lockDraft(tx, campaignId);
      if (draft.review_state !== 'in_review') {
        throw RequestProblem.conflict(
          'params/id',
          `the draft of ${campaignId} is ${draft.review_state.replace('_', ' ')}: it cannot be approved now`,
        );
      }
      const spec = jsonObject<CampaignSpec>(draft.spec);
      const digest = specDigest(spec);
      if (statement && statement.digest !== digest) {
        throw RequestProblem.conflict(
          'body/digest',
          `the draft changed after you read it (you read ${statement.digest.slice(0, 8)}, it is now ${digest.slice(0, 8)}): read it again before approving`,
        );
      }
      const locales = Object.keys(spec.content);
      const chosen = [...new Set(statement?.locales ?? locales)];
      const unknown = chosen.filter((locale) => !locales.includes(locale));
      if (unknown.length > 0)
        throw RequestProblem.invalid(
          'body/locales',
          `the draft has no text in ${listInWords(unknown.map((locale) => localeName(locale)))}`,
        );
      const statuses = await readStatuses(tx, campaignId, draft.version);
      const untranslated = chosen.filter((locale) => statuses.get(locale) === 'untranslated');
      if (untranslated.length > 0) {
        throw RequestProblem.conflict(
          'body/locales',
          `${listInWords(untranslated.map((locale) => localeName(locale)))} is marked untranslated: it cannot be approved until it is written and marked translated`,
        );
      }
      for (const locale of chosen) statuses.set(locale, 'approved');
      for (const locale of locales) if (!statuses.has(locale)) statuses.set(locale, 'translated');
      await writeStatuses(tx, campaignId, draft.version, statuses, actor);
      const complete = locales.every((locale) => statuses.get(locale) === 'approved');
      if (complete) {
        await tx.query(
          `UPDATE campaign_versions SET review_state = 'approved', reviewed_by = $3, reviewed_at = now(),
             review_note = $4, updated_at = now()
           WHERE campaign_id = $1 AND version = $2`,
          [campaignId, draft.version, actor, note],
        );
      }
      await tx.query(
        `INSERT INTO campaign_reviews (campaign_id, version, action, actor, note, locales, digest)
         VALUES ($1, $2, 'approved', $3, $4, $5, $6)`,
        [campaignId, draft.version, actor, note, chosen, digest],
      );
      await appendAudit(tx, {
        actor,
        action: 'campaign.review.approved',
        entity: 'campaign',
        entityId: campaignId,
        detail: {
          version: draft.version,
          locales: chosen,
          digest,
          draftApproved: complete,
          ...(note ? { note } : {}),
        },
      });
      const step = await recordStep(
        tx,
        {
          event: 'approved',
          campaignId,
          campaignName: campaign.name,
          jurisdiction: campaign.jurisdiction,
          partnerId: campaign.partner_id,
          version: draft.version,
          digest,
          actor,
          note,
          locales: chosen,
        },
        { submittedBy: draft.submitted_by, reviewedBy: actor },
      );
      return { version: draft.version, step };
    });
    this.emitSteps([step]);
    return this.requireVersion(campaignId, version);
  }

  requestChanges(campaignId: string, actor: string, note: string): Promise<CampaignVersion> {
    return this.review(campaignId, actor, note, 'changes_requested', ['in_review']);
  }

  async listReviews(campaignId: string): Promise<ReviewEntry[]> {
    const rows = await this.db.query<ReviewRow>(
      'SELECT version, action, actor, at, note, locales, digest FROM campaign_reviews WHERE campaign_id = $1 ORDER BY id',
      [campaignId],
    );
    return rows.map(({ locales, digest, ...row }) => ({
      ...row,
      at: isoRequired(row.at),
      ...(locales ? { locales } : {}),
      ...(digest ? { digest } : {}),
    }));
  }

  private async review(
    campaignId: string,
    actor: string,
    note: string | null,
    action: ReviewEntry['action'],
    allowedFrom: ReviewState[],
  ): Promise<CampaignVersion> {
    const { version, step } = await this.db.transaction(async (tx) => {
      const campaign = await this.lockCampaign(tx, campaignId);
      const draft = await this.lockDraft(tx, campaignId);
      if (!allowedFrom.includes(draft.review_state)) {
        throw RequestProblem.conflict(
          'params/id',
          `the draft of ${campaignId} is ${draft.review_state.replace('_', ' ')}: it cannot be ${action.replace('_', ' ')} now`,
        );
      }
      const state: ReviewState = action === 'submitted' ? 'in_review' : action;
      await tx.query(
        action === 'submitted'
          ? `UPDATE campaign_versions SET review_state = $3, submitted_by = $4, submitted_at = now(),
               reviewed_by = NULL, reviewed_at = NULL, review_note = $5, updated_at = now()
             WHERE campaign_id = $1 AND version = $2`
          : `UPDATE campaign_versions SET review_state = $3, reviewed_by = $4, reviewed_at = now(),
               review_note = $5, updated_at = now()
             WHERE campaign_id = $1 AND version = $2`,
        [campaignId, draft.version, state, actor, note],
      );
      await tx.query(
        'INSERT INTO campaign_reviews (campaign_id, version, action, actor, note) VALUES ($1, $2, $3, $4, $5)',
        [campaignId, draft.version, action, actor, note],
      );
      await appendAudit(tx, {
        actor,
        action: `campaign.review.${action}`,
        entity: 'campaign',
        entityId: campaignId,
        detail: { version: draft.version, ...(note ? { note } : {}) },
      });
      const step = await recordStep(
        tx,
        {
          event: action,
          campaignId,
          campaignName: campaign.name,
          jurisdiction: campaign.jurisdiction,
          partnerId: campaign.partner_id,
          version: draft.version,
          digest: specDigest(jsonObject<CampaignSpec>(draft.spec)),
          actor,
          note,
          locales: null,
        },
        { submittedBy: action === 'submitted' ? actor : draft.submitted_by, reviewedBy: actor },
      );
      return { version: draft.version, step };
    });
    this.emitSteps([step]);
    return this.requireVersion(campaignId, version);
  }

  private async lockDraft(tx: Queryable, campaignId: string): Promise<LockedDraft> {
    const rows = await tx.query<LockedDraft>(
      `SELECT version, review_state, spec, submitted_by FROM campaign_versions
       WHERE campaign_id = $1 AND state = 'draft' FOR UPDATE`,
      [campaignId],
    );
    const draft = rows[0];
    if (!draft) throw RequestProblem.conflict('params/id', `campaign ${campaignId} has no draft`);
    return draft;
  }

  private async lockDraftOrNone(
    tx: Queryable,
    campaignId: string,
  ): Promise<(LockedDraft & { reviewed_by: string | null }) | undefined> {
    const rows = await tx.query<LockedDraft & { reviewed_by: string | null }>(
      `SELECT version, review_state, reviewed_by, submitted_by, spec FROM campaign_versions
       WHERE campaign_id = $1 AND state = 'draft' FOR UPDATE`,
      [campaignId],
    );
    return rows[0];
  }

  /** Takes a campaign out of screening; its versions stay for the record and for reports. */
  async retire(campaignId: string, actor: string): Promise<CampaignWithVersions> {
    await this.db.transaction(async (tx) => {
      const campaign = await this.lockCampaign(tx, campaignId);
      if (campaign.retired_at) return;
      await tx.query('UPDATE campaigns SET retired_at = now(), updated_at = now() WHERE id = $1', [
        campaignId,
      ]);
      await appendAudit(tx, { actor, action: 'campaign.retire', entity: 'campaign', entityId: campaignId });
      await notifyChanged(tx, campaignId);
    });
    return this.requireCampaign(campaignId);
  }

  /** The live version of every campaign that is neither retired nor paused, with its window. */
  async listLive(): Promise<LiveCampaign[]> {
    const rows = await this.db.query<CampaignRow & VersionRow>(
      `SELECT c.id, c.jurisdiction, c.partner_id, c.name, c.demo, c.retired_at,
              c.live_version, c.live_starts_at, c.live_ends_at, c.paused_at, c.paused_by,
              v.campaign_id, v.version, v.state, v.spec, v.created_by, v.created_at, v.published_by, v.published_at
       FROM campaigns c JOIN campaign_versions v
         ON v.campaign_id = c.id AND v.version = c.live_version AND v.state = 'published'
       WHERE c.retired_at IS NULL AND c.paused_at IS NULL
       ORDER BY c.id`,
    );
    return rows.map((row) => ({
      campaign: toCampaign(row),
      version: row.version,
      spec: jsonObject<CampaignSpec>(row.spec),
      publishedAt: isoRequired(row.published_at ?? row.created_at),
      ...(row.live_starts_at ? { startsAtMs: Date.parse(isoRequired(row.live_starts_at)) } : {}),
      ...(row.live_ends_at ? { endsAtMs: Date.parse(isoRequired(row.live_ends_at)) } : {}),
    }));
  }

  private async requireJurisdiction(code: string, field: string): Promise<Jurisdiction> {
    const jurisdiction = await this.getJurisdiction(code);
    if (!jurisdiction) throw RequestProblem.invalid(field, `unknown jurisdiction ${code}`);
    return jurisdiction;
  }

  private async requireCampaign(id: string): Promise<CampaignWithVersions> {
    const campaign = await this.getCampaign(id);
    if (!campaign) throw RequestProblem.notFound('params/id', `no campaign ${id}`);
    return campaign;
  }

  private async requireVersion(campaignId: string, version: number): Promise<CampaignVersion> {
    const campaign = await this.requireCampaign(campaignId);
    const found = campaign.versions.find((candidate) => candidate.version === version);
    if (!found) throw RequestProblem.notFound('version', `no version ${version} of ${campaignId}`);
    return found;
  }

  private async lockCampaign(tx: Queryable, campaignId: string): Promise<CampaignRow> {
    const rows = await tx.query<CampaignRow>(
      `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE id = $1 FOR UPDATE`,
      [campaignId],
    );
    const row = rows[0];
    if (!row) throw RequestProblem.notFound('params/id', `no campaign ${campaignId}`);
    return row;
  }
}

async function notifyChanged(tx: Queryable, what: string): Promise<void> {
  // Delivered at commit, so listeners never reload before the change is visible.
  await tx.query('SELECT pg_notify($1, $2)', [CAMPAIGNS_CHANGED, what]);
}
