/**
 * Policy matching (应享尽享): which preferential policies a firm looks entitled to, why, and what is missing — pure,
 * table-driven over the policies' structured eligibility (content/policies/eligibility.ts). Gaps are worded as the
 * pre-evaluation words them ("R&D ¥600k short").
 */
import type { Message } from '../lib/errors.ts';
import { ceilWan, withUnit } from '../admin/register/pre-evaluation/format.ts';
import { COUNTY_NAMES, INDUSTRY_NAMES, SIZE_CLASS_NAMES, tierLabel, TIER_NAMES, type County, type Industry, type SizeClass, type Tier, type TierLevel } from './program.ts';

/** A yearly figure a threshold reads; `rdIntensity` is R&D ÷ revenue in %. */
export type PolicyFigure = 'revenue' | 'mainRevenue' | 'rdSpend' | 'rdStaff' | 'employees' | 'digitalLevel' | 'rdIntensity';

/** One threshold on last year's data: figure ≥ min (in `unit`: 万元, %, 人 or 级). */
export interface PolicyThreshold {
  figure: PolicyFigure;
  min: number;
  unit: '万元' | '%' | '人' | '级';
  label: Message;
}

/** A policy's structured eligibility; every given criterion must hold. */
export interface PolicyEligibility {
  slug: string;
  /** Slug of the explainer page in content/policies. */
  explainer: string;
  name: Message;
  benefit: Message;
  /** Last day to apply (ISO date); after it the policy is closed. */
  deadline?: string;
  /** Holds a valid title of one of these (level optional). */
  tiersAny?: { tier: Tier; level?: TierLevel }[];
  /** Holds none of these titles (e.g. a first-time reward). */
  notTiers?: Tier[];
  sizeClasses?: SizeClass[];
  industries?: Industry[];
  counties?: County[];
  thresholds?: PolicyThreshold[];
}

/** What the matcher knows of a firm: its profile, titles and last year's figures (null when not filed). */
export interface PolicyFirmFacts {
  county: County;
  industry: Industry;
  sizeClass: SizeClass;
  titles: { tier: Tier; level: TierLevel; status: string; validTo: string | null }[];
  lastYear: Partial<Record<Exclude<PolicyFigure, 'rdIntensity'>, number | null>> | null;
}

/**
 * eligible: every criterion holds; gaps: the firm's profile fits but figures fall short or are missing (the gaps say
 * by how much); not_applicable: a profile criterion (area, industry, size, title) rules it out; closed: past the deadline.
 */
export type MatchStatus = 'eligible' | 'gaps' | 'not_applicable' | 'closed';

export interface PolicyMatch {
  slug: string;
  status: MatchStatus;
  reasons: Message[];
  gaps: Message[];
}

const validTitle = (t: PolicyFirmFacts['titles'][number], today: string) => t.status !== 'revoked' && t.status !== 'expired' && (!t.validTo || t.validTo >= today);

function figureOf(facts: PolicyFirmFacts, figure: PolicyFigure): number | null {
  const y = facts.lastYear;
  if (!y) return null;
  if (figure === 'rdIntensity') return y.rdSpend != null && y.revenue ? (y.rdSpend / y.revenue) * 100 : null;
  return y[figure] ?? null;
}

/** How far a figure is from the threshold, in the pre-evaluation's words: "上年度研发费用差 60 万元". */
export function gapMessage(t: PolicyThreshold, value: number): Message {
  const short = t.unit === '万元' ? ceilWan(t.min - value) : Math.round((t.min - value) * 100) / 100;
  return {
    zh: `${t.label.zh}差 ${withUnit(short, t.unit, 'zh')}（现为 ${withUnit(value, t.unit, 'zh')}，需达到 ${withUnit(t.min, t.unit, 'zh')}）`,
    en: `${t.label.en}: ${withUnit(short, t.unit, 'en')} short (now ${withUnit(value, t.unit, 'en')}, needs ${withUnit(t.min, t.unit, 'en')})`,
  };
}

