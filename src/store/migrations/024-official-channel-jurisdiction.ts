/**
 * Whose official channel a row is: a jurisdiction's own (Singapore's police hotline, its ScamShield
 * site) or, NULL, the exchange's everywhere. A column, not a table: a channel serves one place or all.
 */
export const officialChannelJurisdiction = `
ALTER TABLE official_channels ADD COLUMN jurisdiction text;
CREATE INDEX official_channels_jurisdiction ON official_channels (jurisdiction);
`;
