import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { AppError } from './errors.ts';

/** zod validation at the edge; a failure becomes the API's one error shape (400, code `invalid_input`). */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result) => {
    if (result.success) return;
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || target;
    throw new AppError(
      400,
      'invalid_input',
      { zh: `输入有误：${field}：${issue?.message ?? '格式不正确'}`, en: `Invalid input: ${field}: ${issue?.message ?? 'malformed'}` },
      result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  });
}
