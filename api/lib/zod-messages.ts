import { z } from 'zod';

/**
 * zod's own messages in the platform's form, "中文 (English)", so a person reading the Chinese UI never meets
 * "Too big: expected number to be <=2100" (pickLang in the UI shows the half in its language). Messages a schema
 * sets itself still win. Installed once, on import.
 */
function message(issue: z.core.$ZodRawIssue): string | undefined {
  const bound = (issue as { maximum?: unknown; minimum?: unknown }).maximum ?? (issue as { minimum?: unknown }).minimum;
  const origin = (issue as { origin?: string }).origin;
  const n = typeof bound === 'bigint' ? Number(bound) : (bound as number | undefined);
  switch (issue.code) {
    case 'too_big':
      if (origin === 'string') return `不超过 ${n} 个字符 (at most ${n} characters)`;
      if (origin === 'array' || origin === 'set') return `最多 ${n} 项 (at most ${n} items)`;
      return `不能大于 ${n} (must be at most ${n})`;
    case 'too_small':
      if (origin === 'string') return n === 1 ? '不能为空 (required)' : `至少 ${n} 个字符 (at least ${n} characters)`;
      if (origin === 'array' || origin === 'set') return `至少 ${n} 项 (at least ${n} items)`;
      return `不能小于 ${n} (must be at least ${n})`;
    case 'invalid_type': {
      const expected = (issue as { expected?: string }).expected;
      if (issue.input === undefined) return '必填 (required)';
      if (expected === 'int') return '应为整数 (must be a whole number)';
      if (expected === 'number') return '应为数字 (must be a number)';
      if (expected === 'boolean') return '应为是或否 (must be yes or no)';
      if (expected === 'string') return '应为文字 (must be text)';
      if (expected === 'array') return '应为列表 (must be a list)';
      return '格式不正确 (wrong type)';
    }
    case 'invalid_value':
      // An enum left empty (a blank 所属行业 cell, an unchosen select) is missing, not a wrong choice.
      if (issue.input === undefined || issue.input === null || issue.input === '') return '必填 (required)';
      return '不是可选的值之一 (not one of the allowed values)';
    case 'invalid_format':
      return '格式不正确 (malformed)';
    case 'not_multiple_of':
      return '应为整数 (must be a whole number)';
    case 'unrecognized_keys':
      return `不认识的字段：${((issue as { keys?: string[] }).keys ?? []).join('、')} (unknown fields)`;
    case 'invalid_union':
      return '格式不正确 (malformed)';
    default:
      return undefined;
  }
}

z.config({ customError: (issue) => message(issue) });
