/**
 * Review (issue 15): a translation status per draft and locale, approval statements that name the
 * locales and the digest they cover, comments on a field, and notifications of review steps.
 *
 * The status lives beside the version, not in its spec, so marking a locale translated does not
 * change the digest a reviewer approved. Existing locales migrate as translated; those of published
 * versions and of drafts already approved as approved, so nothing approved before is stranded.
 */
export const review = `
CREATE TABLE campaign_locale_status (
  campaign_id text NOT NULL,
  version integer NOT NULL,
  locale text NOT NULL,
  status text NOT NULL CHECK (status IN ('untranslated', 'translated', 'approved')),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, version, locale),
  FOREIGN KEY (campaign_id, version) REFERENCES campaign_versions (campaign_id, version)
);
INSERT INTO campaign_locale_status (campaign_id, version, locale, status, updated_by)
  SELECT v.campaign_id, v.version, l.locale,
         CASE WHEN v.state = 'published' OR v.review_state = 'approved' THEN 'approved' ELSE 'translated' END,
         'migration:023'
  FROM campaign_versions v CROSS JOIN LATERAL jsonb_object_keys(v.spec -> 'content') AS l(locale);

-- What an approval covered: the locales the reviewer read and the digest of the draft they read.
ALTER TABLE campaign_reviews ADD COLUMN locales text[];
ALTER TABLE campaign_reviews ADD COLUMN digest text;

-- Comments on one field of one locale (or of the settings, locale NULL). Append-only: resolving
-- or reopening is a new row in campaign_comment_events, so the history stays readable.
CREATE TABLE campaign_comments (
  id bigserial PRIMARY KEY,
  campaign_id text NOT NULL REFERENCES campaigns(id),
  version integer NOT NULL,
  locale text,
  field text NOT NULL,
  body text NOT NULL,
  author text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (campaign_id, version) REFERENCES campaign_versions (campaign_id, version)
);
CREATE INDEX campaign_comments_campaign ON campaign_comments (campaign_id, id);
CREATE TABLE campaign_comment_events (
  id bigserial PRIMARY KEY,
  comment_id bigint NOT NULL REFERENCES campaign_comments(id),
  action text NOT NULL CHECK (action IN ('resolved', 'reopened')),
  actor text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaign_comment_events_comment ON campaign_comment_events (comment_id, id);
CREATE FUNCTION caveat_campaign_comments_are_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER campaign_comments_append_only BEFORE UPDATE OR DELETE ON campaign_comments
  FOR EACH ROW EXECUTE FUNCTION caveat_campaign_comments_are_append_only();
CREATE TRIGGER campaign_comment_events_append_only BEFORE UPDATE OR DELETE ON campaign_comment_events
  FOR EACH ROW EXECUTE FUNCTION caveat_campaign_comments_are_append_only();

-- One row per person told of a review step (submit, approve, changes requested, publish).
CREATE TABLE review_notifications (
  id bigserial PRIMARY KEY,
  recipient text NOT NULL REFERENCES console_users(id),
  campaign_id text NOT NULL REFERENCES campaigns(id),
  version integer NOT NULL,
  event text NOT NULL CHECK (event IN ('submitted', 'approved', 'changes_requested', 'published')),
  actor text NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX review_notifications_recipient ON review_notifications (recipient, id);
`;
