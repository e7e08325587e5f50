import { AppError } from '../lib/errors.ts';

/** Document types a firm may attach: PDF and the two photo formats every phone and scanner produce. */
export const ATTACHMENT_TYPES = ['pdf', 'jpeg', 'png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Largest attachment, in bytes: a scanned certificate or a multi-page PDF fits; a video does not. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

const EXTENSIONS: Record<AttachmentType, readonly string[]> = { pdf: ['pdf'], jpeg: ['jpg', 'jpeg'], png: ['png'] };

/** The type the first bytes prove (magic numbers: `%PDF-`, JPEG SOI FF D8 FF, the PNG signature), or null. */
export function sniffAttachment(head: Uint8Array): AttachmentType | null {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  return null;
}

/**
 * Checks an upload by content AND name (ASVS V5.2.2): the bytes must be PDF, JPEG or PNG, and the name's final
 * extension must agree with them (`报告.pdf.exe`, `photo.svg`, a PNG named `.pdf` are refused). A PDF must also end
 * with an `%%EOF` marker (checked on the tail). Returns the type; throws 415 `attachment_type` otherwise.
 */
export function checkAttachment(head: Uint8Array, tail: Uint8Array, fileName: string | null): AttachmentType {
  const type = sniffAttachment(head);
  const ext = /\.([a-z0-9]{1,8})$/i.exec((fileName ?? '').trim())?.[1]?.toLowerCase();
  const pdfComplete = type !== 'pdf' || Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength).toString('latin1').includes('%%EOF');
  if (!type || !ext || !EXTENSIONS[type].includes(ext) || !pdfComplete) throw attachmentTypeRefused();
  return type;
}

/** 415 `attachment_type`: the one refusal of a file that is not an accepted document. */
export function attachmentTypeRefused(): AppError {
  return new AppError(415, 'attachment_type', {
    zh: '附件仅支持 PDF、JPG、PNG 文件，且文件内容须与扩展名一致',
    en: 'Attachments must be PDF, JPG or PNG files whose content matches their extension',
  });
}

/** The Content-Type an attachment is served with. */
export const ATTACHMENT_MIME: Record<AttachmentType, string> = { pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png' };
