import { IMAGE_TYPES, sniffImage } from '../media/images';

/**
 * What a file really is, from its first bytes (never from its name or the browser's
 * content type, which the sender controls). Only PDF documents and JPEG, PNG or WebP images
 * are kept; images go through the one cleaning path (src/media/images.ts) before they are stored.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const ATTACHMENT_TYPES = {
  pdf: { contentType: 'application/pdf', ext: 'pdf' },
  ...IMAGE_TYPES,
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

export function sniffType(bytes: Uint8Array): AttachmentType | null {
  if (bytes.length >= PDF_MAGIC.length && PDF_MAGIC.every((b, i) => bytes[i] === b)) return 'pdf';
  return sniffImage(bytes);
}

/** The stored file's extension for its content type. */
export function extensionOf(contentType: string): string {
  return Object.values(ATTACHMENT_TYPES).find((t) => t.contentType === contentType)?.ext ?? 'bin';
}

export const ATTACHMENT_KINDS = ['document', 'photo', 'order', 'report', 'certificate', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
