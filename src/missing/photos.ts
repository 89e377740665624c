import { IMAGE_TYPES, cleanImage, sniffImage, type ImageType } from '../media/images';

/**
 * Photos of missing and found children: what is accepted and what is kept.
 *
 * At most MAX_PHOTO_BYTES, JPEG, PNG or WebP by the file's first bytes; the photo is cleaned
 * by the one image path every upload takes (src/media/images.ts): decoded, turned upright,
 * re-encoded without any metadata (a phone photo's EXIF carries where it was taken, and a
 * child's whereabouts must not travel with the picture). A file that cannot be decoded is refused.
 */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

export const PHOTO_TYPES = IMAGE_TYPES;
export type PhotoType = ImageType;
export const PHOTO_CONTENT_TYPES = Object.values(PHOTO_TYPES).map((t) => t.contentType);

export function sniffPhoto(bytes: Uint8Array): PhotoType | null {
  return sniffImage(bytes);
}

/** `removed`: how many bytes smaller the stored photo is than the upload (0 if re-encoding made it larger). */
export type PhotoCheck =
  { ok: true; type: PhotoType; bytes: Buffer; removed: number } | { ok: false; status: 413 | 415 | 400; reason: string };

/** Checks a photo and returns it without its metadata, or why it is refused. */
export async function checkPhoto(input: Buffer): Promise<PhotoCheck> {
  const r = await cleanImage(input, { maxBytes: MAX_PHOTO_BYTES });
  if (!r.ok) return { ok: false, status: r.status, reason: r.reason };
  return { ok: true, type: r.type, bytes: r.bytes, removed: Math.max(0, input.length - r.bytes.length) };
}
