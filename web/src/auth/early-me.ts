declare global {
  interface Window {
    /** Started by index.html before the app's code arrived; null when the request failed. */
    __samanvayMe?: Promise<Response | null>;
  }
}

/**
 * The answer to GET /auth/me that index.html asked for while the code downloaded (one round trip
 * less before the sign-in page on a village connection, issue #17). Taken once: every later check
 * of the session is a fresh request.
 */
export function takeEarlyMe(): Promise<Response | null> | null {
  if (typeof window === 'undefined' || !window.__samanvayMe) return null;
  const early = window.__samanvayMe;
  window.__samanvayMe = undefined;
  return early.catch(() => null);
}
