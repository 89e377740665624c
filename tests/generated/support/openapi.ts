import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';

/**
 * The API as /api/openapi.json describes it: every operation with its path, query and body
 * schemas. The generated tests read the route list from here, so a new route is covered (or
 * must be skipped by name) without anyone writing a test for it.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As in the document, without the /api/v1 prefix: `/children/{id}`. */
  path: string;
  key: string;
  tag: string;
  summary: string;
  pathParams: { name: string; schema: JsonSchema }[];
  query: { name: string; schema: JsonSchema; required: boolean }[];
  body: JsonSchema | null;
  /** The handler reads a multipart/form-data upload itself (its schema does not show the form). */
  multipart: boolean;
}

export const API_PREFIX = '/api/v1';

export async function loadOperations(app: FastifyInstance): Promise<Operation[]> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          tags?: string[];
          summary?: string;
          parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
          requestBody?: { content: Record<string, { schema: JsonSchema }> };
        }
      >
    >;
  };
  const ops: Operation[] = [];
  for (const [fullPath, methods] of Object.entries(doc.paths)) {
    if (!fullPath.startsWith(API_PREFIX)) continue;
    const path = fullPath.slice(API_PREFIX.length);
    for (const [m, op] of Object.entries(methods)) {
      const method = m.toUpperCase() as Operation['method'];
      const params = op.parameters ?? [];
      ops.push({
        method,
        path,
        key: `${method} ${path}`,
        tag: op.tags?.[0] ?? '',
        summary: op.summary ?? '',
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema, required: !!p.required })),
        body: op.requestBody?.content['application/json']?.schema ?? null,
        multipart: /multipart\/form-data/.test(op.summary ?? ''),
      });
    }
  }
  return ops;
}

/**
 * encodeURIComponent, except that an unpaired surrogate (which it refuses) is sent as the bytes
 * a careless client would send (WTF-8): the server must refuse those, not the test.
 */
export function encodeAny(s: string): string {
  return s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      const c = ch.charCodeAt(0);
      return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    }
  });
}

export const fillPath = (path: string, params: Record<string, string>) =>
  API_PREFIX + path.replace(/\{(\w+)\}/g, (_, n: string) => encodeAny(params[n] ?? ''));

