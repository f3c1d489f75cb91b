import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, errorMessage } from './api.js';
import { errorsAt, problemsOf, type DescribeProblem, type ErrorsAt } from './components/problems.js';
import { i18next } from './i18n/index.js';

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string; httpStatus: number | null }
  | { status: 'ready'; data: T };

/** GETs a path and re-GETs it on reload(); a newer request cancels the older one. */
export function useResource<T>(path: string | null): { state: Loaded<T>; reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    api
      .get<T>(path, controller.signal)
      .then((data) => setState({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const httpStatus =
          typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
            ? error.status
            : null;
        setState({ status: 'error', message: errorMessage(error), httpStatus });
      });
    return () => controller.abort();
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { state, reload };
}

/** Sets document.title, so each page is named in the tab, history and screen-reader announcements. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${i18next.t('product', { ns: 'shell' })}`;
  }, [title]);
}

/**
 * A form's request: `submit` runs the action once at a time (`busy` meanwhile) and keeps what it
 * threw, so the form shows the failure and `errors` puts the server's messages beside the fields
 * they name (relative to `fieldPrefix`, e.g. "/spec" for a body that wraps the form's object),
 * reworded by `describe` when given (see validation/use-plain-problems.ts).
 */
export function useSubmit(
  action: () => Promise<void>,
  fieldPrefix = '',
  describe?: DescribeProblem,
): { error: unknown; errors: ErrorsAt; busy: boolean; submit(event: FormEvent): Promise<void> } {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { error, errors: errorsAt(problemsOf(error), fieldPrefix, describe), busy, submit };
}
