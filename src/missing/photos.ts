import { ATTACHMENT_TYPES, sniffType } from '../cases/attachments.files';

/**
 * Photos of missing and found children: what is accepted and what is kept. Pure (no I/O).
 *
 * - The type is decided by the file's first bytes (the magic numbers of src/cases/
 *   attachments.files.ts, plus WebP's RIFF header), never by its name or the sender's content
 *   type: JPEG, PNG or WebP only.
 * - At most MAX_PHOTO_BYTES.
 * - Metadata is removed before the file is stored: a phone photo's EXIF block carries where it
 *   was taken (GPS), when, and the device, and a child's whereabouts must not travel with the
 *   picture. JPEG: APP1 (EXIF, XMP), APP13 (IPTC) and the other APPn segments except APP0 (JFIF),
 *   APP2 (ICC colour profile) and APP14 (Adobe colour transform), and comments; the EXIF
 *   orientation, when not upright, is kept in a minimal EXIF block of that one tag so the photo is
 *   not shown on its side. PNG: eXIf, tEXt, zTXt, iTXt and tIME chunks. WebP: EXIF and XMP chunks
 *   (and their flags in VP8X). Pixels are never re-encoded. A file whose structure cannot be
 *   walked is refused (its metadata could not be removed).
 */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

export const PHOTO_TYPES = {
  jpeg: { contentType: ATTACHMENT_TYPES.jpeg.contentType, ext: ATTACHMENT_TYPES.jpeg.ext },
  png: { contentType: ATTACHMENT_TYPES.png.contentType, ext: ATTACHMENT_TYPES.png.ext },
  webp: { contentType: 'image/webp', ext: 'webp' },
} as const;
export type PhotoType = keyof typeof PHOTO_TYPES;
export const PHOTO_CONTENT_TYPES = Object.values(PHOTO_TYPES).map((t) => t.contentType);

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));

export function sniffPhoto(bytes: Uint8Array): PhotoType | null {
  const t = sniffType(bytes);
  if (t === 'jpeg' || t === 'png') return t;
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  return null;
}

export type PhotoCheck = { ok: true; type: PhotoType; bytes: Buffer; removed: number } | { ok: false; status: 413 | 415 | 400; reason: string };

/** Checks a photo and returns it without its metadata, or why it is refused. */
export function checkPhoto(input: Buffer): PhotoCheck {
  if (input.length === 0) return { ok: false, status: 400, reason: 'is empty' };
  if (input.length > MAX_PHOTO_BYTES) return { ok: false, status: 413, reason: `is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB` };
  const type = sniffPhoto(input);
  if (!type) return { ok: false, status: 415, reason: 'must be a JPEG, PNG or WebP image (judged by the file contents, not its name)' };
  const stripped = type === 'jpeg' ? stripJpeg(input) : type === 'png' ? stripPng(input) : stripWebp(input);
  if (!stripped) return { ok: false, status: 400, reason: `is not a readable ${type.toUpperCase()} image (damaged or truncated)` };
  return { ok: true, type, bytes: stripped, removed: input.length - stripped.length };
}

// ---------------------------------------------------------------- JPEG

const KEEP_APP = new Set([0xe0, 0xe2, 0xee]); // APP0 JFIF, APP2 ICC profile, APP14 Adobe

