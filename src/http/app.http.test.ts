import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Writable } from 'node:stream';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { buildApp } from './app';
import { validationIssues } from './errors';
import { createTestApp, type TestApp } from '../../tests/support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('http', () => {
  it('answers health and serves the OpenAPI document', async () => {
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/children', '/api/v1/families/{id}', '/api/v1/auth/login']));
  });

  it('unknown routes and malformed JSON are 4xx with a machine-readable body', async () => {
    const c = await t.login('caseworker.amravati');
    const nf = await c.get('/api/v1/nothing-here');
    expect(nf.statusCode).toBe(404);
    expect(nf.json().code).toBe('not_found');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/children',
      headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBeTruthy();
    const badId = await c.get('/api/v1/children/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().issues[0].field).toBe('params.id');
  });

  it('no input makes the server answer 500', async () => {
    const c = await t.login('caseworker.amravati');
    const before = Number((await t.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM child'))[0].n);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.constantFrom('/api/v1/children', '/api/v1/families'), async (body, url) => {
        const res = await c.post(url, body);
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (q, age) => {
        const res = await c.get(`/api/v1/children?q=${encodeURIComponent(q)}&ageMin=${encodeURIComponent(age)}`);
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    expect(Number((await t.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM child'))[0].n)).toBe(before);
  });

  it('names and search terms never reach the logs', async () => {
    let logged = '';
    const stream = new Writable({
      write(chunk, _e, cb) {
        logged += chunk.toString();
        cb();
      },
    });
    const app = await buildApp(t.ctx, { logStream: stream });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'caseworker.amravati', password: 'vatsalya2026' },
    });
    const cookie = login.cookies[0];
    const q = encodeURIComponent('लक्ष्मी Pawar');
    await app.inject({ url: `/api/v1/children?q=${q}`, cookies: { [cookie.name]: cookie.value } });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/children',
      cookies: { [cookie.name]: cookie.value },
      payload: { name: 'Secretname Kale', sex: 'female', careStatus: 'birth_family', locationId: 'vi:demo-wadali', dob: '2015-01-01' },
    });
    expect(res.statusCode).toBe(201);
    await app.close();
    expect(logged).toContain('/api/v1/children');
    expect(logged).not.toMatch(/Secretname|लक्ष्मी|Pawar|vatsalya2026|q=/);
  });

  it('a strict body, query or nested object names each unknown field, not its parent', async () => {
    const app = await buildApp(t.ctx, { logger: false });
    app.withTypeProvider<ZodTypeProvider>().post(
      '/test/strict',
      {
        schema: {
          body: z.strictObject({ name: z.string(), place: z.strictObject({ district: z.number() }) }),
          querystring: z.strictObject({ q: z.string().optional() }),
        },
      },
      async () => ({ ok: true }),
    );
    await app.ready();
    try {
      const body = await app.inject({
        method: 'POST',
        url: '/test/strict',
        payload: { name: 'x', colour: 'red', size: 3, place: { district: 468, village: 'Wadali' } },
      });
      expect(body.statusCode).toBe(400);
      expect(body.json().code).toBe('validation_failed');
      expect(
        body
          .json()
          .issues.map((i: { field: string }) => i.field)
          .sort(),
      ).toEqual(['colour', 'place.village', 'size']);
      expect(body.json().message).toMatch(/colour: .*unknown field/);
      const query = await app.inject({ method: 'POST', url: '/test/strict?q=a&sort=name', payload: { name: 'x', place: { district: 1 } } });
      expect(query.statusCode).toBe(400);
      expect(query.json().issues).toEqual([{ field: 'querystring.sort', message: expect.stringMatching(/unknown field/) }]);
      // Issue #17: a browser (Accept-Language) also gets the reason for people, the field in words.
      const worded = await app.inject({
        method: 'POST',
        url: '/test/strict',
        headers: { 'accept-language': 'mr-IN' },
        payload: { place: { district: 1 } },
      });
      expect(worded.json().issues).toEqual([{ field: 'name', message: expect.stringMatching(/expected string/), text: 'नाव: आवश्यक' }]);
      expect((await app.inject({ method: 'POST', url: '/test/strict', payload: { name: 'x', place: { district: 1 } } })).statusCode).toBe(
        200,
      );
    } finally {
      await app.close();
    }
  });
});

describe('validationIssues', () => {
  it('splits unrecognized_keys into one issue per key and keeps other issues as they are', () => {
    expect(
      validationIssues('body', [
        { keyword: 'unrecognized_keys', instancePath: '/', message: 'Unrecognized keys: "a", "b"', params: { keys: ['a', 'b'] } },
        { keyword: 'invalid_type', instancePath: '/sex', message: 'Invalid option' },
        { keyword: 'unrecognized_keys', instancePath: '/members/0', message: 'x', params: { keys: ['nick'] } },
      ]),
    ).toEqual([
      { field: 'a', message: expect.stringMatching(/unknown field/) },
      { field: 'b', message: expect.stringMatching(/unknown field/) },
      { field: 'sex', message: 'Invalid option' },
      { field: 'members.0.nick', message: expect.stringMatching(/unknown field/) },
    ]);
    expect(validationIssues('params', [{ keyword: 'invalid_format', instancePath: '/id', message: 'bad' }])).toEqual([
      { field: 'params.id', message: 'bad' },
    ]);
    expect(validationIssues('body', [{ keyword: 'invalid_type', instancePath: '', message: 'expected object' }])).toEqual([
      { field: 'body', message: 'expected object' },
    ]);
  });
});
