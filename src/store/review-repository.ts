import type {
  LocaleStatus,
  ReviewComment,
  ReviewEvent,
  ReviewNotification,
  ReviewStep,
  TranslationStatus,
} from '../campaigns/review-model.js';
import { changeSummary } from '../campaigns/content-diff.js';
import { resolveDirectoryRefs } from '../campaigns/directory-refs.js';
import type { CampaignSpec } from '../campaigns/spec.js';
import { specDigest } from '../campaigns/spec-digest.js';
import type { ReviewState } from '../campaigns/model.js';
import { localeName } from '../campaigns/locale-names.js';
import stableStringify from 'safe-stable-stringify';
import { RequestProblem } from '../errors.js';
import { appendAudit } from './audit-repository.js';
import type { Database, Queryable } from './database.js';
import { loadDirectory } from './directory-repository.js';
import { iso, isoRequired, jsonObject } from './rows.js';

interface StatusRow {
  locale: string;
  status: TranslationStatus;
  updated_by: string;
  updated_at: Date;
}
interface CommentRow {
  id: string;
  campaign_id: string;
  version: number;
  locale: string | null;
  field: string;
  body: string;
  author: string;
  created_at: Date;
}
interface CommentEventRow {
  comment_id: string;
  action: 'resolved' | 'reopened';
  actor: string;
  at: Date;
}
interface NotificationRow {
  id: string;
  event: ReviewEvent;
  campaign_id: string;
  name: string;
  jurisdiction: string;
  version: number;
  actor: string;
  note: string | null;
  created_at: Date;
  read_at: Date | null;
}
interface InboxRow {
  id: string;
  name: string;
  jurisdiction: string;
  partner_id: string | null;
  version: number;
  spec: unknown;
  live_spec: unknown;
  live_version: number | null;
  review_state: ReviewState;
  submitted_by: string | null;
  submitted_at: Date | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_note: string | null;
  unresolved: number | string;
}

/** Who sees which drafts: a reviewer their jurisdiction (and partner); staff everything. */
export interface ReviewerScope {
  jurisdiction: string | null;
  partnerId: string | null;
}

const toStatus = (row: StatusRow): LocaleStatus => ({
  locale: row.locale,
  status: row.status,
  updatedBy: row.updated_by,
  updatedAt: isoRequired(row.updated_at),
});

/** The translation status of each locale of one version, by locale. */
export async function readStatuses(
  db: Queryable,
  campaignId: string,
  version: number,
): Promise<Map<string, TranslationStatus>> {
  const rows = await db.query<StatusRow>(
    'SELECT locale, status, updated_by, updated_at FROM campaign_locale_status WHERE campaign_id = $1 AND version = $2',
    [campaignId, version],
  );
  return new Map(rows.map((row) => [row.locale, row.status]));
}

/** Replaces the statuses of one version: locales not in `statuses` are forgotten. */
export async function writeStatuses(
  tx: Queryable,
  campaignId: string,
  version: number,
  statuses: Map<string, TranslationStatus>,
  actor: string,
): Promise<void> {
  const before = await readStatuses(tx, campaignId, version);
  const gone = [...before.keys()].filter((locale) => !statuses.has(locale));
  if (gone.length > 0)
    await tx.query(
      'DELETE FROM campaign_locale_status WHERE campaign_id = $1 AND version = $2 AND locale = ANY($3::text[])',
      [campaignId, version, gone],
    );
  for (const [locale, status] of statuses) {
    if (before.get(locale) === status) continue;
    await tx.query(
      `INSERT INTO campaign_locale_status (campaign_id, version, locale, status, updated_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (campaign_id, version, locale) DO UPDATE SET status = $4, updated_by = $5, updated_at = now()`,
      [campaignId, version, locale, status, actor],
    );
  }
}

/**
 * The statuses after a save. A locale new to the draft is untranslated (the console starts it as a
 * copy of another locale's text); an approved locale whose text changed goes back to translated;
 * the others keep theirs (compared key-order-free: jsonb does not keep the order it was sent in). A new draft version starts every locale it shares with the version it
 * follows as translated: each needs a fresh approval.
 */
