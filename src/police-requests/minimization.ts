import type { RelayPolicy } from '../relay/policy.js';
import { disclosableField } from './disclosable-fields.js';

export type FieldVerdict =
  { field: string; allowed: true } | { field: string; allowed: false; reason: string; known: boolean };

/**
 * Whether the agency's policy lets a field be disclosed. No policy at all means no data-sharing
 * agreement: only public facts, everything else needs an override.
 */
export function fieldVerdict(policy: RelayPolicy | null, field: string): FieldVerdict {
  const entry = disclosableField(field);
  if (!entry) return { field, allowed: false, known: false, reason: 'is not a field caveat can disclose' };
  if (entry.governedBy === 'public') return { field, allowed: true };
  if (entry.governedBy === null)
    return {
      field,
      allowed: false,
      known: true,
      reason: 'no data-sharing policy covers it: needs an override',
    };
  if (!policy) return { field, allowed: false, known: true, reason: 'the agency has no data-sharing policy' };
  if (policy.fields.includes(entry.governedBy)) return { field, allowed: true };
  return { field, allowed: false, known: true, reason: "is not allowed by the agency's data-sharing policy" };
}

export interface DisclosureItem {
  subject: string;
  field: string;
}

export interface MinimizationProblem {
  /** Index into the disclose list. */
  index: number;
  field: string;
  message: string;
}

/**
 * Sorts a selection into what may leave: unknown fields and subjects are always refused; a field
 * beyond the policy is refused unless an override is given (`overriding`), and is then marked so it
 * is recorded as overridden.
 */
export function minimize(
  policy: RelayPolicy | null,
  items: readonly DisclosureItem[],
  subjects: ReadonlySet<string>,
  overriding: boolean,
): { problems: MinimizationProblem[]; allowed: (DisclosureItem & { overridden: boolean })[] } {
  const problems: MinimizationProblem[] = [];
  const allowed: (DisclosureItem & { overridden: boolean })[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (!subjects.has(item.subject)) {
      problems.push({ index, field: 'subject', message: 'is not an identifier of this request' });
      return;
    }
    const verdict = fieldVerdict(policy, item.field);
    if (!verdict.allowed && (!verdict.known || !overriding)) {
      problems.push({ index, field: 'field', message: `${item.field} ${verdict.reason}` });
      return;
    }
    const key = `${item.subject}\u0000${item.field}`;
    if (seen.has(key)) {
      problems.push({ index, field: 'field', message: `${item.field} is selected twice for this subject` });
      return;
    }
    seen.add(key);
    allowed.push({ ...item, overridden: !verdict.allowed });
  });
  return { problems, allowed };
}
