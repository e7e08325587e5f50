import { z } from 'zod';
import { readUrlFilters } from '../../lib/url-filters.ts';
import { COUNTIES, INDUSTRIES, SIZE_CLASSES, TIER_LEVELS, TIERS, type Tier } from '../../domain/program.ts';
import { plainText } from '../../lib/fields.ts';

/** Title conditions the register filters on; `review_due` = a current title whose 复核 falls within 90 days. */
export const TITLE_FILTERS = ['current', 'expired', 'revoked', 'review_due', 'none'] as const;
export const HALL_FILTERS = ['none', 'draft', 'published'] as const;
export const DATA_FILTERS = ['complete', 'incomplete'] as const;
export const REGISTER_SORTS = ['name', '-name', 'county', '-county', 'updated', '-updated', 'revenue', '-revenue', 'credit', '-credit'] as const;
/** Rule sets the register's candidate filter offers: firms meeting their prerequisites without the title. */
export const CANDIDATE_RULESETS = ['innovative-2022', 'srdi-2022', 'srdi-2026', 'gazelle-sd-2020'] as const;

/** The tier a rule set is about, for "meets the prerequisites but holds no such title". */
export const RULESET_TIER: Record<string, Tier> = {
  'innovative-2022': 'innovative',
  'srdi-2022': 'srdi',
  'srdi-2026': 'srdi',
  'little-giant-2026': 'little_giant',
  'gazelle-sd-2020': 'gazelle',
};

/** Days ahead within which a re-review counts as due (the shared bureau view "复核 due within 90 days"). */
export const REVIEW_DUE_DAYS = 90;

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

/**
 * The register's filters, as they appear in its URL and in saved views (`county=linqing&tier=srdi&page=2`).
 * Every field is optional; unknown keys are ignored so an old saved view never breaks the page.
 */
export const registerQuery = z.object({
  q: optional(plainText(100)),
  county: optional(z.enum(COUNTIES)),
  industry: optional(z.enum(INDUSTRIES)),
  size: optional(z.enum(SIZE_CLASSES)),
  tier: optional(z.enum(TIERS)),
  level: optional(z.enum(TIER_LEVELS)),
  title: optional(z.enum(TITLE_FILTERS)),
  cohort: optional(z.coerce.number().int().min(2000).max(2100)),
  hall: optional(z.enum(HALL_FILTERS)),
  data: optional(z.enum(DATA_FILTERS)),
  /** Fiscal year the data-completeness filter and the revenue column refer to (default: last year). */
  year: optional(z.coerce.number().int().min(2000).max(2100)),
  tag: optional(plainText(40)),
  /** Firms that meet the prerequisites of this rule set with last year's data but hold no current title of its tier. */
  candidate: optional(z.enum(CANDIDATE_RULESETS)),
  sort: optional(z.enum(REGISTER_SORTS)),
  page: optional(z.coerce.number().int().min(1).max(100_000)),
  pageSize: optional(z.coerce.number().int().min(1).max(200)),
});

export type RegisterQuery = z.infer<typeof registerQuery>;


/** A register URL's filters as the page uses them, and the parameters it had to leave out. */
export interface ReadFilters {
  query: RegisterQuery;
  /** `key=value` of each unknown key or invalid value (each side cut to 40 characters), in URL order; empty values are not filters and never listed. */
  ignored: string[];
}

/**
 * Reads the register's URL parameters one by one: a valid value is kept, an unknown key or an invalid value
 * (county=mars, page=0, a typo in a saved link) is left out and named in `ignored`, so the page can say so
 * (已忽略无效的筛选条件) instead of silently showing everything. The API itself still answers 400 to such input.
 */
export function readRegisterFilters(params: URLSearchParams): ReadFilters {
  const { query, ignored } = readUrlFilters(registerQuery, params);
  return { query: query as RegisterQuery, ignored };
}

/** The query string of a filter set, in a stable order (for saved views and export links); paging left out. */
export function queryString(query: RegisterQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || key === 'page' || key === 'pageSize') continue;
    params.set(key, String(value));
  }
  params.sort();
  return params.toString();
}

/** The fiscal year a register view means when none is given: the last completed year. */
export function defaultFiscalYear(today: string): number {
  return Number(today.slice(0, 4)) - 1;
}
