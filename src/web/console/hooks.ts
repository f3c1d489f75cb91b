import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from './api.js';

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
    document.title = `${title} · caveat console`;
  }, [title]);
}
