import { en } from './en.ts';
import { zh, type Strings } from './zh.ts';

export type Lang = 'zh' | 'en';

/** Strings of a language. */
export function t(lang: Lang): Strings {
  return lang === 'en' ? en : zh;
}

/** The language of a URL path: /en/... is English, everything else Chinese. */
export function langOf(pathname: string): Lang {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'zh';
}

/** A site path in the given language (paths are written without the /en prefix). */
export function localePath(lang: Lang, path: string): string {
  return lang === 'en' ? `/en${path === '/' ? '' : path}` || '/en' : path;
}

/** The same page in the other language. */
export function alternatePath(pathname: string): string {
  return langOf(pathname) === 'en' ? pathname.replace(/^\/en/, '') || '/' : `/en${pathname === '/' ? '' : pathname}`;
}

export const htmlLang: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };
