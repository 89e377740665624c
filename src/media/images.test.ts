import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cleanImage, requireCleanImage, sniffImage } from './images';

/** Phone-like test images made with sharp: a GPS position in EXIF, a camera orientation, text chunks. */
const GPS = { GPSLatitudeRef: 'N', GPSLatitude: '20/1 56/1 14/1', GPSLongitudeRef: 'E', GPSLongitude: '77/1 46/1 46/1' };
const canvas = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } });

export async function jpegWithGpsExif(width = 40, height = 20, orientation = 6): Promise<Buffer> {
  return canvas(width, height)
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Phone 7' }, IFD3: GPS })
    .withMetadata({ orientation })
    .toBuffer();
}
/** Whether an EXIF block holds a GPS IFD (tag 0x8825, either byte order). */
const hasGpsIfd = (exif: Buffer | undefined) =>
  !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));

const pngChunk = (type: string, data: Buffer) => {
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
};

describe('cleanImage: one path for every uploaded image', () => {
  it('a JPEG with GPS in its EXIF comes back with no EXIF at all, turned upright', async () => {
    const src = await jpegWithGpsExif(40, 20, 6);
    const before = await sharp(src).metadata();
    expect(hasGpsIfd(before.exif)).toBe(true);
    expect(before.orientation).toBe(6);
    const out = await cleanImage(src);
    if (!out.ok) throw new Error(out.reason);
    expect(out).toMatchObject({ type: 'jpeg', contentType: 'image/jpeg', ext: 'jpg', width: 20, height: 40 });
    const after = await sharp(out.bytes).metadata();
    expect([after.exif, after.orientation, after.xmp, after.icc, after.iptc]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(out.bytes.includes(Buffer.from('Exif\0\0', 'binary'))).toBe(false);
    expect(out.bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
  });

  it('PNG text chunks and a WebP EXIF chunk go too; each stays in its format', async () => {
    const png = await canvas(8, 8)
      .png()
      .withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: GPS })
      .toBuffer();
    // A tEXt chunk (a comment with a place) before IEND.
    const iend = png.length - 12;
    const withText = Buffer.concat([
      png.subarray(0, iend),
      pngChunk('tEXt', Buffer.from('Comment\0taken at Rajura', 'latin1')),
      png.subarray(iend),
    ]);
    const webp = await canvas(8, 8)
      .webp()
      .withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: GPS })
      .toBuffer();
    for (const [type, src] of [
      ['png', withText],
      ['webp', webp],
    ] as const) {
      expect(hasGpsIfd((await sharp(src).metadata()).exif), type).toBe(true);
      const out = await cleanImage(src);
      if (!out.ok) throw new Error(`${type}: ${out.reason}`);
      expect(out.type).toBe(type);
      const meta = await sharp(out.bytes).metadata();
      expect(meta.format).toBe(type);
      expect([meta.exif, meta.xmp, meta.comments], type).toEqual([undefined, undefined, undefined]);
      expect(out.bytes.includes(Buffer.from('Rajura')), type).toBe(false);
      expect(out.bytes.includes(Buffer.from('PhoneMaker')), type).toBe(false);
    }
  });

  it('refuses what is not a JPEG, PNG or WebP by its bytes (415), whatever it claims', async () => {
    for (const bytes of [
      Buffer.from('%PDF-1.4 not an image'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      Buffer.from('GIF89a......'),
      Buffer.from('MZ\x90\x00'),
    ]) {
      expect(sniffImage(bytes)).toBeNull();
      expect(await cleanImage(bytes)).toMatchObject({ ok: false, status: 415, reason: expect.stringMatching(/JPEG, PNG or WebP/) });
    }
    expect(await cleanImage(Buffer.alloc(0))).toMatchObject({ ok: false, status: 400, reason: 'is empty' });
  });

  it('refuses a file with the right first bytes that does not decode whole (400)', async () => {
    const jpeg = await jpegWithGpsExif(64, 64, 1);
    expect(await cleanImage(jpeg.subarray(0, jpeg.length - 40))).toMatchObject({
      ok: false,
      status: 400,
      reason: expect.stringMatching(/readable JPEG/),
    });
    const fake = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR but nothing else')]);
    expect(await cleanImage(fake)).toMatchObject({ ok: false, status: 400 });
    // A WebP header around JPEG bytes: the decoder must agree with the magic.
    const riff = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBP'), jpeg]);
    expect(await cleanImage(riff)).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses a decompression bomb from its header, without decoding it', async () => {
    // A PNG that claims 100 000 × 100 000 pixels (10 gigapixels) in a few bytes.
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(100_000, 0);
    ihdr.writeUInt32BE(100_000, 4);
    ihdr.set([8, 0, 0, 0, 0], 8);
    const bomb = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', ihdr),
      pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00])),
      pngChunk('IEND', Buffer.alloc(0)),
    ]);
    const started = process.hrtime.bigint();
    expect(await cleanImage(bomb)).toMatchObject({
      ok: false,
      status: 400,
      reason: expect.stringMatching(/100000×100000 pixels; at most 50 megapixels/),
    });
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(5_000);
    // The limit is the caller's to lower.
    expect(await cleanImage(await jpegWithGpsExif(200, 100, 1), { maxInputPixels: 10_000 })).toMatchObject({ ok: false, status: 400 });
  });

  it('scales a large image down to the cap and refuses a file over the byte limit (413)', async () => {
    const big = await canvas(3000, 1000).jpeg().toBuffer();
    const out = await cleanImage(big, { maxDimension: 1200 });
    expect(out).toMatchObject({ ok: true, width: 1200, height: 400 });
    const small = await cleanImage(await canvas(30, 10).png().toBuffer(), { maxDimension: 1200 });
    expect(small).toMatchObject({ ok: true, width: 30, height: 10 });
    expect(await cleanImage(big, { maxBytes: 1000 })).toMatchObject({ ok: false, status: 413 });
  });

  it('requireCleanImage throws the refusal as a 4xx naming the field', async () => {
    await expect(requireCleanImage(Buffer.from('<html></html>'), 'file')).rejects.toMatchObject({
      status: 415,
      code: 'unsupported_type',
      issues: [{ field: 'file', message: expect.stringMatching(/JPEG, PNG or WebP/) }],
    });
    await expect(requireCleanImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), 'photo')).rejects.toMatchObject({
      status: 400,
      code: 'validation_failed',
      issues: [{ field: 'photo' }],
    });
  });
});
