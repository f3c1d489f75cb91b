/**
 * The phishing-awareness quiz: one quiz per jurisdiction with versions reviewed like campaign
 * versions (one draft at a time; published versions immutable, enforced here), attempts with the
 * questions they drew, and one answer per question of an attempt. Answers carry the trick and the
 * jurisdiction so "which tricks fool people here" is one indexed GROUP BY.
 */
export const education = `
CREATE TABLE quizzes (
  jurisdiction text PRIMARY KEY REFERENCES jurisdictions(code),
  partner_id text REFERENCES partners(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE quiz_versions (
  jurisdiction text NOT NULL REFERENCES quizzes(jurisdiction),
  version integer NOT NULL,
  state text NOT NULL CHECK (state IN ('draft', 'published')),
  review_state text NOT NULL DEFAULT 'editing' CHECK (review_state IN ('editing', 'approved')),
  spec jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  reviewed_by text,
  reviewed_at timestamptz,
  review_note text,
  published_by text,
  published_at timestamptz,
  PRIMARY KEY (jurisdiction, version)
);
CREATE UNIQUE INDEX quiz_versions_one_draft ON quiz_versions (jurisdiction) WHERE state = 'draft';

CREATE FUNCTION caveat_published_quizzes_are_immutable() RETURNS trigger AS $$
BEGIN
  IF OLD.state = 'published' THEN
    RAISE EXCEPTION 'quiz % version % is published and immutable', OLD.jurisdiction, OLD.version;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER quiz_versions_immutable BEFORE UPDATE OR DELETE ON quiz_versions
  FOR EACH ROW EXECUTE FUNCTION caveat_published_quizzes_are_immutable();

CREATE TABLE quiz_attempts (
  id uuid PRIMARY KEY,
  jurisdiction text NOT NULL,
  quiz_version integer NOT NULL,
  locale text NOT NULL,
  -- The exchange's pseudonymous user, only when it vouched for it (a user token or a decision's
  -- event token); NULL for anonymous attempts, the default.
  user_ref text,
  decision_id text,
  -- The drawn questions and each one's option order, as shown.
  questions jsonb NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (jurisdiction, quiz_version) REFERENCES quiz_versions (jurisdiction, version)
);
CREATE INDEX quiz_attempts_user ON quiz_attempts (jurisdiction, user_ref, started_at) WHERE user_ref IS NOT NULL;

CREATE TABLE quiz_answers (
  attempt_id uuid NOT NULL REFERENCES quiz_attempts(id),
  question_id text NOT NULL,
  option_id text NOT NULL,
  jurisdiction text NOT NULL,
  trick text NOT NULL,
  fooled boolean NOT NULL,
  answered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (attempt_id, question_id)
);
CREATE INDEX quiz_answers_measure ON quiz_answers (jurisdiction, answered_at);
`;
