import { z } from 'zod';

/**
 * Shapes every route's response schema is built from (issue #12: a field not in a route's
 * response schema cannot leave the server). fastify-type-provider-zod's serializer parses each
 * JSON reply with the route's schema for its status: `z.object` drops keys it does not name, and a
 * reply that does not fit is refused (500, the mismatch logged by path only, src/http/app.ts)
 * rather than sent. This file imports nothing but zod: the web app may import the domains'
 * response schemas built from it.
 *
 * Conventions for the domains' `*Out` schemas (beside their request schemas in `*.model.ts`):
 * - a database timestamp is `timestamp` (a Date from the driver, sent as an ISO string);
 *   a calendar day is `day` (YYYY-MM-DD as the database returns it);
 * - a field some role may not see (field-level access withholds it by leaving it out) is
 *   `withheld(…)`: optional, so a reply without it still fits.
 */

/** A point in time: the drivers give a Date (timestamptz); raw queries may give the ISO string. Sent as the ISO string. */
export const timestamp = z.codec(z.union([z.date(), z.string()]), z.string().meta({ format: 'date-time' }), {
  decode: (v) => (v instanceof Date ? v.toISOString() : v),
  encode: (s) => s,
});

/** A calendar day as stored (`date` columns come back as YYYY-MM-DD strings through drizzle). */
export const day = z.string().meta({ format: 'date' });

/** A field that field-level access may withhold from some roles: absent then, so optional (and nullable, as stored). */
export const withheld = <T extends z.ZodType>(s: T) => s.nullish();

/** One field's problem, as every 4xx names it (src/http/errors.ts). */
export const fieldIssueOut = z.object({
  field: z.string(),
  message: z.string(),
  text: z.string().optional().describe('The reason for people, in the Accept-Language language, the field named in words'),
});

/**
 * Every 4xx body: `{code, message, issues?}` plus the context some refusals carry
 * (HttpError.extra): `current` (a 409's record as it stands, read through the same access rule
 * as a read, so the web app shows both versions), `reason` (a domain code), `field`/`from`/`to`/
 * `allowedNext` (a refused workflow move), `restoration`, `lockedUntil`, `retryAfterSeconds`.
 * It is a loose object on purpose: a refusal's context is built by the server for the caller,
 * and an extra missing here must not turn a 4xx into a 500.
 */
export const apiError = z
  .looseObject({
    code: z.string(),
    message: z.string(),
    issues: z.array(fieldIssueOut).optional(),
    text: z.string().optional(),
    reason: z.string().optional(),
    current: z.unknown().optional(),
  })
  .meta({ id: 'ApiError', description: 'A refusal: code, message and the fields at fault' });

/** `{ ok: true }` for a command that has nothing else to say. */
export const okOut = z.object({ ok: z.boolean() });

/** `response:` for a route answering 200 with `s` (and refusing with the shared error body). */
export const ok = <T extends z.ZodType>(s: T) => ({ 200: s, '4xx': apiError }) as const;
/** `response:` for a route answering 201 (created) with `s`. */
export const created = <T extends z.ZodType>(s: T) => ({ 201: s, '4xx': apiError }) as const;

/**
 * Binary replies (PDF, XLSX, CSV, images) are not JSON: fastify sends a Buffer, string or stream
 * as it is and never calls the serializer, so they are exempt from zod. The route still declares
 * the file's content type (`produces`, documented in the OpenAPI document) and a binary 200, so
 * the route-schema test knows it is a file on purpose (src/http/response-schemas.test.ts lists them).
 */
export function file(...contentTypes: [string, ...string[]]) {
  return {
    produces: contentTypes,
    response: {
      200: z.any().meta({ type: 'string', format: 'binary', description: `A file: ${contentTypes.join(' or ')}`, 'x-binary': true }),
      '4xx': apiError,
    },
  } as const;
}

/** A page of a list: the items and where the page sits. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
/** Just the items. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/**
 * What a record shaped by the permitted-fields policy (src/access/fields.ts) carries besides its
 * fields: which fields were left out for this reader, and whether the name is initials only.
 * The web app labels both (withheld, JJ Act 2015 s.74).
 */
export const withheldMarks = {
  withheld: z.array(z.string()).optional().describe('Fields of this record left out for this reader (JJ Act 2015 s.74)'),
  initialsOnly: z.literal(true).optional().describe('The name is initials only: a CWC non-disclosure order'),
};
