import { errorMessage } from '../api.js';
import { normalizeField, problemsOf } from '../components/problems.js';
import { describeSpecProblem, type Translate } from '../validation/describe-problem.js';
import { specFieldRank } from '../validation/spec-fields.js';

/** One problem of the draft as the summary and the fields show it. */
export interface DraftProblem {
  /** Into the spec, e.g. /content/en/contacts/1/phone. */
  pointer: string;
  label: string;
  sentence: string;
  /** The locale whose content (or variant text) holds the field: the picker must show it. */
  locale: string | null;
  /** Behind "Technical settings" (everything but the content). */
  technical: boolean;
}

/**
 * The draft's problems from a refused save or preview, top to bottom as the form shows them (the
 * locale on screen first), and what the server said that names no field of the spec.
 */
export function draftProblems(
  error: unknown,
  t: Translate,
  consoleLanguage: string,
  spec: unknown,
  locales: readonly string[],
): { fields: DraftProblem[]; others: string[] } {
  if (error === null || error === undefined) return { fields: [], others: [] };
  const problems = problemsOf(error);
  if (problems.length === 0) return { fields: [], others: [errorMessage(error)] };
  const fields: DraftProblem[] = [];
  const others: string[] = [];
  for (const problem of problems) {
    const field = normalizeField(problem.field);
    if (!field.startsWith('/spec/')) {
      others.push(`${field}: ${problem.message}`);
      continue;
    }
    const pointer = field.slice('/spec'.length);
    const words = describeSpecProblem(t, consoleLanguage, pointer, problem.message, spec);
    if (fields.some((f) => f.pointer === pointer && f.sentence === words.sentence)) continue;
    const locale =
      /^\/content\/([^/]+)/.exec(pointer)?.[1] ?? /\/overrides\/([^/]+)/.exec(pointer)?.[1] ?? null;
    fields.push({ pointer, ...words, locale, technical: !pointer.startsWith('/content') });
  }
  const rank = new Map(fields.map((f) => [f, specFieldRank(f.pointer, locales)]));
  fields.sort((a, b) => compareRanks(rank.get(a) ?? [], rank.get(b) ?? []));
  return { fields, others };
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
