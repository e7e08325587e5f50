import { z } from 'zod';
import './zod-messages.ts';

// Control characters other than tab and newline have no place in what people type.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Text a person typed, stored as plain text (never HTML: pages escape it when they show it).
 * Trimmed, control characters removed, length checked after that.
 */
export function plainText(max: number, min = 0) {
  return z
    .string()
    .transform((s) => s.replace(CONTROL, '').trim())
    .pipe(z.string().min(min, min <= 1 ? '不能为空 (required)' : `至少 ${min} 个字符 (at least ${min})`).max(max, `不超过 ${max} 个字符 (at most ${max})`));
}

/** An optional text: empty means none (null). */
export function optionalText(max: number) {
  return plainText(max)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null));
}

/** An http(s) link; javascript:, data: and other schemes are refused. Empty means none. */
export const optionalHttpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => v === '' || (URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol)), '请填写以 http:// 或 https:// 开头的网址 (http(s) URL only)')
  .nullable()
  .optional()
  .transform((v) => (v ? v : null));

/** A phone number as people write it: full-width digits and spaces are normalised. */
export const optionalPhone = z
  .string()
  .transform((s) => s.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]/g, ''))
  .pipe(z.string().regex(/^(\+?\d[\d-]{5,19})?$/, '电话号码格式不正确 (invalid phone number)'))
  .nullable()
  .optional()
  .transform((v) => (v ? v : null));

export const optionalEmail = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v === '' || z.email().safeParse(v).success, '邮箱格式不正确 (invalid e-mail)')
  .nullable()
  .optional()
  .transform((v) => (v ? v.toLowerCase() : null));

/** A positive whole-number id in a path. */
export const idParam = z.coerce.number().int().positive().max(2 ** 31);

/** A free text where an empty form field may arrive as null or be left out: always a (possibly empty) string. */
export function emptyText(max: number) {
  return z.preprocess((v) => (v === null || v === undefined ? '' : v), plainText(max));
}

/** A real calendar date as YYYY-MM-DD (2025-02-30 is refused, not rolled over to March); the one date field of every API. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD (date as YYYY-MM-DD)')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, '日期不存在 (no such date)');
