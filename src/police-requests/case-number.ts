/**
 * The number a victim or officer can quote: `LE-<year>-<six digits>`, the year of receipt and a
 * sequence shared by all agencies (so a number alone names one request).
 */
export function caseNumber(receivedAt: Date, sequence: number): string {
  return `LE-${receivedAt.getUTCFullYear()}-${String(sequence).padStart(6, '0')}`;
}

export const CASE_NUMBER_PATTERN = /^LE-[0-9]{4}-[0-9]{6,}$/;
