import { ApiError, problemOf } from '../console/api.js';

// The console's error type and problem+json reader, so the console's field components show the
// portal's field errors the same way. The state below is the portal's own: its own CSRF token and
// its own sign-in redirect (a separate bundle, so nothing is shared with a console tab at run time).
export { ApiError, errorMessage, path } from '../console/api.js';

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON, or a FormData for a file upload (the browser sets its multipart boundary). */
  body?: unknown;
  /** Sign-in, sign-up and confirmation handle their own 401 instead of redirecting. */
  quietUnauthorized?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const isForm = options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (isForm) body = options.body as FormData;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Could not reach caveat. Check the connection and try again.');
  }
  if (response.status === 401 && !options.quietUnauthorized) onUnauthorized();
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204 || response.status === 202) {
    // 202 (sign-up accepted) may carry a body or not; nothing the portal needs is in it.
    return undefined as T;
  }
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>(path, { signal }),
  post: <T>(path: string, body: unknown = {}) => request<T>(path, { method: 'POST', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};
