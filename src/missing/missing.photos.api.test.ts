import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { countRows, foundChild, missingReport, nextIp, powHeaders, publicPost, publicReport, publicSighting } from './missing.testkit';
import { GPS_MARK, jpegWithGps, multipart, pngWithGps, webpWithGps } from './photos.fixtures';

/**
 * Photos on missing reports and found records: official and public forms, type by content,
 * metadata removed, held with a public submission, served only to officials who see the record.
 */
let t: TestApp;
let dcpo: Client;
let akola: Client;
let reportId: string;
const photoDir = () => join(t.ctx.config.filesDir, 'missing');
const storedFiles = () => (existsSync(photoDir()) ? readdirSync(photoDir()).length : 0);
const auth = (c: Client) => ({ authorization: `Bearer ${c.token}` });
const fieldsOf = (res: { json: () => { issues?: { field: string }[] } }) => (res.json().issues ?? []).map((i) => i.field);
const versionOf = async (id: string) => (await dcpo.get(`/api/v1/missing/records/${id}`)).json().version as number;
const v = (version: number) => ({ name: 'version', value: String(version) });

beforeAll(async () => {
  t = await createTestApp();
  dcpo = await t.login('dcpo.amravati');
  akola = await t.login('dcpo.akola');
});
afterAll(() => t.close());

