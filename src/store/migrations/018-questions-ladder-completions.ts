/**
 * Answers to a warning's questions, the exchange's word on whether the money left, and the climbs
 * of the friction ladder. A decision row never changes (what was decided is what was answered);
 * everything that happens to a decision afterwards lands beside it here:
 *
 * - decision_answers: one row per answered question (the client event id is the key, so a retry is
 *   a duplicate; one answer per question and decision).
 * - decision_completions: at most one per decision, from the exchange's backend: whether the
 *   withdrawal completed, and when.
 * - decision_holds: each climb of the ladder (an answer asking for a cooling-off or a review), and
 *   the release by staff, with who released it and why (also in the audit log).
 */
export const questionsLadderCompletions = `
CREATE TABLE decision_answers (
  event_id text PRIMARY KEY,
  decision_id text NOT NULL REFERENCES decisions(id),
  question_id text NOT NULL,
  answer_id text NOT NULL,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (decision_id, question_id)
);

CREATE TABLE decision_completions (
  decision_id text PRIMARY KEY REFERENCES decisions(id),
  event_id text NOT NULL UNIQUE,
  completed boolean NOT NULL,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE decision_holds (
  id bigserial PRIMARY KEY,
  decision_id text NOT NULL REFERENCES decisions(id),
  step text NOT NULL CHECK (step IN ('warn', 'questions', 'cooling_off', 'review')),
  release_at timestamptz,
  cause text NOT NULL CHECK (cause IN ('answer', 'decision')),
  event_id text,
  created_at timestamptz NOT NULL,
  released_at timestamptz,
  released_by text,
  release_note text
);
CREATE INDEX decision_holds_decision ON decision_holds (decision_id, id);
-- The review queue: holds only staff can end, not yet released.
CREATE INDEX decision_holds_waiting ON decision_holds (created_at) WHERE released_at IS NULL AND release_at IS NULL;
`;
