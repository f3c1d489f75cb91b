import type {
  Quiz,
  QuizReviewState,
  QuizSpec,
  QuizVersion,
  QuizVersionState,
  Trick,
} from '../education/model.js';
import type { AnswerTally, LaterWarning } from '../education/measurement.js';
import { RequestProblem } from '../errors.js';
import { appendAudit } from './audit-repository.js';
import type { Database, Queryable } from './database.js';
import { iso, isoRequired, jsonObject } from './rows.js';

interface VersionRow {
  jurisdiction: string;
  version: number;
  state: QuizVersionState;
  review_state: QuizReviewState;
  spec: unknown;
  created_by: string;
  created_at: Date;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_note: string | null;
  published_by: string | null;
  published_at: Date | null;
}

const VERSION_COLUMNS = `jurisdiction, version, state, review_state, spec, created_by, created_at,
  reviewed_by, reviewed_at, review_note, published_by, published_at`;

const toVersion = (row: VersionRow): QuizVersion => ({
  jurisdiction: row.jurisdiction,
  version: row.version,
  state: row.state,
  reviewState: row.review_state,
  spec: jsonObject<QuizSpec>(row.spec),
  createdBy: row.created_by,
  createdAt: isoRequired(row.created_at),
  reviewedBy: row.reviewed_by,
  reviewedAt: iso(row.reviewed_at),
  reviewNote: row.review_note,
  publishedBy: row.published_by,
  publishedAt: iso(row.published_at),
});

/** The drawn questions of an attempt, as stored: ids and the option order shown. */
export interface StoredAttempt {
  id: string;
  jurisdiction: string;
  quizVersion: number;
  locale: string;
  userRef: string | null;
  decisionId: string | null;
  questions: { id: string; optionOrder: string[] }[];
  startedAt: string;
}

export interface NewAnswer {
  attemptId: string;
  questionId: string;
  optionId: string;
  jurisdiction: string;
  trick: Trick;
  fooled: boolean;
}

export interface StoredAnswer {
  questionId: string;
  optionId: string;
  fooled: boolean;
}

/** Quiz versions and their review, attempts and answers; every staff or partner change is audited. */
export class EducationRepository {
  constructor(private readonly db: Database) {}

