import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError, type FieldIssue } from './errors';

/**
 * Text the server refuses in any input, whatever the field (the policy, decided once):
 * - NUL: PostgreSQL cannot store it in text or jsonb, so it would otherwise fail deep in a query;
 * - the other C0 controls, DEL and the C1 controls (U+0080–U+009F): no form produces them, they
 *   are invisible in a record and break the CSV/PDF/SMS outputs. Tab, line feed and carriage
 *   return are allowed everywhere, since free-text fields (notes, descriptions, addresses) carry
 *   them; single-line fields that must not (person names) refuse them in their own schema
 *   (`src/names/name-schema.ts`), where the web form shows the same message;
 * - unpaired UTF-16 surrogates: not text at all; encoding them to UTF-8 would silently store
 *   U+FFFD instead of what was sent.
 * Object keys are checked too (a jsonb column refuses a NUL in a key as well).
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string is refused, or null when it is acceptable text. */
export function textProblem(s: string): string | null {
  const c = CONTROL.exec(s);
  if (c) {
    const code = c[0].charCodeAt(0);
    return code === 0
      ? 'contains a NUL character (\\u0000), which is not allowed'
      : `contains a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')}), which is not allowed`;
  }
  if (LONE_SURROGATE.test(s)) return 'contains an unpaired UTF-16 surrogate (not valid Unicode text)';
  return null;
}

/**
 * The first refused string inside a value (a parsed body, query or params), with its path as
 * `validationIssues` names fields: `name`, `items.0.sex`, `querystring.q`, `params.id`.
 * Iterative, so that a deeply nested body cannot overflow the stack.
 */
export function findHostileText(value: unknown, prefix: string[] = []): FieldIssue | null {
  // Each entry links to its parent, so the path is built only for the value reported.
  type Entry = { v: unknown; key: string | null; parent: Entry | null };
  const field = (e: Entry | null, last?: string) => {
    const path: string[] = last === undefined ? [] : [last];
    for (let p = e; p; p = p.parent) if (p.key !== null) path.unshift(p.key);
    return [...prefix, ...path].join('.') || 'body';
  };
  const stack: Entry[] = [{ v: value, key: null, parent: null }];
  while (stack.length) {
    const e = stack.pop()!;
    const v = e.v;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { field: field(e), message: problem };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], key: String(i), parent: e });
    } else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i];
        const problem = textProblem(k);
        // The key itself is the bad input: name it without its bad characters.
        if (problem) return { field: field(e, k.replace(/[^\x20-\x7e]/g, '?')), message: `field name ${problem}` };
        stack.push({ v: child, key: k, parent: e });
      }
    }
  }
  return null;
}

export function hostileTextError(issue: FieldIssue): HttpError {
  return new HttpError(400, 'validation_failed', `${issue.field}: ${issue.message}`, [issue]);
}

/** For values a handler reads itself (multipart form fields, file names): 400 naming the field. */
export function assertCleanText(value: unknown, field: string): void {
  const issue = findHostileText(value, [field]);
  if (issue) throw hostileTextError(issue);
}

/** The first refused text in a request's params, query or body (checked in that order). */
export function hostileTextIn(req: Pick<FastifyRequest, 'params' | 'query' | 'body'>): FieldIssue | null {
  return findHostileText(req.params, ['params']) ?? findHostileText(req.query, ['querystring']) ?? findHostileText(req.body, []);
}

/**
 * One hook for every route: refused text is a 400 naming the field before any handler (and
 * so any query) runs. It runs at preHandler, after each route's own preValidation (which turns
 * a multipart form's JSON `data` into the body) and after the schema checks.
 */
export function registerInputHygiene(app: FastifyInstance) {
  app.addHook('preHandler', async (req) => {
    const issue = hostileTextIn(req);
    if (issue) throw hostileTextError(issue);
  });
}
