import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Writable } from 'node:stream';
import { buildApp } from '../http/app';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import sharp from 'sharp';
import { pngOfSize } from './photos.fixtures';
import {
  countRows,
  foundChild,
  missingReport,
  nextIp,
  powHeaders,
  publicPost,
  publicReport,
  publicSighting as publicSightingBody,
} from './missing.testkit';

/** Every official endpoint refuses bad input with the field named, and writes nothing. */
let t: TestApp;
let dcpo: Client;
let reportId: string;
let pendingId: string;

beforeAll(async () => {
  t = await createTestApp();
  dcpo = await t.login('dcpo.amravati');
  reportId = (await dcpo.post('/api/v1/missing/reports', missingReport({ name: 'Siddhi Manohar Kale', fatherName: 'Manohar Kale' }))).json()
    .id;
  await publicPost(t, '/api/v1/public/missing-reports', publicReport({ name: 'Mayuri Kolhe' }));
  pendingId = (await dcpo.get('/api/v1/missing/records?status=pending_moderation&q=Mayuri')).json().items[0].id;
});
afterAll(() => t.close());

const snapshot = async () => ({
  records: await countRows(t, 'missing_record'),
  matches: await countRows(t, 'missing_match'),
  restorations: await countRows(t, 'missing_restoration'),
  versions: await t.ctx.database.query<{ v: number }>('SELECT sum(version)::int AS v FROM missing_record'),
});

async function refused(
  send: () => Promise<{ statusCode: number; json: () => { issues?: { field: string; message: string }[]; message: string } }>,
  status: number,
  field?: string,
) {
  const before = await snapshot();
  const res = await send();
  expect(res.statusCode).toBe(status);
  if (field) {
    const named = (res.json().issues ?? []).map((i) => `${i.field} ${i.message}`).join(' | ') + ' ' + res.json().message;
    expect(named).toContain(field);
  }
  expect(await snapshot()).toEqual(before);
}

describe('official reports and found children', () => {
  it.each([
    ['an unknown field', { status: 'matched' }, 'status'],
    ['an age of 18 or more for a missing child', { ageYears: 18 }, 'ageYears'],
    ['a last-seen date in the future', { lastSeenOn: '2999-12-31' }, 'lastSeenOn'],
    ['a last-seen date that does not exist', { lastSeenOn: '2023-02-29' }, 'lastSeenOn is not a real date'],
    ['a last-seen date in another shape', { lastSeenOn: '05/03/2024' }, 'lastSeenOn must be a date YYYY-MM-DD'],
    ['an unknown last-seen district', { lastSeenDistrictCode: 99999 }, 'lastSeenDistrictCode'],
    ['an unknown village', { villageId: 'vi:nowhere' }, 'villageId'],
    ['a source outside the vocabulary', { source: 'aliens' }, 'source'],
    ['a child id that is not one', { childId: 'child-1' }, 'childId'],
    ['an oversized name', { name: 'x'.repeat(121) }, 'name'],
    ['an email that is not one', { reporterEmail: 'not-an-email' }, 'reporterEmail'],
  ])('a report with %s', async (_w, over, field) => {
    await refused(() => dcpo.post('/api/v1/missing/reports', missingReport(over)), 400, field);
  });

  it.each([
    ['a found date in the future', { foundOn: '2999-01-01' }, 'foundOn'],
    ['a found date that does not exist', { foundOn: '2025-04-31' }, 'foundOn is not a real date'],
    ['an impossible estimated age', { ageYears: 22 }, 'ageYears'],
    ['a care place outside the vocabulary', { currentCare: 'jail' }, 'currentCare'],
    ['a weight of zero', { weightKg: 0 }, 'weightKg'],
    ['a missing-report field', { lastSeenOn: '2025-01-01' }, 'lastSeenOn'],
  ])('a found child with %s', async (_w, over, field) => {
    await refused(() => dcpo.post('/api/v1/missing/found-children', foundChild({ districtCode: 468, ...over })), 400, field);
  });
});

describe('unknown fields are named, one issue each (not "body")', () => {
  it('on a report, an edit and a list query', async () => {
    const fields = async (res: { statusCode: number; json: () => { issues: { field: string }[] } }) => {
      expect(res.statusCode).toBe(400);
      return res
        .json()
        .issues.map((i) => i.field)
        .sort();
    };
    expect(await fields(await dcpo.post('/api/v1/missing/reports', missingReport({ status: 'matched', nickname: 'Chhotu' })))).toEqual([
      'nickname',
      'status',
    ]);
    expect(await fields(await dcpo.patch(`/api/v1/missing/records/${reportId}`, { version: 1, kind: 'found' }))).toEqual(['kind']);
    expect(await fields(await dcpo.get('/api/v1/missing/records?sort=name'))).toEqual(['querystring.sort']);
    expect(await fields(await publicPost(t, '/api/v1/public/sightings', { ...publicSightingBody(), colour: 'red' }))).toEqual(['colour']);
  });
});