describe('official forms', () => {
  it("a report sent with a photo is stored with it, without the photo's location", async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/missing/reports',
      ...multipart(
        [
          { name: 'data', value: JSON.stringify(missingReport({ name: 'Ishwari Gajanan Bhuyar', fatherName: 'Gajanan Bhuyar' })) },
          { name: 'photo', file: jpegWithGps(6) },
        ],
        auth(dcpo),
      ),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ hasPhoto: true, name: 'Ishwari Gajanan Bhuyar' });
    reportId = res.json().id;
    const photo = await dcpo.get(`/api/v1/missing/records/${reportId}/photo`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.headers['cache-control']).toBe('private, no-store');
    expect(photo.rawPayload.includes(Buffer.from(GPS_MARK))).toBe(false);
    expect(photo.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const [a] = await t.ctx.database.query<{ action: string; details: { photo?: boolean } }>(
      `SELECT action, details FROM audit_event WHERE entity_id = $1 ORDER BY seq DESC LIMIT 1`,
      [reportId],
    );
    expect(a).toMatchObject({ action: 'download', details: { photo: true } });
  });

  it("a found child's photo can be set and replaced later: PNG and WebP, metadata removed", async () => {
    const id = (await dcpo.post('/api/v1/missing/found-children', foundChild({ districtCode: 468, name: 'Unknown boy' }))).json().id;
    const png = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/missing/records/${id}/photo`,
      ...multipart([v(1), { name: 'file', file: pngWithGps(), filename: 'a.png' }], auth(dcpo)),
    });
    expect(png.statusCode).toBe(200);
    expect(png.json()).toMatchObject({ hasPhoto: true, contentType: 'image/png' });
    const files = storedFiles();
    const webp = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/missing/records/${id}/photo`,
      ...multipart([v(2), { name: 'file', file: webpWithGps(), filename: 'b.webp' }], auth(dcpo)),
    });
    expect(webp.json()).toMatchObject({ contentType: 'image/webp' });
    expect(storedFiles()).toBe(files); // the replaced file is removed
    const got = await dcpo.get(`/api/v1/missing/records/${id}/photo`);
    expect(got.headers['content-type']).toBe('image/webp');
    expect(got.rawPayload.includes(Buffer.from(GPS_MARK))).toBe(false);
  });

  it('a file that is not a JPEG, PNG or WebP is refused with 415 naming the field, and nothing is written', async () => {
    const records = await countRows(t, 'missing_record');
    const files = storedFiles();
    const version = await versionOf(reportId);
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/missing/records/${reportId}/photo`,
      ...multipart([v(version), { name: 'file', file: Buffer.from('%PDF-1.4 not a photo'), filename: 'x.jpg' }], auth(dcpo)),
    });
    expect(put.statusCode).toBe(415);
    expect(fieldsOf(put)).toEqual(['file']);
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/v1/missing/reports',
      ...multipart(
        [
          { name: 'data', value: JSON.stringify(missingReport()) },
          { name: 'photo', file: Buffer.from('<html>hello</html>'), filename: 'x.png' },
        ],
        auth(dcpo),
      ),
    });
    expect(post.statusCode).toBe(415);
    expect(post.json()).toMatchObject({
      code: 'unsupported_type',
      issues: [{ field: 'photo', message: expect.stringMatching(/JPEG, PNG or WebP/) }],
    });
    const big = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/missing/records/${reportId}/photo`,
      ...multipart([v(version), { name: 'file', file: Buffer.concat([jpegWithGps(), Buffer.alloc(5 * 1024 * 1024)]) }], auth(dcpo)),
    });
    expect(big.statusCode).toBe(413);
    expect(fieldsOf(big)).toEqual(['file']);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/missing/reports',
      ...multipart(
        [
          { name: 'data', value: JSON.stringify(missingReport({ ageYears: 40 })) },
          { name: 'photo', file: jpegWithGps() },
        ],
        auth(dcpo),
      ),
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['ageYears']);
    expect(await countRows(t, 'missing_record')).toBe(records);
    expect(storedFiles()).toBe(files);
  });

  it('an official outside the jurisdiction gets 404 for the photo, and cannot set one', async () => {
    expect((await akola.get(`/api/v1/missing/records/${reportId}/photo`)).statusCode).toBe(404);
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/missing/records/${reportId}/photo`,
      ...multipart([v(1), { name: 'file', file: jpegWithGps() }], auth(akola)),
    });
    expect(put.statusCode).toBe(404);
  });
});

describe('replacing a photo: against the version read, one at a time', () => {
  const put = (id: string, parts: Parameters<typeof multipart>[0], headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/missing/records/${id}/photo`, ...multipart(parts, { ...auth(dcpo), ...headers }) });
  const rowOf = async (id: string) =>
    (
      await t.ctx.database.query<{ version: number; photo_stored_name: string | null; photo_sha256: string | null }>(
        'SELECT version, photo_stored_name, photo_sha256 FROM missing_record WHERE id = $1',
        [id],
      )
    )[0];
  const withPhoto = async () => {
    const id = (await dcpo.post('/api/v1/missing/found-children', foundChild({ districtCode: 468, name: 'Unknown girl' }))).json()
      .id as string;
    expect((await put(id, [v(1), { name: 'file', file: pngWithGps(), filename: 'a.png' }])).statusCode).toBe(200);
    return id;
  };

  it('a stale version is a 409 with the record as it stands, and nothing changes (row or files)', async () => {
    const id = await withPhoto();
    const before = await rowOf(id);
    const files = storedFiles();
    const stale = await put(id, [v(before.version - 1), { name: 'file', file: webpWithGps(), filename: 'b.webp' }]);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', current: { id, version: before.version, hasPhoto: true } });
    expect(await rowOf(id)).toEqual(before);
    expect(storedFiles()).toBe(files);
    expect((await dcpo.get(`/api/v1/missing/records/${id}/photo`)).headers['content-type']).toBe('image/png');
  });

  it('takes the version from If-Match too, answers with the new one, and refuses a form with none (400 naming version)', async () => {
    const id = await withPhoto();
    const files = storedFiles();
    const none = await put(id, [{ name: 'file', file: webpWithGps(), filename: 'b.webp' }]);
    expect(none.statusCode).toBe(400);
    expect(fieldsOf(none)).toEqual(['version']);
    const notANumber = await put(id, [
      { name: 'version', value: 'two' },
      { name: 'file', file: webpWithGps(), filename: 'b.webp' },
    ]);
    expect(notANumber.statusCode).toBe(400);
    expect(fieldsOf(notANumber)).toEqual(['version']);
    const unknown = await put(id, [
      { name: 'colour', value: 'red' },
      { name: 'file', file: webpWithGps(), filename: 'b.webp' },
    ]);
    expect(unknown.statusCode).toBeGreaterThanOrEqual(400);
    expect(unknown.statusCode).toBeLessThan(500);
    expect(storedFiles()).toBe(files);
    const ok = await put(id, [{ name: 'file', file: webpWithGps(), filename: 'b.webp' }], { 'if-match': '"2"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ contentType: 'image/webp', version: 3 });
    expect(ok.headers.etag).toBe('"3"');
    expect(storedFiles()).toBe(files); // replaced, the old file removed
    expect((await put(id, [{ name: 'file', file: jpegWithGps() }], { 'if-match': '"2"' })).statusCode).toBe(409);
  });

  it('two replacements at once: one is saved, the other refused with 409; only the saved file is left on disk', async () => {
    const id = await withPhoto();
    const before = await rowOf(id);
    const files = storedFiles();
    const results = await Promise.all([
      put(id, [v(before.version), { name: 'file', file: webpWithGps(), filename: 'b.webp' }]),
      put(id, [v(before.version), { name: 'file', file: jpegWithGps(3), filename: 'c.jpg' }]),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const after = await rowOf(id);
    expect(after.version).toBe(before.version + 1);
    expect(after.photo_stored_name).not.toBe(before.photo_stored_name);
    expect(storedFiles()).toBe(files); // the old file removed, the loser's never kept
    expect(existsSync(join(photoDir(), after.photo_stored_name!))).toBe(true);
    expect(existsSync(join(photoDir(), before.photo_stored_name!))).toBe(false);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    expect((await dcpo.get(`/api/v1/missing/records/${id}/photo`)).headers['content-type']).toBe(winner.contentType);
  });

  it('a rejected submission takes no photo: 409 naming the reason, nothing written', async () => {
    await publicPost(t, '/api/v1/public/missing-reports', publicReport({ name: 'Komal Haridas Tayde' }));
    const item = (await dcpo.get('/api/v1/missing/records?status=pending_moderation&q=Komal')).json().items[0];
    const rejected = await dcpo.post(`/api/v1/missing/records/${item.id}/moderation`, {
      decision: 'reject',
      reason: 'Duplicate of an earlier report',
    });
    expect(rejected.statusCode).toBe(200);
    const before = await rowOf(item.id);
    const files = storedFiles();
    const res = await put(item.id, [v(before.version), { name: 'file', file: jpegWithGps() }]);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'record_closed', reason: 'rejected' });
    expect(await rowOf(item.id)).toEqual(before);
    expect(storedFiles()).toBe(files);
  });
});

