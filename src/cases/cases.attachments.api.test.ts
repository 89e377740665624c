import { existsSync, readdirSync } from 'node:fs';
import sharp from 'sharp';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { caseKit, intakeBody, ist, type Kit } from './cases.testkit';

/** Attachments: type by magic bytes, at most 10 MB, stored under a random name, never served outside the case's audience. */
let t: TestApp;
let k: Kit;
let caseId: string;

let PNG: Buffer;
let JPEG: Buffer; // a phone photo: camera, GPS position and orientation in its EXIF
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const GPS = { GPSLatitudeRef: 'N', GPSLatitude: '20/1 56/1 14/1', GPSLongitudeRef: 'E', GPSLongitude: '77/1 46/1 46/1' };
const hasGpsIfd = (exif: Buffer | undefined) =>
  !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));

function multipart(file: { bytes: Buffer; filename: string; type: string }, fields: Record<string, string> = {}) {
  const boundary = `----samanvay${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
  );
  parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(
  client: Client,
  file: { bytes: Buffer; filename: string; type: string },
  fields: Record<string, string> = {},
  id = caseId,
) {
  const { payload, headers } = multipart(file, fields);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/attachments`,
    headers: { ...headers, authorization: `Bearer ${client.token}` },
    payload,
  });
}

beforeAll(async () => {
  const canvas = () => sharp({ create: { width: 48, height: 24, channels: 3, background: { r: 30, g: 120, b: 200 } } });
  PNG = await canvas().png().toBuffer();
  JPEG = await canvas()
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Phone 7' }, IFD3: GPS })
    .withMetadata({ orientation: 6 })
    .toBuffer();
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '10:00'));
  const cw = await k.as('caseworker.amravati');
  caseId = (await cw.post('/api/v1/cases', intakeBody(await k.childIn('Dhamak'), { productionRequired: false }))).json().id;
  await cw.post(`/api/v1/cases/${caseId}/actions`, {
    type: 'referral',
    referralId: 'edu-1',
    need: 'school',
    domain: 'education_training',
    to: { orgId: k.org('Education Department') },
  });
});
afterAll(() => t.close());

