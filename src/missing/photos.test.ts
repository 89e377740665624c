import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkPhoto, MAX_PHOTO_BYTES, sniffPhoto } from './photos';
import { GPS_MARK, jpegWithGps, pngWithGps, webpWithGps, jpegProgressiveWithTrailer } from './photos.fixtures';

/** The missing module's photo rules; the cleaning itself is src/media/images.ts (tested there). */
describe('photos: type by content, metadata removed', () => {
  it('knows JPEG, PNG and WebP by their first bytes, nothing else', async () => {
    expect(sniffPhoto(jpegWithGps())).toBe('jpeg');
    expect(sniffPhoto(pngWithGps())).toBe('png');
    expect(sniffPhoto(webpWithGps())).toBe('webp');
    expect(sniffPhoto(Buffer.from('%PDF-1.4'))).toBeNull();
    expect(sniffPhoto(Buffer.from('GIF89a......'))).toBeNull();
    expect(await checkPhoto(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatchObject({ ok: false, status: 415 });
    expect(await checkPhoto(Buffer.alloc(0))).toMatchObject({ ok: false, status: 400 });
    expect(await checkPhoto(Buffer.concat([jpegWithGps(), Buffer.alloc(MAX_PHOTO_BYTES)]))).toMatchObject({ ok: false, status: 413 });
  });

  it('JPEG, PNG and WebP come back in their own format with no metadata at all', async () => {
    for (const [type, src] of [
      ['jpeg', jpegWithGps(6)],
      ['png', pngWithGps()],
      ['webp', webpWithGps()],
    ] as const) {
      expect(src.includes(Buffer.from(GPS_MARK)), type).toBe(true);
      const out = await checkPhoto(src);
      if (!out.ok) throw new Error(`${type}: ${out.reason}`);
      expect(out.type).toBe(type);
      expect(out.bytes.includes(Buffer.from(GPS_MARK)), type).toBe(false);
      const meta = await sharp(out.bytes).metadata();
      expect(meta.format).toBe(type);
      expect([meta.exif, meta.xmp, meta.iptc, meta.icc, meta.comments]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    }
  });

  it('a phone JPEG: metadata between scans, the MPF index and the image after EOI are all gone', async () => {
    const out = await checkPhoto(jpegProgressiveWithTrailer());
    if (!out.ok) throw new Error(out.reason);
    expect(out.bytes.includes(Buffer.from(GPS_MARK))).toBe(false);
    expect(out.bytes.includes(Buffer.from('MPF'))).toBe(false);
    expect(out.bytes.includes(Buffer.from('ICC_PROFILE'))).toBe(false);
    expect(out.bytes.indexOf(Buffer.from([0xff, 0xd8]), 2)).toBe(-1);
  });

  it('a damaged file is refused rather than stored with its metadata', async () => {
    const jpeg = jpegWithGps();
    expect(await checkPhoto(jpeg.subarray(0, 30))).toMatchObject({ ok: false, status: 400 });
    expect(await checkPhoto(pngWithGps().subarray(0, 20))).toMatchObject({ ok: false, status: 400 });
    expect(await checkPhoto(webpWithGps().subarray(0, 24))).toMatchObject({ ok: false, status: 400 });
    expect(await checkPhoto(jpeg)).toMatchObject({ ok: true, type: 'jpeg' });
  });
});
