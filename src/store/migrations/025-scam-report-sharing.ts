/**
 * Which jurisdictions' scam reports the exchange shares with its police partners' reviewers (read
 * only, without reporter data). A row is a decision to share; no row, the default, shares nothing.
 */
export const scamReportSharing = `
CREATE TABLE scam_report_sharing (
  jurisdiction text PRIMARY KEY REFERENCES jurisdictions (code),
  shared_by text NOT NULL,
  shared_at timestamptz NOT NULL DEFAULT now()
);
`;
