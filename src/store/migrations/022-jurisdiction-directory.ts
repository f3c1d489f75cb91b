/**
 * A jurisdiction's directory of contacts, resources and statistic values, shared by every locale of
 * its campaigns (src/campaigns/directory.ts). The facts are one jsonb per entry, whose fields
 * depend on the kind; the key is what a campaign item's `ref` names, unique within the jurisdiction.
 */
export const jurisdictionDirectory = `
CREATE TABLE jurisdiction_directory (
  jurisdiction text NOT NULL REFERENCES jurisdictions(code),
  key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('contact', 'resource', 'statistic')),
  facts jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (jurisdiction, key)
);
`;
