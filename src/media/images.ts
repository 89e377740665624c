import sharp from 'sharp';
import { HttpError } from '../http/errors';

/**
 * The one path every uploaded image takes before it is stored: case attachments and the
 * photos of missing and found children. A phone photo carries where it was taken (EXIF GPS),
 * when, and the device; a child's whereabouts must not travel with the picture.
 *
 * - The type is decided by the file's first bytes (never its name or the sender's content type):
 *   JPEG, PNG or WebP; the decoder must agree.
 * - Pixels beyond MAX_INPUT_PIXELS are refused before anything is decoded (a few kilobytes can
 *   claim a 100 000 × 100 000 image: a decompression bomb).
 * - The image is decoded and re-encoded with sharp (libvips) in its own format: the EXIF
 *   orientation is applied to the pixels first, then nothing of the original file is kept but
 *   the pixels: no EXIF, GPS, XMP, IPTC, comments, ICC profile (colours are converted to sRGB),
 *   embedded previews or data after the image. It is scaled down to MAX_DIMENSION on its long side.
 * - A file that cannot be decoded whole (damaged, truncated) is refused.
 */
export const IMAGE_TYPES = {
  jpeg: { contentType: 'image/jpeg', ext: 'jpg' },
  png: { contentType: 'image/png', ext: 'png' },
  webp: { contentType: 'image/webp', ext: 'webp' },
} as const;
export type ImageType = keyof typeof IMAGE_TYPES;

/** A 50-megapixel phone photo is the largest accepted. */
export const MAX_INPUT_PIXELS = 50_000_000;
/** Stored images fit this many pixels on their long side: enough to recognise a child or read a document. */
export const MAX_DIMENSION = 4096;

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
const startsWith = (b: Uint8Array, magic: number[]) => b.length >= magic.length && magic.every((x, i) => b[i] === x);

export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  return null;
}

export interface CleanOptions {
  /** Refuse larger files (413) before decoding. */
  maxBytes?: number;
  maxInputPixels?: number;
  maxDimension?: number;
}

export interface CleanImage {
  ok: true;
  type: ImageType;
  contentType: string;
  ext: string;
  bytes: Buffer;
  width: number;
  height: number;
}
export interface ImageRefusal {
  ok: false;
  status: 400 | 413 | 415;
  reason: string;
}

const refuse = (status: ImageRefusal['status'], reason: string): ImageRefusal => ({ ok: false, status, reason });
const ONLY = 'must be a JPEG, PNG or WebP image (judged by the file contents, not its name)';

// Nothing decoded is kept between requests (memory, and one request's pixels never serve another).
sharp.cache(false);

/** Checks an uploaded image and returns it re-encoded without its metadata, or why it is refused. */
export async function cleanImage(input: Buffer, opts: CleanOptions = {}): Promise<CleanImage | ImageRefusal> {
  const maxPixels = opts.maxInputPixels ?? MAX_INPUT_PIXELS;
  const maxDimension = opts.maxDimension ?? MAX_DIMENSION;
  if (input.length === 0) return refuse(400, 'is empty');
  if (opts.maxBytes !== undefined && input.length > opts.maxBytes) return refuse(413, `is larger than ${opts.maxBytes / 1024 / 1024} MB`);
  const type = sniffImage(input);
  if (!type) return refuse(415, ONLY);
  const unreadable = refuse(400, `is not a readable ${type.toUpperCase()} image (damaged or truncated)`);
  // 'error' refuses truncated and corrupt data; libjpeg's mere warnings (common in phone photos) pass.
  const image = () => sharp(input, { limitInputPixels: maxPixels, failOn: 'error', animated: false });
  try {
    // The header alone (no pixels decoded), to say how large the image claims to be.
    const meta = await sharp(input, { limitInputPixels: false }).metadata();
    if (meta.format !== type) return unreadable;
    const pixels = (meta.width ?? 0) * (meta.height ?? 0);
    if (pixels > maxPixels) {
      return refuse(400, `has ${meta.width}×${meta.height} pixels; at most ${Math.round(maxPixels / 1e6)} megapixels are accepted`);
    }
    // Orientation first (rotate() with no angle applies EXIF's); sharp writes no metadata unless asked.
    const pipeline = image().rotate().resize({ width: maxDimension, height: maxDimension, fit: 'inside', withoutEnlargement: true });
    const encoded = type === 'jpeg' ? pipeline.jpeg({ quality: 85 }) : type === 'png' ? pipeline.png() : pipeline.webp({ quality: 85 });
    const { data, info } = await encoded.timeout({ seconds: 30 }).toBuffer({ resolveWithObject: true });
    return { ok: true, type, ...IMAGE_TYPES[type], bytes: data, width: info.width, height: info.height };
  } catch (err) {
    if (/pixel limit/i.test((err as Error).message ?? '')) return refuse(400, `has more than ${Math.round(maxPixels / 1e6)} megapixels`);
    return unreadable;
  }
}

/** The refusal as the API's error: 4xx naming the form field. */
export function imageRefusalError(r: ImageRefusal, field: string, tooLarge?: () => HttpError): HttpError {
  if (r.status === 413 && tooLarge) return tooLarge();
  const code = r.status === 415 ? 'unsupported_type' : r.status === 413 ? 'file_too_large' : 'validation_failed';
  return new HttpError(r.status, code, `${field}: ${r.reason}`, [{ field, message: r.reason }]);
}

/** cleanImage, throwing the refusal as a 4xx naming `field`. */
export async function requireCleanImage(input: Buffer, field: string, opts: CleanOptions = {}): Promise<CleanImage> {
  const r = await cleanImage(input, opts);
  if (!r.ok) throw imageRefusalError(r, field);
  return r;
}
