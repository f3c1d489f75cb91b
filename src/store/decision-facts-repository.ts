import type { LadderStepKey } from '../campaigns/spec.js';
import type { DecisionFact } from '../measurement/pilot-number.js';
import type { Outcome } from '../measurement/outcome.js';
import type { ReportFilter } from '../measurement/report-model.js';
import type { Database, SqlValue } from './database.js';
import { iso, isoRequired } from './rows.js';

interface FactRow {
  id: string;
  user_ref: string;
  created_at: Date;
  arm: 'treatment' | 'holdout';
  outcome: Outcome | null;
  withdrew: boolean | null;
  first_check_opened_at: Date | null;
  completed: boolean | null;
  answer_path: string | null;
  step: LadderStepKey | null;
  presentation: string | null;
  displayed: boolean;
}

/**
 * Decision by decision, what the pilot's number needs: who, which arm, the outcome, the exchange's
 * completion, the answers, the ladder step and the presentation. Unlike the rollups this reads one
 * row per decision of the selection (users are counted once each, which no daily sum can do); the
 * campaign index keeps it to the campaign's own decisions.
 */
export class DecisionFactsRepository {
  constructor(private readonly db: Database) {}

  async facts(filter: ReportFilter): Promise<DecisionFact[]> {
    const conditions = ['d.campaign_id IS NOT NULL', 'd.superseded_by IS NULL', 'd.arm IS NOT NULL'];
    const params: SqlValue[] = [];
    const add = (sql: string, value: SqlValue) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.campaign !== undefined) add('d.campaign_id = ?', filter.campaign);
    if (filter.jurisdiction !== undefined) add('d.jurisdiction = ?', filter.jurisdiction);
    if (filter.version !== undefined) add('d.campaign_version = ?', filter.version);
    if (filter.variant !== undefined) add("(d.variant = ? OR d.arm = 'holdout')", filter.variant);
    if (filter.locale !== undefined) add('d.locale = ?', filter.locale);
    if (filter.asset !== undefined) add('d.asset = ?', filter.asset);
    if (filter.amountBand !== undefined) add('caveat_amount_band(d.amount_usd) = ?', filter.amountBand);
    if (filter.from !== undefined) add("(d.created_at AT TIME ZONE 'UTC')::date >= ?::date", filter.from);
    if (filter.to !== undefined) add("(d.created_at AT TIME ZONE 'UTC')::date <= ?::date", filter.to);
    const rows = await this.db.query<FactRow>(
      `SELECT d.id, d.user_ref, d.created_at, d.arm, o.outcome, o.withdrew, o.first_check_opened_at,
         c.completed,
         (SELECT string_agg(a.question_id || '=' || a.answer_id, ' & ' ORDER BY a.occurred_at, a.question_id)
            FROM decision_answers a WHERE a.decision_id = d.id) AS answer_path,
         coalesce((SELECT h.step FROM decision_holds h WHERE h.decision_id = d.id ORDER BY h.id DESC LIMIT 1),
           d.response->>'step') AS step,
         d.response->'presentation'->>'key' AS presentation,
         o.displayed_at IS NOT NULL AS displayed
       FROM decisions d
       LEFT JOIN outcomes o ON o.decision_id = d.id
       LEFT JOIN decision_completions c ON c.decision_id = d.id
       WHERE ${conditions.join(' AND ')}
       ORDER BY d.created_at, d.id`,
      params,
    );
    return rows.map((row) => ({
      decisionId: row.id,
      userRef: row.user_ref,
      createdAt: isoRequired(row.created_at),
      arm: row.arm,
      outcome: row.outcome,
      withdrew: row.withdrew,
      checkedAt: iso(row.first_check_opened_at),
      completed: row.completed,
      answerPath: row.answer_path,
      step: row.step,
      presentation: row.presentation,
      displayed: row.displayed,
    }));
  }
}
