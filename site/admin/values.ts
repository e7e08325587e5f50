import {
  COUNTY_NAMES,
  INDUSTRY_NAMES,
  PRODUCT_FIELD_NAMES,
  RD_CENTRE_LEVEL_NAMES,
  RULE_VERSION_NAMES,
  SIZE_CLASS_NAMES,
  tierLabel,
  TIER_LEVEL_NAMES,
  TIER_NAMES,
  TITLE_STATUS_NAMES,
  type Tier,
  type TierLevel,
} from '../../api/domain/program.ts';
import type { Message } from '../../api/lib/errors.ts';

type Lang = 'zh' | 'en';

/** Fields whose stored value is a code with a name in both languages. */
const NAMED: Record<string, Record<string, Message>> = {
  tier: TIER_NAMES,
  level: TIER_LEVEL_NAMES,
  status: TITLE_STATUS_NAMES,
  ruleVersion: RULE_VERSION_NAMES,
  officialScoreRule: RULE_VERSION_NAMES,
  rdCentreLevel: RD_CENTRE_LEVEL_NAMES,
  county: COUNTY_NAMES,
  industry: INDUSTRY_NAMES,
  sizeClass: SIZE_CLASS_NAMES,
  productField: PRODUCT_FIELD_NAMES,
};
/** Years are numbers people read without a thousands separator. */
const YEARS = new Set(['year', 'fiscalYear', 'foundedYear']);

/**
 * A stored value of a register field as people read it: names instead of codes (srdi → 专精特新), 是/否, years
 * without separators, numbers with them, lists joined, "—" for none.
 */
export function fieldValueText(field: string, value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return lang === 'en' ? (value ? 'Yes' : 'No') : value ? '是' : '否';
  const named = NAMED[field]?.[String(value)];
  if (named) return named[lang];
  if (typeof value === 'number') return YEARS.has(field) ? String(value) : value.toLocaleString(lang === 'en' ? 'en' : 'zh-CN');
  if (Array.isArray(value)) return value.join(lang === 'en' ? ', ' : '、');
  return String(value);
}

/** The label a history line carries for a title ("srdi/provincial/2024") or a fiscal year, in words. */
export function historyLabelText(label: string | null, lang: Lang): string {
  if (!label) return '';
  const [tier, level, year] = label.split('/');
  if (tier && level && year && tier in TIER_NAMES && level in TIER_LEVEL_NAMES) return `${year} ${tierLabel(tier as Tier, level as TierLevel, lang)}`;
  return /^\d{4}$/.test(label) ? (lang === 'en' ? `fiscal ${label}` : `${label} 年度`) : label;
}
