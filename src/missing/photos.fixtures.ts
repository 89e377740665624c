import { crc32, deflateSync } from 'node:zlib';

/**
 * Small but well-formed photos for tests, each carrying a GPS position in its metadata (the
 * text GPS_MARK), so a test can check that what is stored no longer has it.
 */
export const GPS_MARK = 'GPS 20.9374N 77.7796E';

const u16be = (n: number) => Buffer.from([n >> 8, n & 255]);
const seg = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker]), u16be(body.length + 2), body]);

/** JPEG: SOI, APP0 JFIF, APP1 EXIF (orientation 6 + GPS text), COM, DQT, SOF0, SOS + data, EOI. */
export function jpegWithGps(orientation = 6): Buffer {
  const ifd = Buffer.from([0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
  const tiff = Buffer.concat([Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8]), ifd, Buffer.from(GPS_MARK)]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'binary')),
    seg(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff])),
    seg(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${GPS_MARK}</x:xmpmeta>`, 'binary')),
    seg(0xfe, Buffer.from(`taken at ${GPS_MARK}`)),
    seg(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    seg(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
    seg(0xda, Buffer.from([1, 1, 0, 0, 63, 0])),
    Buffer.from([0x12, 0x34, 0x56, 0xff, 0x00, 0x78]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/**
 * What phones write: a progressive JPEG whose second scan follows an APP1 with the GPS text and
 * a comment, an APP2 "MPF" index, and after EOI a second embedded image with its own EXIF.
 */
export function jpegProgressiveWithTrailer(): Buffer {
  const exif = seg(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'binary'), Buffer.from(`MM\0*${GPS_MARK}`, 'binary')]));
  const base = jpegWithGps(1);
  const eoi = base.length - 2;
  return Buffer.concat([
    base.subarray(0, 2),
    seg(0xe2, Buffer.from('MPF\0MM\0*index of further images', 'binary')),
    seg(0xe2, Buffer.from('ICC_PROFILE\0\x01\x01profile', 'binary')),
    base.subarray(2, eoi),
    exif,
    seg(0xfe, Buffer.from(`between scans ${GPS_MARK}`)),
    seg(0xda, Buffer.from([1, 1, 0, 0, 63, 0])),
    Buffer.from([0x9a, 0xff, 0x00, 0xff, 0xd3, 0xbc]),
    Buffer.from([0xff, 0xd9]),
    // The second image (e.g. a preview or a depth map) after EOI.
    Buffer.from([0xff, 0xd8]),
    exif,
    Buffer.from([0xff, 0xd9]),
  ]);
}

const chunk = (type: string, data: Buffer) => {
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
};

/** A 1×1 PNG with a tEXt chunk holding the GPS text. */
export function pngWithGps(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  const idat = Buffer.from([0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`Comment\0${GPS_MARK}`, 'latin1')),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A plain grey PNG of the given size, without metadata (a browser test can tell it by its width). */
export function pngOfSize(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter type 0 at the start of each row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const riffChunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32LE(data.length);
  return Buffer.concat([Buffer.from(type, 'ascii'), len, data, data.length % 2 ? Buffer.from([0]) : Buffer.alloc(0)]);
};

/** An extended WebP (VP8X with the EXIF flag, a VP8L image, an EXIF chunk holding the GPS text). */
export function webpWithGps(): Buffer {
  const vp8x = Buffer.from([0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  const vp8l = Buffer.from([0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00]);
  const body = Buffer.concat([
    riffChunk('VP8X', vp8x),
    riffChunk('VP8L', vp8l),
    riffChunk('EXIF', Buffer.from(`MM\0*${GPS_MARK}`, 'binary')),
  ]);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'ascii');
  return Buffer.concat([head, body]);
}

/** multipart/form-data for app.inject. */
export function multipart(
  parts: ({ name: string; value: string } | { name: string; file: Buffer; filename?: string })[],
  headers: Record<string, string> = {},
) {
  const boundary = '----samanvayphoto';
  const payload = Buffer.concat([
    ...parts.flatMap((p) =>
      'file' in p
        ? [
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename ?? 'photo.jpg'}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
            ),
            p.file,
            Buffer.from('\r\n'),
          ]
        : [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`)],
    ),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers } };
}