describe('edits, moderation and decisions', () => {
  it('an edit needs the version, refuses stale versions, future dates, unknown fields and impossible ages', async () => {
    await refused(() => dcpo.patch(`/api/v1/missing/records/${reportId}`, { heightCm: 140 }), 400, 'version');
    await refused(() => dcpo.patch(`/api/v1/missing/records/${reportId}`, { version: 7, heightCm: 140 }), 409);
    await refused(() => dcpo.patch(`/api/v1/missing/records/${reportId}`, { version: 1, eventDate: '2999-01-01' }), 400, 'eventDate');
    await refused(() => dcpo.patch(`/api/v1/missing/records/${reportId}`, { version: 1, kind: 'found' }), 400, 'kind');
    await refused(() => dcpo.patch(`/api/v1/missing/records/${reportId}`, { version: 1, ageYears: 19 }), 400, 'ageYears');
    await refused(() => dcpo.patch('/api/v1/missing/records/not-a-uuid', { version: 1 }), 400, 'id');
    const ok = await dcpo.patch(`/api/v1/missing/records/${reportId}`, { version: 1, heightCm: 141 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, heightCm: 141, matchState: 'done' });
  });

  it('moderation needs a reason to reject and happens once', async () => {
    await refused(() => dcpo.post(`/api/v1/missing/records/${pendingId}/moderation`, { decision: 'reject' }), 400, 'reason');
    await refused(() => dcpo.post(`/api/v1/missing/records/${pendingId}/moderation`, { decision: 'maybe' }), 400, 'decision');
    await refused(
      () => dcpo.post(`/api/v1/missing/records/${pendingId}/moderation`, { decision: 'accept', districtCode: 99999 }),
      400,
      'districtCode',
    );
    await refused(() => dcpo.post(`/api/v1/missing/records/${reportId}/moderation`, { decision: 'accept' }), 409);
    const res = await dcpo.post(`/api/v1/missing/records/${pendingId}/moderation`, {
      decision: 'reject',
      reason: 'Duplicate of a police report',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', moderation: { reason: 'Duplicate of a police report' } });
    await refused(() => dcpo.post(`/api/v1/missing/records/${pendingId}/moderation`, { decision: 'accept' }), 409);
  });

  it('a decision must be confirm or reject, with a bounded note', async () => {
    const m = (await dcpo.get('/api/v1/missing/matches?status=proposed')).json().items[0];
    await refused(() => dcpo.post(`/api/v1/missing/matches/${m.id}/decision`, { decision: 'yes' }), 400, 'decision');
    await refused(
      () => dcpo.post(`/api/v1/missing/matches/${m.id}/decision`, { decision: 'confirm', note: 'x'.repeat(2001) }),
      400,
      'note',
    );
    await refused(
      () => dcpo.post(`/api/v1/missing/matches/${m.id}/decision`, { decision: 'confirm', note: 'same child', childId: 'x' }),
      400,
      'childId',
    );
    await refused(
      () => dcpo.post(`/api/v1/missing/matches/${m.id}/decision`, { decision: 'confirm', note: 'same child', version: 99 }),
      409,
    );
    await refused(
      () => dcpo.post('/api/v1/missing/matches/00000000-0000-4000-8000-000000000000/decision', { decision: 'confirm', note: 'same child' }),
      404,
    );
  });

  it('a confirmation needs a note saying how it was checked (issue #17): 400 naming note, the match left pending', async () => {
    const m = (await dcpo.get('/api/v1/missing/matches?status=proposed')).json().items[0];
    for (const body of [{}, { note: null }, { note: '' }, { note: '   \n ' }, { note: ' o k ' }]) {
      await refused(
        () => dcpo.post(`/api/v1/missing/matches/${m.id}/decision`, { decision: 'confirm', version: m.version, ...body }),
        400,
        'note',
      );
    }
    const after = await dcpo.get(`/api/v1/missing/matches/${m.id}`);
    expect(after.json()).toMatchObject({ status: 'proposed', version: m.version, decidedAt: null });
    expect(after.json().agreement?.missing ?? null).toBeNull();
    expect(after.json().agreement?.found ?? null).toBeNull();
  });

  it('list queries are validated', async () => {
    await refused(() => dcpo.get('/api/v1/missing/records?status=lost'), 400, 'status');
    await refused(() => dcpo.get('/api/v1/missing/records?pageSize=1000'), 400, 'pageSize');
    await refused(() => dcpo.get('/api/v1/missing/records?sort=name'), 400, 'sort');
    await refused(() => dcpo.get('/api/v1/missing/matches?minProbability=2'), 400, 'minProbability');
    await refused(() => dcpo.get('/api/v1/missing/restorations?status=reopened'), 400, 'status');
  });
});

describe('photos', () => {
  // A whole (1×1) PNG: a bare signature is refused as damaged, since it cannot be decoded and cleaned.
  const PNG = pngOfSize(1, 1);
  const multipart = (bytes: Buffer, filename: string, version = 1) => {
    const boundary = '----samanvaytest';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="version"\r\n\r\n${version}\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${dcpo.token}` } };
  };

  it('refuses what is not a JPEG, PNG or WebP, and JSON instead of a file', async () => {
    await refused(
      () =>
        t.app.inject({
          method: 'PUT',
          url: `/api/v1/missing/records/${reportId}/photo`,
          ...multipart(Buffer.from('%PDF-1.4 hello'), 'x.png'),
        }),
      415,
    );
    await refused(() => dcpo.put(`/api/v1/missing/records/${reportId}/photo`, { file: 'abc' }), 400, 'file');
  });

  it('stores a photo and serves it to officials who see the record, audited', async () => {
    const { version } = (await dcpo.get(`/api/v1/missing/records/${reportId}`)).json();
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/missing/records/${reportId}/photo`,
      ...multipart(PNG, 'child.png', version),
    });
    expect(res.statusCode).toBe(200);
    expect((await dcpo.get(`/api/v1/missing/records/${reportId}`)).json().hasPhoto).toBe(true);
    const photo = await dcpo.get(`/api/v1/missing/records/${reportId}/photo`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    // Re-encoded without metadata (src/media/images.ts): the same 1×1 picture, not the same bytes.
    expect(await sharp(photo.rawPayload).metadata()).toMatchObject({ format: 'png', width: 1, height: 1 });
    const akola = await t.login('dcpo.akola');
    expect((await akola.get(`/api/v1/missing/records/${reportId}/photo`)).statusCode).toBe(404);
  });
});

