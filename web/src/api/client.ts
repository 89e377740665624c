import i18next from 'i18next';
/**
 * The one way the web app talks to the server. Every screen gets the same treatment of the
 * answers that need one:
 *  - 401: the session is gone (expired, or signed out in another tab). The session layer is
 *    told, shows sign-in in place, and the screen's form drafts stay in storage.
 *  - 400: `issues[].field` name the fields, so forms can put each reason next to its field.
 *  - 409: someone else saved first; `current` is their version, so nothing is lost.
 */
export interface FieldIssue {
  field: string;
  message: string;
  /** The reason for people in the language on screen, the field named in words (issue #17). */
  text?: string;
}

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly issues: FieldIssue[] = [],
    public readonly body: unknown = null,
  ) {
    super(message);
  }
}

/** 409: `current` is the record as the other person saved it. */
export class ConflictError<T = unknown> extends ApiError {
  constructor(
    message: string,
    public readonly current: T,
    body: unknown,
  ) {
    super(409, 'version_conflict', message, [], body);
  }
}

let unauthorizedHandler: ((err: ApiError) => void) | null = null;
/** The session layer registers here; it is the only listener. */
export function onUnauthorized(handler: ((err: ApiError) => void) | null) {
  unauthorizedHandler = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** Drops empty values so URLs stay short and the server's defaults apply. */
export function queryString(q: Query = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

interface Options {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Sign-in itself answers 401 for a wrong password: that is not an expired session. */
  expect401?: boolean;
}

export async function request<T>(method: string, path: string, opts: Options = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}${queryString(opts.query)}`, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        // The language chosen on screen, not the browser's: alerts and reasons come back in it (issue #17).
        'accept-language': i18next.language || 'en',
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'The server could not be reached');
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  if (res.ok) return body as T;
  const b = (body && typeof body === 'object' ? body : {}) as { code?: string; message?: string; issues?: FieldIssue[]; current?: unknown };
  const message = b.message ?? `${res.status} ${res.statusText}`;
  if (res.status === 409 && 'current' in b) throw new ConflictError(message, b.current, body);
  const err = new ApiError(res.status, b.code ?? 'error', message, b.issues ?? [], body);
  if (res.status === 401 && !opts.expect401) unauthorizedHandler?.(err);
  throw err;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
};

/** Errors worth retrying: the network and the server's own failures, never a 4xx answer. */
export function isRetryable(err: unknown): boolean {
  return !(err instanceof ApiError) || err.status === 0 || err.status >= 500;
}
