import type { Loaded } from '../hooks.js';
import { ApiError, errorMessage } from '../api.js';
import type { FieldProblem } from '../types.js';

/** "body/spec/content/en/title" → "/spec/content/en/title": where the field is, whatever the request. */
export function normalizeField(field: string): string {
  const trimmed = field.replace(/^(body|querystring|params)(?=\/|$)/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** Looks up the server's messages for one form field by its JSON pointer (e.g. "/email"). */
export type ErrorsAt = (pointer: string) => string[] | undefined;

export function errorsAt(problems: FieldProblem[], prefix = ''): ErrorsAt {
  const byField = new Map<string, string[]>();
  for (const problem of problems) {
    const field = normalizeField(problem.field);
    if (!field.startsWith(prefix)) continue;
    const key = field.slice(prefix.length) || '/';
    byField.set(key, [...(byField.get(key) ?? []), problem.message]);
  }
  return (pointer) => byField.get(pointer);
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

/** The server's detail, or, when it names fields, one line per field (the detail repeats them). */
export function ProblemText({ error }: { error: unknown }) {
  const problems = problemsOf(error);
  if (problems.length === 0) return <p>{errorMessage(error)}</p>;
  return (
    <ul>
      {problems.map((p) => (
        <li key={`${p.field}:${p.message}`}>
          <code>{normalizeField(p.field)}</code> {p.message}
        </li>
      ))}
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

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

/** What a page shows while its resource loads or when it failed; nothing once it is ready. */
export function LoadStatus({ state, what }: { state: Loaded<unknown>; what: string }) {
  if (state.status === 'loading') return <Loading what={what} />;
  if (state.status === 'error') return <LoadError message={state.message} />;
  return null;
}