  async getQuiz(jurisdiction: string): Promise<Quiz | undefined> {
    const quiz = await this.db.query<{ jurisdiction: string; partner_id: string | null }>(
      'SELECT jurisdiction, partner_id FROM quizzes WHERE jurisdiction = $1',
      [jurisdiction],
    );
    const row = quiz[0];
    if (!row) return undefined;
    const versions = await this.db.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM quiz_versions WHERE jurisdiction = $1 ORDER BY version`,
      [jurisdiction],
    );
    return { jurisdiction: row.jurisdiction, partnerId: row.partner_id, versions: versions.map(toVersion) };
  }

  /** The newest published version, which attempts draw from. */
  async published(jurisdiction: string): Promise<QuizVersion | undefined> {
    const rows = await this.db.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM quiz_versions WHERE jurisdiction = $1 AND state = 'published'
       ORDER BY version DESC LIMIT 1`,
      [jurisdiction],
    );
    return rows[0] && toVersion(rows[0]);
  }

  /**
   * Saves a generated draft (the quiz is created on first use with the partner whose approval it
   * needs). Saving over a draft withdraws its approval, as for campaigns.
   */
  async saveDraft(
    jurisdiction: string,
    partnerId: string | null,
    spec: QuizSpec,
    actor: string,
  ): Promise<QuizVersion> {
    const version = await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO quizzes (jurisdiction, partner_id) VALUES ($1, $2)
         ON CONFLICT (jurisdiction) DO UPDATE SET partner_id = $2`,
        [jurisdiction, partnerId],
      );
      await tx.query('SELECT 1 FROM quizzes WHERE jurisdiction = $1 FOR UPDATE', [jurisdiction]);
      const draft = await tx.query<{ version: number }>(
        `SELECT version FROM quiz_versions WHERE jurisdiction = $1 AND state = 'draft'`,
        [jurisdiction],
      );
      let number = draft[0]?.version;
      if (number !== undefined) {
        await tx.query(
          `UPDATE quiz_versions SET spec = $3, created_by = $4, created_at = now(), review_state = 'editing',
             reviewed_by = NULL, reviewed_at = NULL, review_note = NULL
           WHERE jurisdiction = $1 AND version = $2`,
          [jurisdiction, number, JSON.stringify(spec), actor],
        );
      } else {
        const last = await tx.query<{ max: number | null }>(
          'SELECT max(version) AS max FROM quiz_versions WHERE jurisdiction = $1',
          [jurisdiction],
        );
        number = (last[0]?.max ?? 0) + 1;
        await tx.query(
          `INSERT INTO quiz_versions (jurisdiction, version, state, spec, created_by) VALUES ($1, $2, 'draft', $3, $4)`,
          [jurisdiction, number, JSON.stringify(spec), actor],
        );
      }
      await appendAudit(tx, {
        actor,
        action: 'quiz.draft.save',
        entity: 'quiz',
        entityId: jurisdiction,
        detail: { version: number, questions: spec.questions.length, partnerId },
      });
      return number;
    });
    return this.requireVersion(jurisdiction, version);
  }

  /** The partner's reviewer approves the draft exactly as it is. */
  async approve(jurisdiction: string, actor: string, note: string | null): Promise<QuizVersion> {
    const version = await this.db.transaction(async (tx) => {
      const draft = await this.lockDraft(tx, jurisdiction);
      if (draft.review_state === 'approved')
        throw RequestProblem.conflict(
          'params/jurisdiction',
          `the quiz draft of ${jurisdiction} is already approved`,
        );
      await tx.query(
        `UPDATE quiz_versions SET review_state = 'approved', reviewed_by = $3, reviewed_at = now(), review_note = $4
         WHERE jurisdiction = $1 AND version = $2`,
        [jurisdiction, draft.version, actor, note],
      );
      await appendAudit(tx, {
        actor,
        action: 'quiz.review.approved',
        entity: 'quiz',
        entityId: jurisdiction,
        detail: { version: draft.version, ...(note ? { note } : {}) },
      });
      return draft.version;
    });
    return this.requireVersion(jurisdiction, version);
  }

  /** Publishes the draft; with a partner named, only once the partner approved it. */
  async publish(jurisdiction: string, actor: string): Promise<QuizVersion> {
    const version = await this.db.transaction(async (tx) => {
      const quiz = await tx.query<{ partner_id: string | null }>(
        'SELECT partner_id FROM quizzes WHERE jurisdiction = $1 FOR UPDATE',
        [jurisdiction],
      );
      if (!quiz[0]) throw RequestProblem.notFound('params/jurisdiction', `no quiz for ${jurisdiction}`);
      const draft = await this.lockDraft(tx, jurisdiction);
      const partner = quiz[0].partner_id;
      if (partner && draft.review_state !== 'approved')
        throw RequestProblem.conflict(
          'params/jurisdiction',
          `the quiz of ${jurisdiction} is written with partner ${partner}: its draft needs the partner's approval before it is published`,
        );
      await tx.query(
        `UPDATE quiz_versions SET state = 'published', published_by = $3, published_at = now()
         WHERE jurisdiction = $1 AND version = $2`,
        [jurisdiction, draft.version, actor],
      );
      await appendAudit(tx, {
        actor,
        action: 'quiz.publish',
        entity: 'quiz',
        entityId: jurisdiction,
        detail: { version: draft.version },
      });
      return draft.version;
    });
    return this.requireVersion(jurisdiction, version);
  }

  /** Records a new attempt; an id already used is refused and nothing is written. */
  async startAttempt(attempt: Omit<StoredAttempt, 'startedAt'>): Promise<StoredAttempt> {
    const rows = await this.db.query<{ started_at: Date }>(
      `INSERT INTO quiz_attempts (id, jurisdiction, quiz_version, locale, user_ref, decision_id, questions)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING RETURNING started_at`,
      [
        attempt.id,
        attempt.jurisdiction,
        attempt.quizVersion,
        attempt.locale,
        attempt.userRef,
        attempt.decisionId,
        JSON.stringify(attempt.questions),
      ],
    );
    if (!rows[0])
      throw RequestProblem.conflict(
        'body/attemptId',
        'this attempt id was already used; start again with a new one',
      );
    return { ...attempt, startedAt: isoRequired(rows[0].started_at) };
  }

  async getAttempt(id: string): Promise<StoredAttempt | undefined> {
    const rows = await this.db.query<{
      id: string;
      jurisdiction: string;
      quiz_version: number;
      locale: string;
      user_ref: string | null;
      decision_id: string | null;
      questions: unknown;
      started_at: Date;
    }>(
      `SELECT id, jurisdiction, quiz_version, locale, user_ref, decision_id, questions, started_at
       FROM quiz_attempts WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    return (
      row && {
        id: row.id,
        jurisdiction: row.jurisdiction,
        quizVersion: row.quiz_version,
        locale: row.locale,
        userRef: row.user_ref,
        decisionId: row.decision_id,
        questions: jsonObject<StoredAttempt['questions']>(row.questions),
        startedAt: isoRequired(row.started_at),
      }
    );
  }

  async answers(attemptId: string): Promise<StoredAnswer[]> {
    const rows = await this.db.query<{ question_id: string; option_id: string; fooled: boolean }>(
      'SELECT question_id, option_id, fooled FROM quiz_answers WHERE attempt_id = $1 ORDER BY answered_at, question_id',
      [attemptId],
    );
    return rows.map((r) => ({ questionId: r.question_id, optionId: r.option_id, fooled: r.fooled }));
  }

  /**
   * Records an answer once. The same answer again is a duplicate (a retry); another answer to a
   * question already answered is refused, so a score cannot be improved after the explanation.
   */
  async recordAnswer(answer: NewAnswer): Promise<'accepted' | 'duplicate'> {
    const inserted = await this.db.query(
      `INSERT INTO quiz_answers (attempt_id, question_id, option_id, jurisdiction, trick, fooled)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (attempt_id, question_id) DO NOTHING RETURNING 1`,
      [
        answer.attemptId,
        answer.questionId,
        answer.optionId,
        answer.jurisdiction,
        answer.trick,
        answer.fooled,
      ],
    );
    if (inserted.length > 0) return 'accepted';
    const existing = await this.db.query<{ option_id: string }>(
      'SELECT option_id FROM quiz_answers WHERE attempt_id = $1 AND question_id = $2',
      [answer.attemptId, answer.questionId],
    );
    if (existing[0]?.option_id === answer.optionId) return 'duplicate';
    throw RequestProblem.conflict(
      'body/questionId',
      'this question was already answered with another option',
    );
  }

  /** Answers counted per jurisdiction and question in a period. */
  async answerTallies(filter: {
    jurisdiction?: string | undefined;
    from: Date;
    to: Date;
  }): Promise<AnswerTally[]> {
    const rows = await this.db.query<{
      jurisdiction: string;
      question_id: string;
      trick: Trick;
      answered: string | number;
      fooled: string | number;
    }>(
      `SELECT jurisdiction, question_id, trick, count(*) AS answered, count(*) FILTER (WHERE fooled) AS fooled
       FROM quiz_answers
       WHERE ($1::text IS NULL OR jurisdiction = $1) AND answered_at >= $2 AND answered_at < $3
       GROUP BY jurisdiction, question_id, trick`,
      [filter.jurisdiction ?? null, filter.from, filter.to],
    );
    return rows.map((r) => ({
      jurisdiction: r.jurisdiction,
      questionId: r.question_id,
      trick: r.trick,
      answered: Number(r.answered),
      fooled: Number(r.fooled),
    }));
  }

  /**
   * Each warned user's first decided warning in the period: after their first answered quiz for
   * those who took one, the first in the period for the others.
   */
  async laterWarnings(filter: { jurisdiction: string; since: Date; to: Date }): Promise<LaterWarning[]> {
    const rows = await this.db.query<{ user_ref: string; took: boolean; outcome: string }>(
      `WITH takers AS (
         SELECT a.user_ref, min(a.started_at) AS first_at FROM quiz_attempts a
         WHERE a.jurisdiction = $1 AND a.user_ref IS NOT NULL
           AND EXISTS (SELECT 1 FROM quiz_answers q WHERE q.attempt_id = a.id)
         GROUP BY a.user_ref
       )
       SELECT DISTINCT ON (d.user_ref) d.user_ref, (t.user_ref IS NOT NULL) AS took, o.outcome
       FROM decisions d
       JOIN outcomes o ON o.decision_id = d.id AND o.outcome IS NOT NULL
       LEFT JOIN takers t ON t.user_ref = d.user_ref
       WHERE d.jurisdiction = $1 AND d.decision IN ('warn', 'hold')
         AND d.created_at >= $2 AND d.created_at < $3
         AND (t.first_at IS NULL OR d.created_at > t.first_at)
       ORDER BY d.user_ref, d.created_at`,
      [filter.jurisdiction, filter.since, filter.to],
    );
    return rows.map((r) => ({
      userRef: r.user_ref,
      tookQuiz: r.took,
      protected: r.outcome === 'cancelled' || r.outcome === 'verified',
    }));
  }

  /** Each warned user's first decided warning in the period, whoever they are (for the experiment). */
  async firstWarnings(filter: {
    jurisdiction: string;
    since: Date;
    to: Date;
  }): Promise<Omit<LaterWarning, 'tookQuiz'>[]> {
    const rows = await this.db.query<{ user_ref: string; outcome: string }>(
      `SELECT DISTINCT ON (d.user_ref) d.user_ref, o.outcome
       FROM decisions d JOIN outcomes o ON o.decision_id = d.id AND o.outcome IS NOT NULL
       WHERE d.jurisdiction = $1 AND d.decision IN ('warn', 'hold') AND d.created_at >= $2 AND d.created_at < $3
       ORDER BY d.user_ref, d.created_at`,
      [filter.jurisdiction, filter.since, filter.to],
    );
    return rows.map((r) => ({
      userRef: r.user_ref,
      protected: r.outcome === 'cancelled' || r.outcome === 'verified',
    }));
  }

  /** The user and jurisdiction of a decision, for an attempt started from its warning. */
  async decisionUser(decisionId: string): Promise<{ userRef: string; jurisdiction: string } | undefined> {
    const rows = await this.db.query<{ user_ref: string; jurisdiction: string }>(
      'SELECT user_ref, jurisdiction FROM decisions WHERE id = $1',
      [decisionId],
    );
    return rows[0] && { userRef: rows[0].user_ref, jurisdiction: rows[0].jurisdiction };
  }

  private async lockDraft(
    tx: Queryable,
    jurisdiction: string,
  ): Promise<{ version: number; review_state: QuizReviewState }> {
    const rows = await tx.query<{ version: number; review_state: QuizReviewState }>(
      `SELECT version, review_state FROM quiz_versions WHERE jurisdiction = $1 AND state = 'draft' FOR UPDATE`,
      [jurisdiction],
    );
    if (!rows[0])
      throw RequestProblem.conflict('params/jurisdiction', `the quiz of ${jurisdiction} has no draft`);
    return rows[0];
  }

  private async requireVersion(jurisdiction: string, version: number): Promise<QuizVersion> {
    const rows = await this.db.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM quiz_versions WHERE jurisdiction = $1 AND version = $2`,
      [jurisdiction, version],
    );
    if (!rows[0]) throw RequestProblem.notFound('version', `no quiz version ${version} of ${jurisdiction}`);
    return toVersion(rows[0]);
  }
}