/** Matches one firm against one policy on a day (ISO date). Pure. */
export function matchPolicy(policy: PolicyEligibility, facts: PolicyFirmFacts, today: string): PolicyMatch {
  const reasons: Message[] = [];
  const gaps: Message[] = [];
  const out = (status: MatchStatus, why: Message): PolicyMatch => ({ slug: policy.slug, status, reasons: [why], gaps: [] });
  if (policy.deadline && today > policy.deadline) return out('closed', { zh: `申报已于 ${policy.deadline} 截止`, en: `Applications closed on ${policy.deadline}` });
  if (policy.counties && !policy.counties.includes(facts.county)) {
    return out('not_applicable', { zh: `仅限${policy.counties.map((c) => COUNTY_NAMES[c].zh).join('、')}的企业`, en: `Only for firms in ${policy.counties.map((c) => COUNTY_NAMES[c].en).join(', ')}` });
  }
  if (policy.counties) reasons.push({ zh: `注册地在${COUNTY_NAMES[facts.county].zh}`, en: `Registered in ${COUNTY_NAMES[facts.county].en}` });
  if (policy.industries && !policy.industries.includes(facts.industry)) return out('not_applicable', { zh: `行业（${INDUSTRY_NAMES[facts.industry].zh}）不在支持范围内`, en: `Industry (${INDUSTRY_NAMES[facts.industry].en}) not covered` });
  if (policy.industries) reasons.push({ zh: `所属行业：${INDUSTRY_NAMES[facts.industry].zh}`, en: `Industry: ${INDUSTRY_NAMES[facts.industry].en}` });
  if (policy.sizeClasses && !policy.sizeClasses.includes(facts.sizeClass)) return out('not_applicable', { zh: `企业规模（${SIZE_CLASS_NAMES[facts.sizeClass].zh}）不符合`, en: `Size (${SIZE_CLASS_NAMES[facts.sizeClass].en}) not covered` });
  if (policy.sizeClasses) reasons.push({ zh: `企业规模：${SIZE_CLASS_NAMES[facts.sizeClass].zh}`, en: `Size: ${SIZE_CLASS_NAMES[facts.sizeClass].en}` });
  const held = facts.titles.filter((t) => validTitle(t, today));
  if (policy.tiersAny) {
    const hit = held.find((t) => policy.tiersAny!.some((r) => r.tier === t.tier && (!r.level || r.level === t.level)));
    if (!hit) {
      const wanted = policy.tiersAny.map((r) => (r.level ? tierLabel(r.tier, r.level, 'zh') : TIER_NAMES[r.tier].zh)).join('或');
      const wantedEn = policy.tiersAny.map((r) => (r.level ? tierLabel(r.tier, r.level, 'en') : TIER_NAMES[r.tier].en)).join(' or ');
      return out('not_applicable', { zh: `需持有有效的${wanted}称号`, en: `Needs a valid ${wantedEn} title` });
    }
    reasons.push({ zh: `持有有效的${tierLabel(hit.tier, hit.level, 'zh')}称号`, en: `Holds a valid ${tierLabel(hit.tier, hit.level, 'en')} title` });
  }
  if (policy.notTiers) {
    const hit = facts.titles.find((t) => t.status !== 'revoked' && policy.notTiers!.includes(t.tier));
    if (hit) return out('not_applicable', { zh: `已获${TIER_NAMES[hit.tier].zh}，仅限首次`, en: `Already ${TIER_NAMES[hit.tier].en}; first time only` });
  }
  for (const t of policy.thresholds ?? []) {
    const value = figureOf(facts, t.figure);
    if (value === null) gaps.push({ zh: `缺少${t.label.zh}数据，请在年度数据中填写`, en: `${t.label.en} missing: fill it in the yearly data` });
    else if (value < t.min) gaps.push(gapMessage(t, value));
    else reasons.push({ zh: `${t.label.zh} ${withUnit(value, t.unit, 'zh')}，达到 ${withUnit(t.min, t.unit, 'zh')}`, en: `${t.label.en} ${withUnit(value, t.unit, 'en')} meets ${withUnit(t.min, t.unit, 'en')}` });
  }
  return { slug: policy.slug, status: gaps.length ? 'gaps' : 'eligible', reasons, gaps };
}