describe('the public form', () => {
  let pendingId: string;

  it('takes a photo with the report, answers with a reference only, and holds the photo for moderation', async () => {
    const ip = nextIp();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/missing-reports',
      remoteAddress: ip,
      ...multipart(
        [
          { name: 'data', value: JSON.stringify(publicReport({ name: 'Radhika Sunil Ingle' })) },
          { name: 'photo', file: jpegWithGps(1) },
        ],
        await powHeaders(t, ip),
      ),
    });
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json()).sort()).toEqual(['message', 'reference', 'status']);
    const item = (await dcpo.get('/api/v1/missing/records?status=pending_moderation&q=Radhika')).json().items[0];
    expect(item).toMatchObject({ hasPhoto: true, channel: 'public' });
    pendingId = item.id;
    const photo = await dcpo.get(`/api/v1/missing/records/${pendingId}/photo`);
    expect(photo.statusCode).toBe(200);
    expect(photo.rawPayload.includes(Buffer.from(GPS_MARK))).toBe(false);
  });

  it('the public cannot fetch a photo: no session is 401, and there is no public path to one', async () => {
    const ip = { 'x-forwarded-for': nextIp() };
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/missing/records/${pendingId}/photo`, headers: ip })).statusCode).toBe(401);
    for (const url of [`/api/v1/public/missing-reports/${pendingId}/photo`, `/api/v1/public/photos/${pendingId}`]) {
      const res = await t.app.inject({ method: 'GET', url, headers: ip });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).not.toMatch(/image/);
    }
    expect((await akola.get(`/api/v1/missing/records/${pendingId}/photo`)).statusCode).toBe(404);
  });

  it('refuses a non-image, an unknown part or an oversized photo by name, writing nothing', async () => {
    const records = await countRows(t, 'missing_record');
    const files = storedFiles();
    const send = async (parts: Parameters<typeof multipart>[0]) => {
      const ip = nextIp();
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/public/sightings',
        remoteAddress: ip,
        ...multipart(parts, await powHeaders(t, ip)),
      });
    };
    const data = { name: 'data', value: JSON.stringify(publicSighting()) };
    const notImage = await send([data, { name: 'photo', file: Buffer.from('MZ\x90\x00 an executable'), filename: 'child.jpg' }]);
    expect(notImage.statusCode).toBe(415);
    expect(fieldsOf(notImage)).toEqual(['photo']);
    const wrongPart = await send([data, { name: 'picture', file: jpegWithGps() }]);
    expect(wrongPart.statusCode).toBe(400);
    expect(fieldsOf(wrongPart)).toEqual(['picture']);
    const noData = await send([{ name: 'photo', file: jpegWithGps() }]);
    expect(noData.statusCode).toBe(400);
    expect(fieldsOf(noData)).toEqual(['data']);
    const big = await send([data, { name: 'photo', file: Buffer.concat([jpegWithGps(), Buffer.alloc(5 * 1024 * 1024)]) }]);
    expect(big.statusCode).toBe(413);
    expect(fieldsOf(big)).toEqual(['photo']);
    const invalid = await send([
      { name: 'data', value: JSON.stringify(publicSighting({ foundOn: '2999-01-01' })) },
      { name: 'photo', file: jpegWithGps() },
    ]);
    expect(invalid.statusCode).toBe(400);
    expect(fieldsOf(invalid)).toEqual(['foundOn']);
    expect(await countRows(t, 'missing_record')).toBe(records);
    expect(storedFiles()).toBe(files);
  });

  it('rejecting the submission removes its photo', async () => {
    const files = storedFiles();
    const res = await dcpo.post(`/api/v1/missing/records/${pendingId}/moderation`, {
      decision: 'reject',
      reason: 'Not a child of this district',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().hasPhoto).toBe(false);
    expect(storedFiles()).toBe(files - 1);
    expect((await dcpo.get(`/api/v1/missing/records/${pendingId}/photo`)).statusCode).toBe(404);
  });
});
