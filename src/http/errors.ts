import { catalogueLang, issueText } from '../i18n/catalogue';

/** An error a client can act on. `issues` name the field and the reason. */
export interface FieldIssue {
  field: string;
  message: string;
  /** The same, as a sentence for people in the reader's language, naming the field in words. */
  text?: string;
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

/** One failed check as fastify-type-provider-zod reports it (a zod issue: code, path, params). */
export interface SchemaValidationIssue {
  keyword?: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/**
 * A request's failed checks → `issues[{field, message}]`, one per field. The field is the path
 * inside the part of the request that failed (`name`, `items.0.sex`), prefixed by that part
 * unless it is the body (`params.id`, `querystring.pageSize`). zod reports all unknown keys of
 * a strict object as one `unrecognized_keys` issue at the object's path: it becomes one issue
 * per key, naming the key, so a client (and the web app's form) learns which field to remove.
 */
export function validationIssues(where: string, validation: readonly SchemaValidationIssue[]): FieldIssue[] {
  const fieldOf = (path: string[]) => [where === 'body' ? '' : where, ...path].filter(Boolean).join('.') || where;
  const issues: FieldIssue[] = [];
  for (const v of validation) {
    const path = v.instancePath.split('/').filter(Boolean);
    const keys = v.keyword === 'unrecognized_keys' && Array.isArray(v.params?.keys) ? (v.params.keys as unknown[]).map(String) : null;
    if (keys?.length) {
      for (const key of keys) issues.push({ field: fieldOf([...path, key]), message: 'is not a field of this request (unknown field)' });
    } else {
      issues.push({ field: fieldOf(path), message: v.message ?? 'is invalid' });
    }
  }
  return issues;
}

/**
 * Issue #17: a refusal's reasons for people, in the language the reader asked for (the web app
 * sends the one chosen on screen as Accept-Language): each issue gets `text` ("Domains: choose
 * at least one", "तारीख: भविष्य की नहीं हो सकती"), never zod's raw English or an internal field
 * name, and the body a `text` joining them (only when Accept-Language is sent). `field` and `message` stay as they were for programs.
 */
export function peopleText(acceptLanguage: string | undefined, issues: FieldIssue[]): { issues: FieldIssue[]; text?: string } {
  // Only for a reader who says which language (every browser does): a program keeps the bare pair.
  if (!acceptLanguage) return { issues };
  const lang = catalogueLang(acceptLanguage);
  const worded = issues.map((i) => ({ ...i, text: issueText(lang, i.field, i.message) }));
  return { issues: worded, text: worded.map((i) => i.text).join('; ') };
}
