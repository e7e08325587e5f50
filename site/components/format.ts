import { t, type Lang } from '../i18n/index.ts';

/** A product's price as shown to people: yuan with unit, or 面议 when none is given. */
export function priceText(p: { priceFen: number | null; priceUnit: string | null }, lang: Lang): string {
  const s = t(lang);
  return p.priceFen === null ? s.hall.negotiable : s.hall.price((p.priceFen / 100).toLocaleString(lang === 'en' ? 'en' : 'zh-CN'), p.priceUnit);
}

/** The zh text, or its English translation on English pages when the firm gave one. */
export function pickLang(lang: Lang, zh: string, en: string | null | undefined): string {
  return lang === 'en' && en ? en : zh;
}

/** A list page query value: empty strings mean "no filter". */
export function queryParams(url: URL): Record<string, string> {
  return Object.fromEntries([...url.searchParams].filter(([, v]) => v.trim() !== ''));
}