describe('no input makes the server answer 500, and names never reach the logs', () => {
  it('random bodies and queries on every write and list', async () => {
    const m = (await dcpo.get('/api/v1/missing/matches?status=proposed')).json().items[0];
    const writes = [
      '/api/v1/missing/reports',
      '/api/v1/missing/found-children',
      `/api/v1/missing/records/${reportId}/moderation`,
      `/api/v1/missing/matches/${m.id}/decision`,
    ];
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.constantFrom(...writes), async (body, url) => {
        expect((await dcpo.post(url, body)).statusCode).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.constantFrom('/api/v1/public/missing-reports', '/api/v1/public/sightings'), async (body, url) => {
        expect((await publicPost(t, url, body, nextIp())).statusCode).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (q, status) => {
        expect((await dcpo.get(`/api/v1/missing/records?q=${encodeURIComponent(q)}`)).statusCode).toBeLessThan(500);
        expect((await dcpo.get(`/api/v1/missing/matches?status=${encodeURIComponent(status)}`)).statusCode).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });

  it('a report and a search leave no name in the logs', async () => {
    let logged = '';
    const stream = new Writable({
      write(chunk, _e, cb) {
        logged += chunk.toString();
        cb();
      },
    });
    const app = await buildApp(t.ctx, { logStream: stream });
    await app.ready();
    const auth = { authorization: `Bearer ${dcpo.token}` };
    await app.inject({
      method: 'POST',
      url: '/api/v1/missing/reports',
      headers: auth,
      payload: missingReport({ name: 'Secretname Kale', reporterPhone: '9876500000' }),
    });
    const ip = nextIp();
    await app.inject({
      method: 'POST',
      url: '/api/v1/public/sightings',
      remoteAddress: ip,
      headers: await powHeaders(t, ip),
      payload: { sex: 'male', districtCode: 468, foundOn: '2025-10-01', reporterName: 'Hiddenperson', reporterPhone: '9876511111' },
    });
    await app.inject({ url: `/api/v1/missing/records?q=${encodeURIComponent('लक्ष्मी Secretname')}`, headers: auth });
    await app.close();
    expect(logged).toContain('/api/v1/missing/records');
    expect(logged).not.toMatch(/Secretname|Hiddenperson|लक्ष्मी|98765/);
  });
});
