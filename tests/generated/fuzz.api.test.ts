import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp, type Client } from '../support/app';
import { arbitraryFor, fillPath, hostileString, loadOperations, queryString, wrongValue, type Operation } from './support/openapi';
import { discoverRecords, PLACES, realParams } from './support/records';
import { changedTables, fingerprintQuery } from './support/fingerprint';

/**
 * Bad input, generated from the OpenAPI request schemas, for every route: shaped values,
 * boundary values and hostile ones (NUL, control characters, lone surrogates, 100k-character
 * strings, wrong types, deep nesting, huge and negative numbers, empty arrays and objects,
 * unknown fields), sent with real ids of seeded records in the path, as the state
 * administrator and as a district DCPU officer. The server must never answer 5xx, every 4xx
 * carries `code` and `message`, and a refused request changes no row.
 *
 * FUZZ_RUNS (default 4) requests per route and user; FUZZ_SEED to explore other inputs
 * (the seed is printed with any failure, so a failure can be replayed).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 4);
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_311);
const USERS = ['admin', 'dcpo.amravati'] as const;

const t = await createTestApp();
const ops = await loadOperations(t.app);
afterAll(() => t.close());

const records = await discoverRecords(t);
const allIds = [...records.index.keys()].slice(0, 4000).filter((_, i) => i % 7 === 0);
const fingerprint = await fingerprintQuery(t);
const clients: Record<string, Client> = {};
for (const u of USERS) clients[u] = await t.login(u);

const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7);

interface Case {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  multipart: { name: string; value?: string; file?: Buffer; filename?: string }[] | null;
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

function caseArbitrary(op: Operation): fc.Arbitrary<Case> {
  const opts = { ids: allIds, hostility: 0.25 };
  const params = fc
    .oneof(
      { weight: 4, arbitrary: fc.constantFrom(...PLACES).map((p) => realParams(records, op.path, op.pathParams, p)) },
      {
        weight: 1,
        arbitrary: fc.record(
          Object.fromEntries(op.pathParams.map((p) => [p.name, fc.oneof(arbitraryFor(p.schema, opts), hostileString).map(String)])),
        ),
      },
    )
    .map((p) => p ?? Object.fromEntries(op.pathParams.map((x) => [x.name, '00000000-0000-4000-8000-000000000000'])));
  const query = fc.record(Object.fromEntries(op.query.map((q) => [q.name, arbitraryFor(q.schema, opts)])), { requiredKeys: [] });
  const body = op.body
    ? fc.oneof({ weight: 5, arbitrary: arbitraryFor(op.body, opts) }, { weight: 1, arbitrary: wrongValue })
    : fc.constant(undefined);
  const multipart = op.multipart
    ? fc.option(
        fc.array(
          fc.oneof(
            fc.record({
              name: fc.constantFrom('data', 'version', 'kind', 'description', 'extra', 'na\u0000me'),
              value: fc.oneof(
                hostileString,
                fc.string(),
                body.map((b) => JSON.stringify(b ?? {})),
              ),
            }),
            fc.record({
              name: fc.constantFrom('file', 'photo'),
              file: fc.constantFrom(PNG, PDF, Buffer.alloc(0), Buffer.from('not an image')),
              filename: fc.oneof(fc.constant('x.png'), hostileString),
            }),
          ),
          { maxLength: 4 },
        ),
        { freq: 2 },
      )
    : fc.constant(null);
  return fc.record({ params, query, body, multipart });
}

function multipartPayload(parts: NonNullable<Case['multipart']>) {
  const boundary = '----samanvayfuzz';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"${p.file ? `; filename="${p.filename ?? 'f'}"` : ''}`;
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disp}\r\n${p.file ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n`),
      p.file ?? Buffer.from(p.value ?? ''),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const short = (v: unknown) => {
  const s = JSON.stringify(v, (_k, x) => (typeof x === 'string' && x.length > 60 ? `${x.slice(0, 20)}…(${x.length})` : x)) ?? String(v);
  return s.length > 400 ? `${s.slice(0, 400)}…` : s;
};

let last = await fingerprint();
let ipSeq = 0;

describe(`bad input generated from /api/openapi.json (${RUNS} per route and user, seed ${SEED})`, () => {
  it('covers every route the document lists', () => {
    expect(ops.length).toBeGreaterThan(100);
  });

  for (const op of ops) {
    it(op.key, async () => {
      const failures: string[] = [];
      for (const user of USERS) {
        const cases = fc.sample(caseArbitrary(op), { numRuns: RUNS, seed: SEED ^ hash(op.key + user) });
        for (const c of cases) {
          const url = fillPath(op.path, c.params) + queryString(c.query);
          const headers: Record<string, string> = {
            authorization: `Bearer ${clients[user].token}`,
            'x-forwarded-for': `203.0.113.${ipSeq++ % 250}`,
          };
          let payload: string | Buffer | undefined;
          if (c.multipart) {
            const m = multipartPayload(c.multipart);
            payload = m.payload;
            headers['content-type'] = m.contentType;
          } else if (c.body !== undefined && op.method !== 'GET' && op.method !== 'DELETE') {
            payload = JSON.stringify(c.body);
            headers['content-type'] = 'application/json';
          }
          const res = await t.app.inject({ method: op.method, url, headers, ...(payload === undefined ? {} : { payload }) });
          const what = () =>
            `${user} ${op.method} ${url.slice(0, 300)} body=${short(c.multipart ?? c.body)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
          if (res.statusCode >= 500) failures.push(`5xx: ${what()}`);
          if (res.statusCode >= 400 && res.statusCode < 500) {
            let body: { code?: unknown; message?: unknown } = {};
            try {
              body = res.json();
            } catch {
              /* not JSON: reported below */
            }
            if (typeof body.code !== 'string' || typeof body.message !== 'string') failures.push(`4xx without code and message: ${what()}`);
          }
          const now = await fingerprint();
          if (res.statusCode >= 400 && now !== last) failures.push(`refused but wrote (${changedTables(last, now).join(', ')}): ${what()}`);
          last = now;
          // Signing out ends the client's session: sign in again for the next request.
          if (op.path === '/auth/logout' && res.statusCode < 300) clients[user] = await t.login(user);
        }
      }
      expect(failures, `FUZZ_SEED=${SEED}`).toEqual([]);
    });
  }
});
