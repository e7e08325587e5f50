import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../lib/errors.ts';

/**
 * Common passwords (OWASP ASVS 5.0 V6.2.4): the 49,233-entry `passwords-common` list that @zxcvbn-ts/language-common
 * ships (frequency-ranked passwords from public breach corpora), lower-cased.
 */
const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/** The platform's own names: a password built on them is the first thing a guesser tries (V6.2.11). */
const PRODUCT_WORDS = ['qianqi', '千企', '千企在线展馆', '在线展馆', 'qianqionline'];

/** How many common passwords are refused (49,233 with language-common 4.1). */
export const COMMON_PASSWORD_COUNT = COMMON.size;

/** Words from the account's context a password must not be built on: the e-mail's local part, the firm's names. */
export interface PasswordContext {
  email?: string | null;
  firmNames?: Array<string | null | undefined>;
}

function contextWords(context: PasswordContext): string[] {
  const words = [...PRODUCT_WORDS];
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 3) words.push(local);
  for (const name of context.firmNames ?? []) {
    if (!name) continue;
    const n = name.toLowerCase().replace(/(股份)?有限(责任)?公司|集团|\s+/g, '');
    if (n.length >= 2) words.push(n);
  }
  return words;
}

/** Null when the password may be used, else why not (zh, en). Length rules stay with the `newPassword` schema. */
export function passwordProblem(password: string, context: PasswordContext = {}): { zh: string; en: string } | null {
  const lower = password.toLowerCase();
  // "Password1!" and "password1" are the same guess; strip trailing digits and symbols too.
  const core = lower.replace(/[\d\W_]+$/u, '');
  if (COMMON.has(lower) || (core.length >= 4 && COMMON.has(core) && core.length >= lower.length - 4)) {
    return { zh: '该密码过于常见，容易被猜中，请换一个', en: 'This password is too common and easy to guess; choose another' };
  }
  const squashed = lower.replace(/[\s\-_.]+/g, '');
  for (const word of contextWords(context)) {
    if (squashed.includes(word.replace(/[\s\-_.]+/g, ''))) {
      return { zh: '密码不能包含平台名称、企业名称或邮箱用户名', en: "The password must not contain the platform's name, the firm's name or your e-mail name" };
    }
  }
  return null;
}

/** Throws 400 `invalid_input` on `field` when the password is common or built on context words. */
export function assertPasswordAllowed(password: string, context: PasswordContext, field = 'password'): void {
  const problem = passwordProblem(password, context);
  if (!problem) return;
  throw new AppError(400, 'invalid_input', { zh: `输入有误：${field}：${problem.zh}`, en: `Invalid input: ${field}: ${problem.en}` }, [
    { path: field, message: `${problem.zh} (${problem.en})` },
  ]);
}