export function stripJpeg(b: Buffer): Buffer | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  const out: Buffer[] = [b.subarray(0, 2)];
  let orientation = 1;
  let scanned = false;
  let i = 2;
  const finish = () => {
    // A kept orientation goes right after SOI (and APP0, which must come first when present).
    if (orientation !== 1) out.splice(out[1]?.[1] === 0xe0 ? 2 : 1, 0, orientationSegment(orientation));
    return Buffer.concat(out);
  };
  for (;;) {
    if (i >= b.length) return scanned ? finish() : null; // no EOI after a scan: keep what was read
    if (b[i] !== 0xff) return null;
    while (i < b.length && b[i] === 0xff) i++; // fill bytes
    if (i >= b.length) return null;
    const marker = b[i];
    const start = i - 1;
    i++;
    if (marker === 0xd9) {
      if (!scanned) return null; // EOI before any scan: no image
      // Everything after EOI is dropped: phones append further images there (each with its own
      // EXIF and GPS), maker trailers and motion-photo videos.
      out.push(b.subarray(start, i));
      return finish();
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      out.push(b.subarray(start, i));
      continue;
    }
    if (i + 2 > b.length) return null;
    const len = b.readUInt16BE(i);
    if (len < 2 || i + len > b.length) return null;
    const end = i + len;
    if (marker === 0xda) {
      // Start of scan: keep its header and the entropy-coded data up to the next real marker
      // (0xFF then 0x00 is a data byte, 0xFF then RSTn a restart); that marker goes back through
      // this loop, so metadata between the scans of a progressive JPEG is dropped too.
      scanned = true;
      let k = end;
      while (k + 1 < b.length && !(b[k] === 0xff && b[k + 1] !== 0x00 && b[k + 1] !== 0xff && (b[k + 1] < 0xd0 || b[k + 1] > 0xd7))) k++;
      if (k + 1 >= b.length) k = b.length;
      out.push(b.subarray(start, k));
      i = k;
      continue;
    }
    const isApp = marker >= 0xe0 && marker <= 0xef;
    if (marker === 0xe1 && ascii(b, i + 2, 6) === 'Exif\0\0') orientation = exifOrientation(b.subarray(i + 8, end)) ?? orientation;
    // APP2 also carries the MPF index of the further images a phone appends; only ICC profiles stay.
    const iccProfile = marker === 0xe2 && ascii(b, i + 2, 12) === 'ICC_PROFILE\0';
    const keep = !isApp ? marker !== 0xfe : KEEP_APP.has(marker) && (marker !== 0xe2 || iccProfile);
    if (keep) out.push(b.subarray(start, end));
    i = end;
  }
}

/** Orientation (EXIF tag 0x0112) from a TIFF block, or null. */
function exifOrientation(tiff: Buffer): number | null {
  if (tiff.length < 8) return null;
  const le = ascii(tiff, 0, 2) === 'II';
  if (!le && ascii(tiff, 0, 2) !== 'MM') return null;
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return null;
  const n = u16(ifd);
  for (let k = 0; k < n; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > tiff.length) return null;
    if (u16(e) === 0x0112) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : null;
    }
  }
  return null;
}

/** A minimal APP1 EXIF segment holding only the orientation tag. */
function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

// ---------------------------------------------------------------- PNG

const PNG_DROP = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

export function stripPng(b: Buffer): Buffer | null {
  if (b.length < 8) return null;
  const out: Buffer[] = [b.subarray(0, 8)];
  let i = 8;
  let sawEnd = false;
  let sawHeader = false;
  while (i < b.length) {
    if (i + 12 > b.length) return null;
    const len = b.readUInt32BE(i);
    const type = ascii(b, i + 4, 4);
    const end = i + 12 + len;
    if (end > b.length) return null;
    if (i === 8 && type !== 'IHDR') return null;
    if (type === 'IHDR') sawHeader = true;
    if (!PNG_DROP.has(type)) out.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') {
      sawEnd = true;
      break;
    }
  }
  return sawHeader && sawEnd ? Buffer.concat(out) : null;
}

// ---------------------------------------------------------------- WebP

export function stripWebp(b: Buffer): Buffer | null {
  if (b.length < 20) return null;
  const riffSize = b.readUInt32LE(4);
  if (riffSize + 8 > b.length || riffSize < 4) return null;
  const out: Buffer[] = [];
  let i = 12;
  const end = 8 + riffSize;
  let sawImage = false;
  while (i < end) {
    if (i + 8 > end) return null;
    const type = ascii(b, i, 4);
    const len = b.readUInt32LE(i + 4);
    const next = i + 8 + len + (len % 2);
    if (i + 8 + len > end) return null;
    if (type === 'VP8 ' || type === 'VP8L' || type === 'ANIM') sawImage = true;
    if (type === 'VP8X') {
      const chunk = Buffer.from(b.subarray(i, Math.min(next, end)));
      chunk[8] &= ~(0x08 | 0x04); // EXIF and XMP flags
      out.push(chunk);
    } else if (type !== 'EXIF' && type !== 'XMP ') {
      out.push(b.subarray(i, Math.min(next, end)));
    }
    i = next;
  }
  if (!sawImage) return null;
  const body = Buffer.concat(out);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'binary');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'binary');
  return Buffer.concat([head, body]);
}
