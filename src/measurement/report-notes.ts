/**
 * The report's notes by kind, with their figures, so a report in another language can word them
 * (report-language.ts); `notes` keeps the English sentences for the API's readers.
 */
export const NOTE_KEYS = [
  'no_data',
  'no_warned',
  'no_holdout',
  'display_low',
  'undisplayed_outcomes',
  'outside_experiment',
  'pooled_shares',
  'srm_assignment',
  'srm_reported',
  'outcome_reporting',
] as const;
export type NoteKey = (typeof NOTE_KEYS)[number];

export interface ReportNote {
  key: NoteKey;
  /** The figures the sentence quotes, by placeholder name. */
  params: Record<string, string | number>;
}