export function statusesAfterSave(
  previous: { spec: CampaignSpec; statuses: Map<string, TranslationStatus> } | null,
  base: CampaignSpec | null,
  next: CampaignSpec,
): Map<string, TranslationStatus> {
  const statuses = new Map<string, TranslationStatus>();
  for (const [locale, content] of Object.entries(next.content)) {
    if (previous) {
      const was = previous.statuses.get(locale);
      const before = previous.spec.content[locale];
      if (was === undefined || before === undefined) statuses.set(locale, 'untranslated');
      else if (was === 'approved' && stableStringify(before) !== stableStringify(content))
        statuses.set(locale, 'translated');
      else statuses.set(locale, was);
    } else {
      statuses.set(locale, base && locale in base.content ? 'translated' : 'untranslated');
    }
  }
  return statuses;
}

/** Who hears of a review step: reviewers of the jurisdiction on submit, the submitter after. */
async function recipientsOf(
  tx: Queryable,
  event: ReviewEvent,
  campaign: { jurisdiction: string; partnerId: string | null },
  draft: { submittedBy: string | null; reviewedBy: string | null },
  actor: string,
): Promise<{ id: string; email: string; name: string }[]> {
  if (event === 'submitted') {
    // A campaign without a partner is approved by a reviewer of its jurisdiction or another admin.
    return tx.query(
      `SELECT id, email, name FROM console_users
       WHERE disabled_at IS NULL AND 'user:' || email <> $3 AND (
         (role = 'partner_reviewer' AND jurisdiction = $1 AND ($2::text IS NULL OR partner_id IS NULL OR partner_id = $2))
         OR ($2::text IS NULL AND role = 'admin'))
       ORDER BY email`,
      [campaign.jurisdiction, campaign.partnerId, actor],
    );
  }
  const concerned = event === 'published' ? [draft.submittedBy, draft.reviewedBy] : [draft.submittedBy];
  return tx.query(
    `SELECT id, email, name FROM console_users
     WHERE disabled_at IS NULL AND 'user:' || email = ANY($1::text[]) AND 'user:' || email <> $2 ORDER BY email`,
    [concerned.filter((who): who is string => who !== null), actor],
  );
}

