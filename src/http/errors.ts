/** An error a client can act on. `issues` name the field and the reason. */
export interface FieldIssue {
  field: string;
  message: string;
}

export class HttpError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly issues?: FieldIssue[],
    public readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Record') => new HttpError(404, 'not_found', `${what} not found`);

export const badRequest = (field: string, message: string) =>
  new HttpError(400, 'validation_failed', `${field}: ${message}`, [{ field, message }]);

export const conflict = (message: string, current?: unknown) =>
  new HttpError(409, 'version_conflict', message, undefined, current === undefined ? undefined : { current });
