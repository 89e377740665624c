import type { FastifyRequest } from 'fastify';
import { HttpError, badRequest } from '../http/errors';
import { MAX_PHOTO_BYTES } from './photos';
import { photoTooLarge } from './missing.service';

/**
 * A report with a photo, as multipart/form-data: the form as JSON in the field `data` and the
 * photo as the file `photo`. The hook puts the parsed `data` where a JSON body would be, so the
 * route's zod schema checks it exactly as it checks a JSON body (400s name the field), and keeps
 * the photo's bytes for the handler (`photoOf(req)`). A JSON body is left as it is (no photo).
 */
const photos = new WeakMap<FastifyRequest, Buffer>();

export const photoOf = (req: FastifyRequest): Buffer | null => photos.get(req) ?? null;

export async function multipartReport(req: FastifyRequest) {
  if (!req.isMultipart()) return;
  let data: unknown;
  let seenData = false;
  const parts = req.parts({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 1, fieldSize: 32 * 1024, parts: 2 } });
  for await (const part of parts) {
    if (part.type === 'file') {
      if (part.fieldname !== 'photo') {
        part.file.resume();
        throw badRequest(part.fieldname, 'is not a field of this form (send the photo as "photo")');
      }
      try {
        photos.set(req, await part.toBuffer());
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw photoTooLarge('photo');
        throw err;
      }
    } else if (part.fieldname === 'data') {
      seenData = true;
      try {
        data = JSON.parse(String(part.value));
      } catch {
        throw badRequest('data', 'must be the form as JSON');
      }
    } else {
      throw badRequest(part.fieldname, 'is not a field of this form (send "data" and "photo")');
    }
  }
  if (!seenData)
    throw new HttpError(400, 'validation_failed', 'data: is required (the form as JSON)', [
      { field: 'data', message: 'is required (the form as JSON)' },
    ]);
  req.body = data;
}
