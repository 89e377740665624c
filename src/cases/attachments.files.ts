/**
 * What a file really is, from its first bytes (never from its name or the browser's
 * content type, which the sender controls). Only PDF documents and JPEG/PNG photos are kept.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const ATTACHMENT_TYPES = {
  pdf: { contentType: 'application/pdf', ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  jpeg: { contentType: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  png: { contentType: 'image/png', ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

export function sniffType(bytes: Uint8Array): AttachmentType | null {
  for (const [type, t] of Object.entries(ATTACHMENT_TYPES) as [AttachmentType, (typeof ATTACHMENT_TYPES)[AttachmentType]][]) {
    if (bytes.length >= t.magic.length && t.magic.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}

export const ATTACHMENT_KINDS = ['document', 'photo', 'order', 'report', 'certificate', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
