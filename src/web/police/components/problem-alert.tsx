import { ApiError, errorMessage } from '../api.js';
import { normalizeField } from '../../console/components/problems.js';

/** "body/email: must be …" → "must be …": the field is named by its label instead. */
export function plainDetail(detail: string): string {
  return detail.replace(/^(body|params|querystring|headers|session)(\/[\w/-]*)?: /, '');
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * The failure of a portal form in plain words: each field problem with the field's label (the
 * same message also stands beside the field), never a JSON pointer.
 */
export function ProblemAlert({
  error,
  title,
  labels,
}: {
  error: unknown;
  title: string;
  labels: Record<string, string>;
}) {
  if (error === null || error === undefined) return null;
  const problems = error instanceof ApiError ? error.errors : [];
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">{title}</p>
      {problems.length === 0 ? (
        <p>{sentence(plainDetail(errorMessage(error)))}</p>
      ) : (
        <ul>
          {problems.map((p) => {
            const pointer = normalizeField(p.field);
            const label = labels[pointer] ?? labelFor(pointer);
            return (
              <li key={`${p.field}:${p.message}`}>
                {label ? `${label}: ${p.message}` : sentence(p.message)}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** "/identifiers/0/value" → "Identifier 1"; other pointers by their words. */
function labelFor(pointer: string): string {
  const identifier = /^\/identifiers\/(\d+)/.exec(pointer);
  if (identifier) return `Identifier ${Number(identifier[1]) + 1}`;
  const last = pointer.split('/').filter(Boolean).at(-1) ?? '';
  return last.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}