/** Records the notifications of a step inside its transaction; returns the step for the webhook. */
export async function recordStep(
  tx: Queryable,
  step: Omit<ReviewStep, 'recipients' | 'at'>,
  draft: { submittedBy: string | null; reviewedBy: string | null },
): Promise<ReviewStep> {
  const recipients = await recipientsOf(tx, step.event, step, draft, step.actor);
  for (const recipient of recipients) {
    await tx.query(
      `INSERT INTO review_notifications (recipient, campaign_id, version, event, actor, note)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [recipient.id, step.campaignId, step.version, step.event, step.actor, step.note],
    );
  }
  return { ...step, at: new Date().toISOString(), recipients };
}

/** Translation statuses, comments, notifications and the reviewer inbox; every change audited. */
export class ReviewRepository {
  constructor(private readonly db: Database) {}

  async localeStatuses(campaignId: string, version: number): Promise<LocaleStatus[]> {
    const rows = await this.db.query<StatusRow>(
      `SELECT locale, status, updated_by, updated_at FROM campaign_locale_status
       WHERE campaign_id = $1 AND version = $2 ORDER BY locale`,
      [campaignId, version],
    );
    return rows.map(toStatus);
  }

  /**
   * A translator marks a locale of the draft translated (or untranslated again). Approval is a
   * reviewer's statement, never set here; an approved locale changes only when its text does.
   */
  async setLocaleStatus(
    campaignId: string,
    locale: string,
    status: Exclude<TranslationStatus, 'approved'>,
    actor: string,
  ): Promise<LocaleStatus[]> {
    const version = await this.db.transaction(async (tx) => {
      const drafts = await tx.query<{ version: number }>(
        `SELECT version FROM campaign_versions WHERE campaign_id = $1 AND state = 'draft' FOR UPDATE`,
        [campaignId],
      );
      const draft = drafts[0];
      if (!draft) throw RequestProblem.conflict('params/id', `campaign ${campaignId} has no draft`);
      const statuses = await readStatuses(tx, campaignId, draft.version);
      const current = statuses.get(locale);
      if (current === undefined)
        throw RequestProblem.notFound('params/locale', `the draft has no text in ${localeName(locale)}`);
      if (current === 'approved')
        throw RequestProblem.conflict(
          'params/locale',
          `${localeName(locale)} is approved; editing its text withdraws the approval`,
        );
      if (current === status) return draft.version;
      statuses.set(locale, status);
      await writeStatuses(tx, campaignId, draft.version, statuses, actor);
      await appendAudit(tx, {
        actor,
        action: 'campaign.translation.status',
        entity: 'campaign',
        entityId: campaignId,
        detail: { version: draft.version, locale, before: current, after: status },
      });
      return draft.version;
    });
    return this.localeStatuses(campaignId, version);
  }

  async comments(campaignId: string): Promise<ReviewComment[]> {
    const rows = await this.db.query<CommentRow>(
      `SELECT id::text AS id, campaign_id, version, locale, field, body, author, created_at
       FROM campaign_comments WHERE campaign_id = $1 ORDER BY id`,
      [campaignId],
    );
    const events = await this.db.query<CommentEventRow>(
      `SELECT e.comment_id::text AS comment_id, e.action, e.actor, e.at FROM campaign_comment_events e
       JOIN campaign_comments c ON c.id = e.comment_id WHERE c.campaign_id = $1 ORDER BY e.id`,
      [campaignId],
    );
    return rows.map((row) => {
      const history = events
        .filter((event) => event.comment_id === row.id)
        .map((event) => ({ action: event.action, actor: event.actor, at: isoRequired(event.at) }));
      return {
        id: row.id,
        campaignId: row.campaign_id,
        version: row.version,
        locale: row.locale,
        field: row.field,
        body: row.body,
        author: row.author,
        createdAt: isoRequired(row.created_at),
        resolved: history.at(-1)?.action === 'resolved',
        history,
      };
    });
  }

  /** A comment on a field of the current draft. */
  async addComment(
    campaignId: string,
    input: { locale: string | null; field: string; body: string },
    actor: string,
  ): Promise<ReviewComment> {
    const id = await this.db.transaction(async (tx) => {
      const drafts = await tx.query<{ version: number; spec: unknown }>(
        `SELECT version, spec FROM campaign_versions WHERE campaign_id = $1 AND state = 'draft'`,
        [campaignId],
      );
      const draft = drafts[0];
      if (!draft)
        throw RequestProblem.conflict('params/id', `campaign ${campaignId} has no draft to comment on`);
      const spec = jsonObject<CampaignSpec>(draft.spec);
      if (input.locale !== null && !(input.locale in spec.content))
        throw RequestProblem.invalid('body/locale', `the draft has no text in ${localeName(input.locale)}`);
      const rows = await tx.query<{ id: string }>(
        `INSERT INTO campaign_comments (campaign_id, version, locale, field, body, author)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text AS id`,
        [campaignId, draft.version, input.locale, input.field, input.body, actor],
      );
      const created = rows[0]!.id;
      await appendAudit(tx, {
        actor,
        action: 'campaign.comment.add',
        entity: 'campaign',
        entityId: campaignId,
        detail: {
          version: draft.version,
          comment: created,
          locale: input.locale,
          field: input.field,
          body: input.body,
        },
      });
      return created;
    });
    return this.requireComment(campaignId, id);
  }

  async setResolved(
    campaignId: string,
    commentId: string,
    resolved: boolean,
    actor: string,
  ): Promise<ReviewComment> {
    const found = (await this.comments(campaignId)).find((c) => c.id === commentId);
    if (!found) throw RequestProblem.notFound('params/commentId', `no comment ${commentId} on ${campaignId}`);
    if (found.resolved === resolved) return found;
    await this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO campaign_comment_events (comment_id, action, actor) VALUES ($1, $2, $3)', [
        commentId,
        resolved ? 'resolved' : 'reopened',
        actor,
      ]);
      await appendAudit(tx, {
        actor,
        action: resolved ? 'campaign.comment.resolve' : 'campaign.comment.reopen',
        entity: 'campaign',
        entityId: campaignId,
        detail: { comment: commentId, field: found.field, locale: found.locale },
      });
    });
    return this.requireComment(campaignId, commentId);
  }

  private async requireComment(campaignId: string, id: string): Promise<ReviewComment> {
    const comment = (await this.comments(campaignId)).find((c) => c.id === id);
    if (!comment) throw RequestProblem.notFound('params/commentId', `no comment ${id}`);
    return comment;
  }

  async notifications(
    userId: string,
    limit = 50,
  ): Promise<{ notifications: ReviewNotification[]; unread: number }> {
    const rows = await this.db.query<NotificationRow>(
      `SELECT n.id::text AS id, n.event, n.campaign_id, c.name, c.jurisdiction, n.version, n.actor, n.note,
              n.created_at, n.read_at
       FROM review_notifications n JOIN campaigns c ON c.id = n.campaign_id
       WHERE n.recipient = $1 ORDER BY n.id DESC LIMIT $2`,
      [userId, limit],
    );
    const unread = await this.db.query<{ count: number | string }>(
      'SELECT count(*) AS count FROM review_notifications WHERE recipient = $1 AND read_at IS NULL',
      [userId],
    );
    return {
      notifications: rows.map((row) => ({
        id: row.id,
        event: row.event,
        campaignId: row.campaign_id,
        campaignName: row.name,
        jurisdiction: row.jurisdiction,
        version: row.version,
        actor: row.actor,
        note: row.note,
        createdAt: isoRequired(row.created_at),
        readAt: iso(row.read_at),
      })),
      unread: Number(unread[0]?.count ?? 0),
    };
  }

  /** Marks the given notifications (or all) of this user read; others' stay as they are. */
  async markRead(userId: string, ids: string[] | null): Promise<number> {
    const rows = await this.db.query<{ id: string }>(
      `UPDATE review_notifications SET read_at = now()
       WHERE recipient = $1 AND read_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))
       RETURNING id::text AS id`,
      [userId, ids],
    );
    return rows.length;
  }

  /**
   * Drafts waiting on review in the caller's scope, newest step first: submitted, changes
   * requested, or approved and not yet published; each with what changed against the live version.
   */
  async inbox(scope: ReviewerScope) {
    const rows = await this.db.query<InboxRow>(
      `SELECT c.id, c.name, c.jurisdiction, c.partner_id, v.version, v.spec, l.spec AS live_spec, c.live_version,
              v.review_state, v.submitted_by, v.submitted_at, v.reviewed_by, v.reviewed_at, v.review_note,
              (SELECT count(*) FROM campaign_comments m WHERE m.campaign_id = c.id AND m.version = v.version
                 AND COALESCE((SELECT e.action FROM campaign_comment_events e WHERE e.comment_id = m.id
                               ORDER BY e.id DESC LIMIT 1), 'reopened') <> 'resolved') AS unresolved
       FROM campaigns c
       JOIN campaign_versions v ON v.campaign_id = c.id AND v.state = 'draft'
       LEFT JOIN campaign_versions l ON l.campaign_id = c.id AND l.version = c.live_version
       WHERE c.retired_at IS NULL AND v.review_state IN ('in_review', 'changes_requested', 'approved')
         AND ($1::text IS NULL OR c.jurisdiction = $1)
         AND ($2::text IS NULL OR c.partner_id IS NULL OR c.partner_id = $2)
       ORDER BY COALESCE(v.reviewed_at, v.submitted_at) DESC NULLS LAST, c.id`,
      [scope.jurisdiction, scope.partnerId],
    );
    const items = [];
    for (const row of rows) {
      const spec = jsonObject<CampaignSpec>(row.spec);
      const live = row.live_spec === null ? null : jsonObject<CampaignSpec>(row.live_spec);
      const statuses = await this.localeStatuses(row.id, row.version);
      items.push({
        campaignId: row.id,
        name: row.name,
        jurisdiction: row.jurisdiction,
        partnerId: row.partner_id,
        version: row.version,
        liveVersion: row.live_version,
        digest: specDigest(spec),
        reviewState: row.review_state,
        submittedBy: row.submitted_by,
        submittedAt: iso(row.submitted_at),
        reviewedBy: row.reviewed_by,
        reviewedAt: iso(row.reviewed_at),
        note: row.review_note,
        changes: changeSummary(
          resolveDirectoryRefs(spec, await loadDirectory(this.db, row.jurisdiction)),
          live,
        ),
        locales: statuses.map(({ locale, status }) => ({ locale, status })),
        unresolvedComments: Number(row.unresolved),
      });
    }
    return items;
  }
}
