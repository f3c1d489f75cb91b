import type { Loaded } from '../hooks.js';
import { ApiError, errorMessage } from '../api.js';
import { currentLanguage, useT } from '../i18n/index.js';
import type { FieldProblem } from '../types.js';
import { specFieldLabel, type Translate } from '../validation/describe-problem.js';

/** "body/spec/content/en/title" → "/spec/content/en/title": where the field is, whatever the request. */
export function normalizeField(field: string): string {
  const trimmed = field.replace(/^(body|querystring|params)(?=\/|$)/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * The messages for one field, shown under it. `pointer` (when the list came from errorsAt) is where
 * the field is in the request, relative to the form's prefix: fields mark their input with it, so a
 * summary link or a refused save can move focus there.
 */
export type FieldErrors = string[] & { readonly pointer?: string };

/** Looks up the messages for one form field by its JSON pointer (e.g. "/email"). */
export type ErrorsAt = (pointer: string) => FieldErrors | undefined;

/** Turns a server message about a field into the words shown beside it (see validation/). */
export type DescribeProblem = (pointer: string, message: string) => string;

/**
 * The server's problems by field, relative to `prefix` (e.g. "/spec"); `describe` rewords each
 * message (the campaign editor turns ajv's words into a sentence in the console's language).
 */
export function errorsAt(problems: FieldProblem[], prefix = '', describe?: DescribeProblem): ErrorsAt {
  const byField = new Map<string, string[]>();
  for (const problem of problems) {
    const field = normalizeField(problem.field);
    if (!field.startsWith(prefix)) continue;
    const key = field.slice(prefix.length) || '/';
    const words = describe ? describe(key, problem.message) : problem.message;
    const known = byField.get(key) ?? [];
    // ajv says "must be equal to constant" once per option: one sentence is enough.
    if (!known.includes(words)) byField.set(key, [...known, words]);
  }
  return (pointer) => {
    const messages = byField.get(pointer);
    return messages ? Object.assign([...messages], { pointer }) : undefined;
  };
}

/**
 * One input that edits a list of strings (tips, red flags, one per line): the list's own problems
 * and its lines' problems together, marked with the list's pointer.
 */
export function mergeErrors(
  own: FieldErrors | undefined,
  lines: (FieldErrors | undefined)[],
): FieldErrors | undefined {
  const all = [own, ...lines].flatMap((list) => list ?? []);
  if (all.length === 0) return undefined;
  const pointer = own?.pointer ?? lines.find((line) => line)?.pointer?.replace(/\/\d+$/, '');
  return Object.assign(all, { pointer });
}

export function problemsOf(error: unknown): FieldProblem[] {
  return error instanceof ApiError ? error.errors : [];
}

/**
 * The failure of a form's last request: the server's detail and every field problem in words, so
 * a problem that matches no visible field is still shown.
 */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (error === null || error === undefined) return null;
  return (
    <div role="alert" className="alert alert-error">
      {title && <p className="alert-title">{title}</p>}
      <ProblemText error={error} />
    </div>
  );
}

/**
 * The server's detail, or, when it names fields, one line per field (the detail repeats them). A
 * field of a campaign spec is named as the campaign form names it.
 */
export function ProblemText({ error }: { error: unknown }) {
  const { t } = useT('validation');
  const translate: Translate = (key, values) => t(key, values ?? {});
  const problems = problemsOf(error);
  if (problems.length === 0) return <p>{errorMessage(error)}</p>;
  return (
    <ul>
      {problems.map((p) => {
        const field = normalizeField(p.field);
        return (
          <li key={`${p.field}:${p.message}`}>
            {field.startsWith('/spec/') ? (
              <>
                {specFieldLabel(translate, currentLanguage(), field.slice('/spec'.length))}
                {t('separator')}
              </>
            ) : (
              <>
                <code>{field}</code>{' '}
              </>
            )}
            {p.message}
          </li>
        );
      })}
    </ul>
  );
}

export function LoadError({ message }: { message: string }) {
  return (
    <div role="alert" className="alert alert-error">
      <p>{message}</p>
    </div>
  );
}

/** `what` in the console's language where the caller has it ("the campaign", "宣傳活動"). */
export function Loading({ what }: { what: string }) {
  const { t } = useT('validation');
  return (
    <p className="loading" role="status">
      {t('loading', { what })}
    </p>
  );
}

/** What a page shows while its resource loads or when it failed; nothing once it is ready. */
export function LoadStatus({ state, what }: { state: Loaded<unknown>; what: string }) {
  if (state.status === 'loading') return <Loading what={what} />;
  if (state.status === 'error') return <LoadError message={state.message} />;
  return null;
}
