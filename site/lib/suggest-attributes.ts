import { t, type Lang } from '../i18n/index.ts';

/**
 * Data attributes that let site/lib/search-suggest.ts (loaded by SearchSuggest.astro) turn a search input into a
 * suggestion combobox, with the strings of the page's language. Without JavaScript the input stays a plain field
 * of its GET form.
 */
export function suggestAttributes(lang: Lang): Record<string, string> {
  const s = t(lang).search;
  return {
    'data-suggest': '',
    'data-suggest-lang': lang,
    'data-suggest-label': s.suggestions,
    'data-suggest-kinds': JSON.stringify(s.suggestionKinds),
    'data-suggest-counts': JSON.stringify([s.suggestionCount(0), s.suggestionCount(1), s.suggestionCount(2).replace('2', '{n}')]),
  };
}
