import { describe, expect, it } from 'vitest';
import { checkPhoto, MAX_PHOTO_BYTES, sniffPhoto, stripJpeg, stripPng, stripWebp } from './photos';
import { GPS_MARK, jpegWithGps, pngWithGps, webpWithGps, jpegProgressiveWithTrailer } from './photos.fixtures';

describe('photos: type by content, metadata removed', () => {
  it('knows JPEG, PNG and WebP by their first bytes, nothing else', () => {
    expect(sniffPhoto(jpegWithGps())).toBe('jpeg');
    expect(sniffPhoto(pngWithGps())).toBe('png');
    expect(sniffPhoto(webpWithGps())).toBe('webp');
    expect(sniffPhoto(Buffer.from('%PDF-1.4'))).toBeNull();
    expect(sniffPhoto(Buffer.from('GIF89a......'))).toBeNull();
    expect(checkPhoto(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatchObject({ ok: false, status: 415 });
    expect(checkPhoto(Buffer.alloc(0))).toMatchObject({ ok: false, status: 400 });
    expect(checkPhoto(Buffer.concat([jpegWithGps(), Buffer.alloc(MAX_PHOTO_BYTES)]))).toMatchObject({ ok: false, status: 413 });
  });

  it('JPEG: EXIF, XMP and comments go, the orientation stays (alone), the image data is untouched', () => {
    const src = jpegWithGps(6);
    const out = stripJpeg(src)!;
    expect(out.includes(Buffer.from(GPS_MARK))).toBe(false);
    expect(out.includes(Buffer.from('xmpmeta'))).toBe(false);
    expect(out.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    // APP0 first, then the minimal EXIF with orientation 6.
    expect([...out.subarray(2, 4)]).toEqual([0xff, 0xe0]);
    const next = 4 + out.readUInt16BE(4);
    expect([...out.subarray(next, next + 2)]).toEqual([0xff, 0xe1]);
    const exifAt = out.indexOf(Buffer.from('Exif\0\0', 'binary'));
    expect(exifAt).toBeGreaterThan(0);
    expect(out.subarray(exifAt + 6, exifAt + 6 + 26).readUInt16BE(8 + 2 + 8)).toBe(6);
    const scan = src.indexOf(Buffer.from([0xff, 0xda]));
    expect(out.subarray(out.indexOf(Buffer.from([0xff, 0xda])))).toEqual(src.subarray(scan));
    // Upright photos keep no EXIF at all.
    expect(stripJpeg(jpegWithGps(1))!.includes(Buffer.from('Exif'))).toBe(false);
  });

  it('JPEG from a phone: metadata between progressive scans, the MPF index and images after EOI go; scans and ICC stay', () => {
    const src = jpegProgressiveWithTrailer();
    const out = stripJpeg(src)!;
    expect(out.includes(Buffer.from(GPS_MARK))).toBe(false);
    expect(out.includes(Buffer.from('MPF'))).toBe(false);
    expect(out.includes(Buffer.from('ICC_PROFILE'))).toBe(true);
    // Both scans with their data (stuffed 0xFF00 and a restart marker inside) are kept, and the file ends at the first EOI.
    expect(out.includes(Buffer.from([0x12, 0x34, 0x56, 0xff, 0x00, 0x78]))).toBe(true);
    expect(out.includes(Buffer.from([0x9a, 0xff, 0x00, 0xff, 0xd3, 0xbc]))).toBe(true);
    expect([...out.subarray(out.length - 2)]).toEqual([0xff, 0xd9]);
    expect(out.indexOf(Buffer.from([0xff, 0xd9]))).toBe(out.length - 2);
    expect(out.indexOf(Buffer.from([0xff, 0xd8]), 2)).toBe(-1);
  });

  it('PNG: text chunks go; WebP: the EXIF chunk and its flag go; both stay well-formed', () => {
    const png = stripPng(pngWithGps())!;
    expect(png.includes(Buffer.from(GPS_MARK))).toBe(false);
    expect(png.includes(Buffer.from('IDAT'))).toBe(true);
    const webp = stripWebp(webpWithGps())!;
    expect(webp.includes(Buffer.from(GPS_MARK))).toBe(false);
    expect(webp.readUInt32LE(4)).toBe(webp.length - 8);
    expect(webp[20] & 0x08).toBe(0);
  });

  it('a damaged file is refused rather than stored with its metadata', () => {
    const jpeg = jpegWithGps();
    expect(checkPhoto(jpeg.subarray(0, 30))).toMatchObject({ ok: false, status: 400 });
    expect(checkPhoto(pngWithGps().subarray(0, 20))).toMatchObject({ ok: false, status: 400 });
    expect(checkPhoto(webpWithGps().subarray(0, 24))).toMatchObject({ ok: false, status: 400 });
    expect(checkPhoto(jpeg)).toMatchObject({ ok: true, type: 'jpeg' });
  });
});