describe('upload', () => {
  let attachmentId: string;

  it('accepts a PDF, a PNG and a JPEG, judged by content; records it in the history and the audit log', async () => {
    const cw = await k.as('caseworker.amravati');
    const pdf = await upload(
      cw,
      { bytes: PDF, filename: 'Form22 SIR.pdf', type: 'application/pdf' },
      { kind: 'report', description: 'Form 22, signed' },
    );
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({
      kind: 'report',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      description: 'Form 22, signed',
      originalName: 'Form22 SIR.pdf',
    });
    attachmentId = pdf.json().id;
    // A PNG sent as "application/pdf" is stored as what it is.
    const png = await upload(cw, { bytes: PNG, filename: 'photo.pdf', type: 'application/pdf' }, { kind: 'photo' });
    expect(png.json().contentType).toBe('image/png');
    const jpg = await upload(cw, { bytes: JPEG, filename: 'home-visit.jpg', type: 'image/jpeg' });
    expect(jpg.json()).toMatchObject({ contentType: 'image/jpeg', kind: 'document' });

    const c = (await cw.get(`/api/v1/cases/${caseId}`)).json();
    expect(c.attachments.map((a: { id: string }) => a.id)).toContain(attachmentId);
    const notes = c.history.filter(
      (h: { type: string; action: { text?: string } }) => h.type === 'note' && h.action.text?.includes(attachmentId),
    );
    expect(notes).toHaveLength(1);
    const audited = await t.ctx.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'attach' AND entity_id = $1",
      [caseId],
    );
    expect(audited[0].n).toBe(3);
    // Stored under a random name, nothing from the original file name.
    const dir = join(t.ctx.config.filesDir, 'cases');
    const stored = readdirSync(dir);
    expect(stored.some((f) => f.includes('Form22'))).toBe(false);
    expect(stored.filter((f) => /^[0-9a-f]{32}\.(pdf|png|jpg)$/.test(f)).length).toBeGreaterThanOrEqual(3);
  });

  it('stores a photo without its EXIF: no GPS position, no camera, turned upright', async () => {
    const cw = await k.as('caseworker.amravati');
    expect(hasGpsIfd((await sharp(JPEG).metadata()).exif)).toBe(true);
    const up = await upload(
      cw,
      { bytes: JPEG, filename: 'IMG_2041.jpg', type: 'image/jpeg' },
      { kind: 'photo', description: 'home visit' },
    );
    expect(up.statusCode, up.body).toBe(201);
    const got = await cw.get(`/api/v1/cases/${caseId}/attachments/${up.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    const bytes = Buffer.from(got.rawPayload);
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 24, height: 48 });
    expect([meta.exif, meta.orientation, meta.xmp, meta.icc]).toEqual([undefined, undefined, undefined, undefined]);
    expect(bytes.includes(Buffer.from('Exif\0\0', 'binary'))).toBe(false);
    expect(bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
    // What is listed (size, hash) is what is stored.
    expect(up.json().sizeBytes).toBe(bytes.length);
  });

  it('refuses other types whatever their name says, empty files and files over 10 MB, storing nothing', async () => {
    const cw = await k.as('caseworker.amravati');
    const count = async () =>
      (await t.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM case_attachment WHERE case_id = $1', [caseId]))[0].n;
    const dir = join(t.ctx.config.filesDir, 'cases');
    const files = readdirSync(dir).length;
    const before = await count();
    const exe = await upload(cw, {
      bytes: Buffer.from('MZ\x90\x00 this is a program, not a document'),
      filename: 'report.pdf',
      type: 'application/pdf',
    });
    expect(exe.statusCode).toBe(415);
    expect(exe.json()).toMatchObject({ code: 'unsupported_type', issues: [{ field: 'file' }] });
    const html = await upload(cw, { bytes: Buffer.from('<html><script>alert(1)</script></html>'), filename: 'x.png', type: 'image/png' });
    expect(html.statusCode).toBe(415);
    // Image bytes that do not decode (a PNG signature and nothing else) cannot be cleaned: refused.
    const fake = await upload(cw, {
      bytes: Buffer.concat([PNG.subarray(0, 8), Buffer.from('IHDR fake image body')]),
      filename: 'x.png',
      type: 'image/png',
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().issues).toEqual([{ field: 'file', message: expect.stringMatching(/readable PNG/) }]);
    expect((await upload(cw, { bytes: Buffer.alloc(0), filename: 'empty.pdf', type: 'application/pdf' })).statusCode).toBe(400);
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - PDF.length, 0x20)]);
    const tooBig = await upload(cw, { bytes: big, filename: 'scan.pdf', type: 'application/pdf' });
    expect(tooBig.statusCode).toBe(413);
    const justFits = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 - PDF.length, 0x20)]);
    expect((await upload(cw, { bytes: justFits, filename: 'scan.pdf', type: 'application/pdf' })).statusCode).toBe(201);
    expect(await count()).toBe(before + 1);
    expect(readdirSync(dir).length).toBe(files + 1);
    expect((await upload(cw, { bytes: PDF, filename: 'a.pdf', type: 'application/pdf' }, { kind: 'selfie' })).statusCode).toBe(400);
  });

  it('refuses uploads from outside the case (404) and from roles that cannot write (403)', async () => {
    expect((await upload(await k.as('caseworker.akola'), { bytes: PDF, filename: 'a.pdf', type: 'application/pdf' })).statusCode).toBe(404);
    expect((await upload(await k.as('nodal.education'), { bytes: PDF, filename: 'a.pdf', type: 'application/pdf' })).statusCode).toBe(403);
    expect((await upload(await k.as('auditor.mh'), { bytes: PDF, filename: 'a.pdf', type: 'application/pdf' })).statusCode).toBe(403);
  });

  describe('download', () => {
    it('gives the bytes back to those who see the case, and audits it', async () => {
      const cw = await k.as('caseworker.amravati');
      const res = await cw.get(`/api/v1/cases/${caseId}/attachments/${attachmentId}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).not.toContain('Form22');
      expect(Buffer.from(res.rawPayload).equals(PDF)).toBe(true);
      expect((await (await k.as('auditor.mh')).get(`/api/v1/cases/${caseId}/attachments/${attachmentId}`)).statusCode).toBe(200);
      const audited = await t.ctx.database.query<{ actor_role: string }>(
        "SELECT actor_role FROM audit_event WHERE action = 'download' AND entity_id = $1 AND details->>'attachmentId' = $2 ORDER BY seq",
        [caseId, attachmentId],
      );
      expect(audited.map((a) => a.actor_role)).toEqual(['caseworker', 'auditor']);
    });

    it('is a 404 for another district, for a referred-to department, and for an attachment of another case', async () => {
      const url = `/api/v1/cases/${caseId}/attachments/${attachmentId}`;
      expect((await (await k.as('caseworker.akola')).get(url)).statusCode).toBe(404);
      expect((await (await k.as('nodal.education')).get(url)).statusCode).toBe(403); // no cases.read: only the referred part
      expect((await (await k.as('caseworker.akola')).get(`/api/v1/cases/${caseId}/attachments`)).statusCode).toBe(404);
      const cw = await k.as('caseworker.amravati');
      const other = (await cw.post('/api/v1/cases', intakeBody(await k.childIn('Dhamak', 1), { productionRequired: false }))).json().id;
      expect((await cw.get(`/api/v1/cases/${other}/attachments/${attachmentId}`)).statusCode).toBe(404);
      const denied = await t.ctx.database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_event WHERE action = 'download' AND actor_role IN ('nodal_officer') ",
      );
      expect(denied[0].n).toBe(0);
      expect(existsSync(t.ctx.config.filesDir)).toBe(true);
    });
  });
});
