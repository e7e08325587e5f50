/** zod issues of the register's own schemas (schemas.ts) as row errors at column keys, split into zh / en. */
import type { z } from 'zod';
import type { Message } from '../../../lib/errors.ts';

/** The register schemas write messages as "中文 (English)"; zod's own defaults are English only. */
export function splitMessage(message: string): Message {
  const m = /^(.*?[^\x00-\x7f].*?)\s*\((.*)\)$/.exec(message);
  return m ? { zh: m[1]!, en: m[2]! } : { zh: `格式不正确：${message}`, en: message };
}

/** Errors by the first path segment (the column key) of each issue. */
export function issuesByKey(error: z.ZodError): { key: string; message: Message }[] {
  return error.issues.map((issue) => ({ key: String(issue.path[0] ?? ''), message: splitMessage(issue.message) }));
}
