import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findHostileText, textProblem } from './input-hygiene';
import { personName, optionalPersonName } from '../names/person-name';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { foundChild, publicPost, publicReport } from '../missing/missing.testkit';
import { multipart } from '../missing/photos.fixtures';

describe('the text rule', () => {
  it('refuses NUL, other C0/C1 controls, DEL and unpaired surrogates; keeps tab, line breaks and real text', () => {
    for (const bad of ['a\u0000b', '\u0001', 'x\u001b[31m', '\u007f', '\u0085', '\u009f', 'a\uD800', '\uDC00b', 'a\uDC00\uD800b']) {
      expect(textProblem(bad), JSON.stringify(bad)).not.toBeNull();
    }
    for (const ok of ['', 'line one\nline two\r\n\tindented', 'सानिका वानखडे', 'क्‍ष', '😀 emoji pair', 'Ünïcödé']) {
      expect(textProblem(ok), JSON.stringify(ok)).toBeNull();
    }
    expect(textProblem('\u0000')).toMatch(/NUL/);
    expect(textProblem('\u0007')).toMatch(/U\+0007/);
  });

  it('names the path of the first offending value, keys included, without recursion limits', () => {
    expect(findHostileText({ a: 'ok', items: [{ sex: 'x' }, { name: 'b\u0000' }] })).toEqual({
      field: 'items.1.name',
      message: expect.stringMatching(/NUL/),
    });
    expect(findHostileText({ q: 'x\u0001' }, ['querystring'])?.field).toBe('querystring.q');
    expect(findHostileText({ 'bad\u0000key': 1 })).toEqual({ field: 'bad?key', message: expect.stringMatching(/^field name/) });
    expect(findHostileText('top\u0000')?.field).toBe('body');
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findHostileText(deep)?.message).toMatch(/NUL/);
    expect(findHostileText({ n: 1, b: true, z: null, list: ['fine', 'also\nfine'] })).toBeNull();
  });

  it('a person name is one line with a letter in it; zero-width joiners stay allowed inside one', () => {
    const name = personName();
    for (const bad of ['', '   ', '\u200b', '\u200b\u200c\u200d', '\u2060 \u200b', 'Sani\nka', 'Sani\tka', '\u202eakinas', '.', '--']) {
      expect(name.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    for (const ok of ['Sanika', 'सानिका', 'क्‍ष', "D'Souza", 'A. Rao', 'Baby 2']) expect(name.safeParse(ok).success, ok).toBe(true);
    expect(name.parse('  Sanika ')).toBe('Sanika');
    const opt = optionalPersonName();
    expect(opt.safeParse('').success).toBe(true);
    expect(opt.safeParse('  ').success).toBe(true);
    expect(opt.safeParse('\u200b').success).toBe(false);
  });
});

describe('hostile text over HTTP: 400 naming the field, nothing written', () => {
  let t: TestApp;
  let cw: Client;
  let dcpo: Client;
  let childId: string;
  const count = async (table: string) => (await t.ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const expect400 = (res: { statusCode: number; json(): any }, field: string) => {
    expect(res.statusCode, JSON.stringify(res.json())).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.message).toEqual(expect.any(String));
    expect(body.issues.map((i: { field: string }) => i.field)).toContain(field);
  };

  beforeAll(async () => {
    t = await createTestApp();
    cw = await t.login('caseworker.amravati');
    dcpo = await t.login('dcpo.amravati');
    childId = (await cw.get('/api/v1/children?pageSize=1')).json().items[0].id;
  });
  afterAll(() => t.close());

  it('sign-in with a NUL in the username or password', async () => {
    for (const payload of [
      { username: 'admin\u0000', password: 'x' },
      { username: 'admin', password: 'vatsalya2026\u0000' },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
      expect400(
        res,
        Object.keys(payload).find((k) => (payload as Record<string, string>)[k].includes('\u0000'))!,
      );
    }
  });

  it('a NUL in a query, in a path parameter, in a nested body field or in a key', async () => {
    expect400(await cw.get('/api/v1/children?q=Sani%00ka'), 'querystring.q');
    expect400(await cw.get('/api/v1/families?q=%C2%85'), 'querystring.q');
    expect400(await cw.get('/api/v1/locations/di%00468'), 'params.id');
    const before = await count('child');
    expect400(
      await cw.post('/api/v1/children', {
        name: 'Asha',
        sex: 'female',
        careStatus: 'birth_family',
        locationId: 'x',
        healthNotes: 'fine\u0000',
      }),
      'healthNotes',
    );
    expect400(
      await cw.post('/api/v1/children', {
        name: 'Asha',
        sex: 'female',
        careStatus: 'birth_family',
        locationId: 'x',
        otherNames: ['ok', 'b\uD800'],
      }),
      'otherNames.1',
    );
    expect(await count('child')).toBe(before);
  });

  it('a session cookie with a NUL is no session (401), not a database error', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'samanvay_session=ab%00cd' } });
    expect(res.statusCode).toBe(401);
  });

  it('names of spaces or invisible characters only, or with a line break, are refused by field', async () => {
    const child = (await cw.get(`/api/v1/children/${childId}`)).json();
    for (const name of ['   ', '\u200b\u200b', 'Sani\nka']) {
      expect400(await cw.patch(`/api/v1/children/${childId}`, { version: child.version, name }), 'name');
    }
    // Free text keeps its line breaks.
    const ok = await cw.patch(`/api/v1/children/${childId}`, { version: child.version, healthNotes: 'seen at PHC\nfollow-up in May' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().healthNotes).toBe('seen at PHC\nfollow-up in May');
    const before = await count('missing_record');
    expect400(await dcpo.post('/api/v1/missing/found-children', foundChild({ districtCode: 468, name: '\u200b' })), 'name');
    expect400(await dcpo.post('/api/v1/missing/found-children', foundChild({ districtCode: 468, fatherName: '\u200d' })), 'fatherName');
    expect400(await publicPost(t, '/api/v1/public/missing-reports', publicReport({ reporterName: ' \u2060 ' })), 'reporterName');
    expect(await count('missing_record')).toBe(before);
  });

  it('multipart forms: the JSON in "data", and an attachment\'s description and file name', async () => {
    const before = await count('missing_record');
    const form = multipart([{ name: 'data', value: JSON.stringify(foundChild({ districtCode: 468, marks: 'scar\u0000' })) }]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/missing/found-children',
      payload: form.payload,
      headers: { ...form.headers, authorization: `Bearer ${dcpo.token}` },
    });
    expect400(res, 'marks');
    expect(await count('missing_record')).toBe(before);

    const caseRes = await dcpo.get('/api/v1/cases?pageSize=1');
    const caseId = caseRes.json().items[0].id;
    const attachmentsBefore = await count('case_attachment');
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    for (const [parts, field] of [
      [
        [
          { name: 'description', value: 'order\u0001copy' },
          { name: 'file', file: pdf, filename: 'order.pdf' },
        ],
        'description',
      ],
      [[{ name: 'file', file: pdf, filename: 'ord\u007fer.pdf' }], 'file.filename'],
    ] as const) {
      const f = multipart([...parts]);
      const up = await t.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/attachments`,
        payload: f.payload,
        headers: { ...f.headers, authorization: `Bearer ${dcpo.token}` },
      });
      expect400(up, field);
    }
    expect(await count('case_attachment')).toBe(attachmentsBefore);
  });
});
