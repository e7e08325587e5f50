import type { z } from 'zod';

/** A parameter as a page names it: at most 40 characters (a pasted URL can carry anything). */
const clip = (text: string) => ([...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text);

/** A page's URL filters read against its API's query schema. */
export interface ReadUrlFilters {
  /** Each valid parameter's parsed value (the first of a repeated key). */
  query: Record<string, unknown>;
  /** The valid parameters as they were written, to pass on to the API. */
  kept: URLSearchParams;
  /** `key=value` of each unknown key or invalid value (each side cut to 40 characters), in URL order; empty values are not filters and never listed. */
  ignored: string[];
}

/**
 * Reads a list page's URL parameters one by one against the fields of `schema` (its API's query): a valid value is
 * kept, an unknown key (or one outside `keys`, when given) or an invalid value is left out and named, so the page can
 * say so (已忽略无效的筛选条件) instead of showing an empty or unfiltered list. The API itself still answers 400.
 */
export function readUrlFilters(schema: z.ZodObject, params: URLSearchParams, keys?: readonly string[]): ReadUrlFilters {
  const shape = schema.shape as Record<string, z.ZodType>;
  const query: Record<string, unknown> = {};
  const kept = new URLSearchParams();
  const ignored: string[] = [];
  for (const [key, value] of params) {
    if (value === '') continue;
    const field = Object.hasOwn(shape, key) && (!keys || keys.includes(key)) ? shape[key] : undefined;
    const parsed = field?.safeParse(value);
    if (parsed?.success && parsed.data !== undefined && !(key in query)) {
      query[key] = parsed.data;
      kept.set(key, value);
    } else ignored.push(`${clip(key)}=${clip(value)}`);
  }
  return { query, kept, ignored };
}
