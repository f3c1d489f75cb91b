import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from './api.js';
import type { Loaded } from '../console/hooks.js';

// Forms submit exactly as the console's do: one request at a time, field errors beside the fields.
export { useSubmit, type Loaded } from '../console/hooks.js';

/** GETs a path through the portal's own client (so a 401 goes to the portal's sign-in). */
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

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · caveat police portal`;
  }, [title]);
}
