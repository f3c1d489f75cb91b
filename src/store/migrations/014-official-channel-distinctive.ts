/**
 * How the lookalike detector may match an official domain's name: true lets it be found inside
 * other names, false only as a whole name (a common word such as "blockchain"), NULL decides from
 * the English word list. A column, not a table: it belongs to the channel as it was registered.
 */
export const officialChannelDistinctive = `
ALTER TABLE official_channels ADD COLUMN distinctive boolean;
`;
