import { AppError } from './errors.ts';

/**
 * A validated PATCH body with at least one field left to change, else 400 `nothing_to_change` (an empty body, or
 * one whose fields were all unknown and dropped, is the caller's mistake — never a 500 from an empty UPDATE).
 */
export function requireChanges<T extends object>(patch: T): T {
  const fields = Object.entries(patch).filter(([, v]) => v !== undefined);
  if (fields.length === 0) {
    throw new AppError(400, 'nothing_to_change', { zh: '没有可修改的字段', en: 'Nothing to change: send at least one known field' });
  }
  return Object.fromEntries(fields) as T;
}

/**
 * Checks the record as it will be after the PATCH (stored row merged with the change), not the patch alone, so two
 * separate PATCHes cannot together store what one would be refused for. `rule` returns a message when invalid.
 */
export function assertMergedRecord<R extends object>(stored: R, patch: Partial<R>, rule: (merged: R) => { field: string; zh: string; en: string } | null): R {
  const merged = { ...stored, ...patch };
  const problem = rule(merged);
  if (problem) {
    throw new AppError(
      400,
      'invalid_input',
      { zh: `输入有误：${problem.field}：${problem.zh}`, en: `Invalid input: ${problem.field}: ${problem.en}` },
      [{ path: problem.field, message: problem.en }],
    );
  }
  return merged;
}