export function queryString(q: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v])
      parts.push(`${encodeAny(k)}=${encodeAny(typeof one === 'object' ? JSON.stringify(one) : String(one))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

// ---------------------------------------------------------------- arbitraries from JSON Schema

/** Strings no form sends: the hostile inputs every field must refuse with a 400 (or store safely). */
export const hostileString = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\u0001\u0002',
    '\u001b[31m',
    '\u007f',
    '\u0085',
    '\u009f',
    '\uD800',
    'x\uDFFFy',
    '\u200b',
    '   ',
    '\u202e',
    "'; DROP TABLE child; --",
    '%00',
    '../../etc/passwd',
    '=HYPERLINK("x")',
  ),
  fc.constantFrom(100_000, 10_001, 2001, 121).map((n) => 'x'.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const hugeNumber = fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -(2 ** 63), 1e21, -1, -0.5, 0.5, 0, 1e-320, Number.MAX_SAFE_INTEGER);

function deep(depth: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Values of the wrong type or shape for any field. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hugeNumber,
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    [],
    {},
    [[]],
    { '': '' },
    ['a', 1, null],
    '',
    '1',
    'true',
    'null',
    '2025-02-30',
    '9999-12-31',
    '0000-00-00',
  ),
  fc.constantFrom(50, 2000).map(deep),
);

const isoDay = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export interface ArbOptions {
  /** Real ids to use for uuid fields, sometimes (so requests get past "not found"). */
  ids?: string[];
  /** Chance of mutating any one node into a wrong or hostile value (0..1). */
  hostility: number;
}

/** A value shaped by a JSON schema, with hostile values mixed in at the given rate. */
export function arbitraryFor(schema: JsonSchema | undefined, opts: ArbOptions, depth = 0): fc.Arbitrary<unknown> {
  const valid = validShaped(schema ?? {}, opts, depth);
  if (opts.hostility <= 0) return valid;
  const w = Math.max(1, Math.round(opts.hostility * 100));
  return fc.oneof({ arbitrary: valid, weight: 100 - Math.min(w, 99) }, { arbitrary: wrongValue, weight: Math.min(w, 99) });
}

function validShaped(s: JsonSchema, opts: ArbOptions, depth: number): fc.Arbitrary<unknown> {
  const variants = s.anyOf ?? s.oneOf;
  let arb: fc.Arbitrary<unknown>;
  if (variants?.length) arb = fc.oneof(...variants.map((v) => arbitraryFor(v, opts, depth + 1)));
  else if (s.allOf?.length) arb = arbitraryFor(s.allOf[0], opts, depth + 1);
  else if (s.const !== undefined) arb = fc.constant(s.const);
  else if (s.enum?.length) arb = fc.constantFrom(...s.enum);
  else {
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
    switch (type) {
      case 'string':
        arb = stringFor(s, opts);
        break;
      case 'integer':
      case 'number': {
        const min =
          s.minimum ?? (s.exclusiveMinimum === true ? 1 : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : -1000);
        const max = Math.min(s.maximum ?? 1_000_000, 1e12);
        const bounded = fc.integer({ min: Math.ceil(Math.max(min, -1e12)), max: Math.floor(Math.max(max, min)) });
        arb = fc.oneof(bounded, fc.constantFrom(min, max, min - 1, max + 1));
        break;
      }
      case 'boolean':
        arb = fc.boolean();
        break;
      case 'array': {
        const item = depth > 6 ? fc.constant('x') : arbitraryFor(s.items, opts, depth + 1);
        arb = fc.array(item, { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
        break;
      }
      case 'object':
      default:
        arb = s.properties || type === 'object' ? objectFor(s, opts, depth) : fc.jsonValue({ maxDepth: 2 });
    }
  }
  return s.nullable ? fc.oneof({ arbitrary: arb, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }) : arb;
}

function stringFor(s: JsonSchema, opts: ArbOptions): fc.Arbitrary<string> {
  if (s.format === 'uuid')
    return opts.ids?.length
      ? fc.oneof({ arbitrary: fc.constantFrom(...opts.ids), weight: 3 }, { arbitrary: fc.uuid(), weight: 1 })
      : fc.uuid();
  if (s.format === 'date-time')
    return fc
      .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (s.pattern?.includes('\\d{4})-(\\d{2})-(\\d{2}') || s.pattern?.startsWith('^(?:(?:\\d\\d[2468]')) return isoDay;
  if (s.format === 'email') return fc.emailAddress();
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, 60);
  return fc.oneof(
    fc.string({ minLength: min, maxLength: Math.max(min, max) }),
    fc
      .constantFrom('Sanika', 'सानिका वानखडे', 'Rajura', '9822012345', 'mother')
      .filter((x) => x.length >= min && x.length <= (s.maxLength ?? Infinity)),
    fc.constant('x'.repeat(Math.min(s.maxLength ?? 200, 100_000))),
  );
}

function objectFor(s: JsonSchema, opts: ArbOptions, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const names = Object.keys(props);
  if (depth > 6 || !names.length) return fc.constant({});
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const n of names) fields[n] = arbitraryFor(props[n], opts, depth + 1);
  const record = fc.record(fields, { requiredKeys: s.required?.filter((r) => names.includes(r)) ?? [] });
  if (opts.hostility <= 0) return record;
  // Sometimes an unknown extra field (a client trying districtCode, createdBy, role…).
  return fc
    .tuple(
      record,
      fc.option(fc.tuple(fc.constantFrom('districtCode', 'createdBy', 'role', 'id', '__proto__', 'constructor', 'x\u0000'), wrongValue), {
        freq: 5,
      }),
    )
    .map(([r, extra]) => (extra ? { ...r, [extra[0]]: extra[1] } : r));
}
