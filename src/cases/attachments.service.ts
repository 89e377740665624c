import { randomBytes, createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppContext } from '../http/context';
import { requirePermission, type Actor } from '../access/policy';
import { HttpError, badRequest, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { getCase, placeOf } from './cases.repository';
import { getAttachment, insertAttachment } from './attachments.repository';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, extensionOf, sniffType, type AttachmentKind } from './attachments.files';
import { requireCleanImage } from '../media/images';
import { recordAction } from './cases.service';

/**
 * Documents and photos on a case. The bytes are stored under `filesDir/cases/` with a random
 * name (nothing about the child in a path); the type is decided by the file's magic bytes,
 * images are stored re-encoded without their metadata (src/media/images.ts);
 * reading one goes through the same access rule as the case (whole-case view only: a
 * referred-to department never gets the files) and is audited.
 */
const dirOf = (ctx: AppContext) => join(ctx.config.filesDir, 'cases');

export const tooLarge = () => new HttpError(413, 'file_too_large', `The file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);

export async function addAttachment(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  file: { bytes: Buffer; filename?: string | null },
  meta: { kind: AttachmentKind; description?: string | null },
) {
  requirePermission(actor, 'cases.write');
  const c = await getCase(ctx.db, actor, caseId);
  if (!c || c.access !== 'full') throw notFound('Case');
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw tooLarge();
  if (file.bytes.length === 0) throw badRequest('file', 'is empty');
  const type = sniffType(file.bytes);
  if (!type) {
    const reason = 'must be a PDF document or a JPEG, PNG or WebP image (judged by the file contents, not its name)';
    throw new HttpError(415, 'unsupported_type', `file: ${reason}`, [{ field: 'file', message: reason }]);
  }
  const t = ATTACHMENT_TYPES[type];
  // An image is decoded and re-encoded without its metadata (a phone photo's GPS position), like every uploaded image.
  const bytes = type === 'pdf' ? file.bytes : (await requireCleanImage(file.bytes, 'file')).bytes;
  const storedName = `${randomBytes(16).toString('hex')}.${t.ext}`;
  const path = join(dirOf(ctx), storedName);
  await mkdir(dirOf(ctx), { recursive: true });
  await writeFile(path, bytes, { flag: 'wx', mode: 0o600 });
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await insertAttachment(tx, {
        caseId,
        stateCode: c.stateCode,
        districtCode: c.districtCode,
        kind: meta.kind,
        contentType: t.contentType,
        originalName: file.filename?.slice(0, 200) || null,
        description: meta.description?.slice(0, 1000) || null,
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        storedName,
        uploadedBy: actor.userId,
      });
      const kb = Math.max(1, Math.round(bytes.length / 1024));
      // The history shows that a file was added (not its contents).
      await recordAction({ ...ctx, db: tx }, actor, caseId, {
        type: 'note',
        text: `Attached ${meta.kind} (${type.toUpperCase()}, ${kb} KB), attachment ${row.id}${meta.description ? `: ${meta.description.slice(0, 500)}` : ''}`,
      });
      await audit(
        tx,
        actor,
        'attach',
        'case',
        caseId,
        placeOf(c),
        { attachmentId: row.id, type, size: bytes.length },
        { children: [c.childId], families: [c.familyId] },
      );
      return row;
    });
  } catch (err) {
    await rm(path, { force: true });
    throw err;
  }
}

export async function openAttachment(ctx: AppContext, actor: Actor, caseId: string, attachmentId: string) {
  requirePermission(actor, 'cases.read');
  const c = await getCase(ctx.db, actor, caseId);
  if (!c || c.access !== 'full') throw notFound('Attachment');
  const a = await getAttachment(ctx.db, caseId, attachmentId);
  if (!a) throw notFound('Attachment');
  const path = join(dirOf(ctx), a.storedName);
  const size = await stat(path).then(
    (s) => s.size,
    () => null,
  );
  if (size == null) throw new HttpError(410, 'file_missing', 'The file is no longer in storage');
  await audit(ctx.db, actor, 'download', 'case', caseId, placeOf(c), { attachmentId }, { children: [c.childId], families: [c.familyId] });
  return {
    stream: createReadStream(path),
    size,
    contentType: a.contentType,
    filename: `${a.kind}-${a.id.slice(0, 8)}.${extensionOf(a.contentType)}`,
  };
}
