/**
 * Publish controls. Which published version is live is now a pointer on the campaign, so a rollback
 * makes an earlier (immutable) version live again without copying it; the optional schedule window
 * belongs to that publish, not to the version (a rolled-back version is not bound by an old window).
 * A paused campaign is out of screening at once and keeps its live version for the resume.
 */
export const publishControls = `
ALTER TABLE campaigns ADD COLUMN live_version integer;
ALTER TABLE campaigns ADD COLUMN live_starts_at timestamptz;
ALTER TABLE campaigns ADD COLUMN live_ends_at timestamptz;
ALTER TABLE campaigns ADD COLUMN paused_at timestamptz;
ALTER TABLE campaigns ADD COLUMN paused_by text;
UPDATE campaigns c SET live_version = (
  SELECT max(v.version) FROM campaign_versions v WHERE v.campaign_id = c.id AND v.state = 'published');
`;
