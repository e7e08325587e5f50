import { selectionEn } from '../../i18n/selection.en.ts';
import { selectionZh, type SelectionStrings } from '../../i18n/selection.zh.ts';

/** The selection pages' strings of a language (pages and islands). */
export function selectionStrings(lang: 'zh' | 'en'): SelectionStrings {
  return lang === 'en' ? selectionEn : selectionZh;
}
