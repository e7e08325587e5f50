import { zValidator } from '@hono/zod-validator';
import './zod-messages.ts';
import type { ValidationTargets } from 'hono';
import { z, type ZodType } from 'zod';
import { AppError } from './errors.ts';

/** Control characters other than tab, newline and carriage return: never part of what a person means to send. */
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The path of the first string (or object key) in `value` holding a control character, or null. */
export function controlCharPath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return CONTROL_CHARS.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const hit = controlCharPath(value[i], [...path, i]);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (CONTROL_CHARS.test(k)) return [...path, k];
      const hit = controlCharPath(v, [...path, k]);
      if (hit) return hit;
    }
  }
  return null;
}

/**
 * Splits a message written "中文 (English)" (zod-messages.ts and the schemas' own messages) into its two halves, so
 * the English error says no Chinese; a message without an English half is used for both.
 */
export function bilingual(message: string): { zh: string; en: string } {
  const m = /^(.*\S)\s*\(([^()]*[A-Za-z][^()]*)\)$/s.exec(message);
  return m ? { zh: m[1]!, en: m[2]! } : { zh: message, en: message };
}

/**
 * zod validation at the edge; a failure becomes the API's one error shape (400, code `invalid_input`).
 * Every input is first refused when any of its strings holds a control character (ASVS V2: NUL, escapes and other
 * C0 characters have no meaning in a form field, a query or an id), so no route needs to remember to strip them.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) {
  const guarded = z
    .unknown()
    .superRefine((value, ctx) => {
      const path = controlCharPath(value);
      if (path) ctx.addIssue({ code: 'custom', path, message: '含有不允许的控制字符 (control characters are not allowed)', fatal: true });
    })
    .pipe(schema) as unknown as Schema;
  return zValidator(target, guarded, (result) => {
    if (result.success) return;
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || target;
    const said = bilingual(issue?.message ?? '格式不正确 (malformed)');
    throw new AppError(
      400,
      'invalid_input',
      { zh: `输入有误：${field}：${said.zh}`, en: `Invalid input: ${field}: ${said.en}` },
      result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  });
}
