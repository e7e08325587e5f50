/**
 * The demo register at realistic scale: about 1,000 fictional firms across the 11 areas and the city's industries,
 * three fiscal years of data and a title ledger 2021–2025 in magnitudes like the city's published baseline (roughly
 * 200 provincial 专精特新, 30 小巨人, 100 瞪羚; shared ADMIN.md), some titles due for re-review, some expired or revoked.
 * Deterministic: the same rows on every machine.
 */
import { withCheckChar } from '../../api/domain/credit-code.ts';
import {
  COUNTIES,
  INDUSTRIES,
  type County,
  type Industry,
  type RdCentreLevel,
  type RuleVersion,
  type SizeClass,
  type Tier,
  type TierLevel,
  type TitleStatus,
} from '../../api/domain/program.ts';
import type { FigureSource } from '../../api/db/schema/index.ts';
import { AREA_INDUSTRIES, BRAND_WORDS, GIVEN_NAMES, INDUSTRY_WORDS, PLACE_WORDS, SURNAMES } from '../../content/demo/register-words.ts';
import { createRandom } from '../demo-panorama/random.ts';
import { DIVISION } from './demo-rows.ts';

export interface DemoRegisterFirm {
  creditCode: string;
  name: string;
  slug: string;
  county: County;
  industry: Industry;
  sizeClass: SizeClass;
  foundedYear: number;
  mainProduct: string;
  productField: 'chain_gap' | 'six_basics' | 'strategic_emerging' | 'other';
  listed: boolean;
  highTech: boolean;
  contactName: string;
  contactPhone: string;
  address: string;
  intro: string;
  /** 0–1: how strong the firm is; drives its figures and titles. */
  strength: number;
}

export interface DemoYear {
  fiscalYear: number;
  revenue: number | null;
  mainRevenue: number | null;
  rdSpend: number | null;
  rdStaff: number | null;
  employees: number | null;
  totalAssets: number | null;
  totalLiabilities: number | null;
  netProfit: number | null;
  taxes: number | null;
  ipClass1: number | null;
  ipClass1Own: number | null;
  ipClass1HighValue: number | null;
  ipClass2: number | null;
  inventionPatents: number | null;
  digitalLevel: number | null;
  qualityCertifications: number | null;
  qualityAward: boolean | null;
  ownBrand: boolean | null;
  standardsDrafted: number | null;
  standardsLed: number | null;
  rdCentreLevel: RdCentreLevel | null;
  yearsInNiche: number | null;
  equityFinancing: number | null;
  sources: Record<string, FigureSource>;
}

export interface DemoTitle {
  tier: Tier;
  level: TierLevel;
  year: number;
  batch: string;
  ruleVersion: RuleVersion;
  issuingBody: string;
  documentNo: string;
  validFrom: string;
  validTo: string;
  validUntilYear: number;
  status: TitleStatus;
  reviewDue: string;
  statusReason: string | null;
  verified: boolean;
}

const SIZE_REVENUE: Record<SizeClass, [number, number]> = { micro: [300, 1500], small: [1500, 9000], medium: [9000, 40000], large: [40000, 250000] };
const SIZE_STAFF: Record<SizeClass, [number, number]> = { micro: [8, 20], small: [20, 300], medium: [300, 1000], large: [1000, 3500] };

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The fiscal years the demo holds: the last three completed years before `today`'s year. */
export function demoFiscalYears(today: string): number[] {
  const y = Number(today.slice(0, 4));
  return [y - 3, y - 2, y - 1];
}

/** Generates the firms, their yearly figures and titles. `count` defaults to 1,000; `today` is an ISO date. */
export function generateRegister(count: number, today: string, seed = 'register') {
  const random = createRandom(`${seed}/${count}`);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const logBetween = (lo: number, hi: number) => Math.exp(between(Math.log(lo), Math.log(hi)));
  const names = new Set<string>();
  const firms: DemoRegisterFirm[] = [];
  for (let n = 0; n < count; n++) {
    // The city's core areas hold more firms than the resort zone.
    const county = COUNTIES[Math.floor(Math.pow(random(), 1.15) * COUNTIES.length)]!;
    const industry = random() < 0.7 ? pick(AREA_INDUSTRIES[county]) : pick(INDUSTRIES);
    const words = INDUSTRY_WORDS[industry];
    let name = '';
    for (let tries = 0; tries < 50 && (name === '' || names.has(name)); tries++) {
      const suffix = random() < 0.2 ? '股份有限公司' : '有限公司';
      name = `${pick(PLACE_WORDS[county])}${pick(BRAND_WORDS)}${pick(words.phrases)}${suffix}`;
    }
    if (names.has(name)) name = name.replace('有限公司', `${n}有限公司`);
    names.add(name);
    const strength = Math.pow(random(), 1.6);
    const sizeClass: SizeClass = strength > 0.85 ? 'large' : strength > 0.45 ? 'medium' : strength > 0.12 ? 'small' : 'micro';
    firms.push({
      creditCode: withCheckChar(`91${DIVISION[county]}MA${String(5000000 + n * 4973).slice(-7)}`),
      name,
      slug: `r${String(n + 1).padStart(4, '0')}`,
      county,
      industry,
      sizeClass,
      foundedYear: Math.round(between(1985, 2022 - Math.round(strength * 10))),
      mainProduct: pick(words.products),
      productField: strength > 0.7 ? 'chain_gap' : strength > 0.5 ? 'strategic_emerging' : random() < 0.3 ? 'six_basics' : 'other',
      listed: strength > 0.93 && random() < 0.5,
      highTech: strength > 0.4 && random() < 0.7,
      contactName: `${pick(SURNAMES)}${pick(GIVEN_NAMES)}`,
      contactPhone: `0635-${String(Math.floor(between(2100000, 8999999)))}`,
      address: `${PLACE_WORDS[county][0]}${pick(['工业园', '经济开发区', '产业园', '科技园'])}${Math.floor(between(1, 300))} 号`,
      intro: `${name.replace(/(股份)?有限公司$/, '')}主要生产${words.products.join('、')}等产品（演示数据，企业为虚构）。`,
      strength,
    });
  }

  const fiscalYears = demoFiscalYears(today);
  const lastYear = fiscalYears[fiscalYears.length - 1]!;
  const years = new Map<string, DemoYear[]>();
  for (const firm of firms) {
    const rows: DemoYear[] = [];
    const s = firm.strength;
    let revenue = logBetween(...SIZE_REVENUE[firm.sizeClass]);
    const employees = Math.round(between(...SIZE_STAFF[firm.sizeClass]));
    const completeness = random();
    for (const fiscalYear of fiscalYears) {
      revenue *= 1 + between(-0.12, 0.3) + s * 0.1;
      const rdIntensity = between(0.004, 0.03) + s * between(0.01, 0.06);
      const debtRatio = between(0.25, 0.82) - s * 0.1;
      const assets = revenue * between(0.6, 1.8);
      const ip1 = Math.round(s * between(0, 12));
      const year: DemoYear = {
        fiscalYear,
        revenue: round(revenue),
        mainRevenue: round(revenue * between(0.55, 0.99)),
        rdSpend: round(revenue * rdIntensity),
        rdStaff: Math.max(1, Math.round(employees * between(0.03, 0.12 + s * 0.2))),
        employees,
        totalAssets: round(assets),
        totalLiabilities: round(assets * debtRatio),
        netProfit: round(revenue * between(-0.03, 0.08 + s * 0.08)),
        taxes: round(revenue * between(0.02, 0.06)),
        ipClass1: ip1,
        ipClass1Own: Math.round(ip1 * between(0.4, 1)),
        ipClass1HighValue: Math.round(ip1 * between(0, 0.4)),
        ipClass2: Math.round(between(0, 25) * (0.3 + s)),
        inventionPatents: ip1,
        digitalLevel: Math.min(4, 1 + Math.floor(s * 3.5 + random() * 0.8)),
        qualityCertifications: Math.round(between(0, 3) + s),
        qualityAward: s > 0.75 && random() < 0.5,
        ownBrand: random() < 0.4 + s * 0.5,
        standardsDrafted: Math.round(s * between(0, 4)),
        standardsLed: s > 0.8 ? Math.round(between(0, 2)) : 0,
        rdCentreLevel: s > 0.9 ? 'national' : s > 0.65 ? 'provincial' : s > 0.4 ? 'city' : s > 0.2 ? 'below_city' : null,
        yearsInNiche: Math.max(1, fiscalYear - firm.foundedYear - Math.round(between(0, 4))),
        equityFinancing: random() < 0.05 + s * 0.1 ? round(between(200, 8000)) : 0,
        sources: {},
      };
      // The last year is partly missing for some firms: the yearly data campaign chases them.
      if (fiscalYear === lastYear && completeness < 0.1) continue;
      if (fiscalYear === lastYear && completeness < 0.22) {
        year.rdSpend = null;
        year.totalLiabilities = null;
        year.ipClass1 = null;
      }
      const stamp: FigureSource = { source: fiscalYear === lastYear ? 'firm' : 'import', userId: null, at: `${fiscalYear + 1}-04-${String(10 + (fiscalYear % 18)).padStart(2, '0')}T09:00:00.000Z` };
      year.sources = Object.fromEntries(Object.entries(year).filter(([k, v]) => v !== null && k !== 'fiscalYear' && k !== 'sources').map(([k]) => [k, stamp]));
      rows.push(year);
    }
    years.set(firm.creditCode, rows);
  }

  const titles = new Map<string, DemoTitle[]>();
  const add = (firm: DemoRegisterFirm, t: DemoTitle) => titles.set(firm.creditCode, [...(titles.get(firm.creditCode) ?? []), t]);
  const byStrength = [...firms].sort((a, b) => b.strength - a.strength);
  const designate = (tier: Tier, level: TierLevel, year: number, body: string, rule: RuleVersion, batch: string): DemoTitle => {
    const month = tier === 'little_giant' ? 7 : tier === 'gazelle' ? 9 : 6 + Math.floor(random() * 7);
    const day = 5 + Math.floor(random() * 22);
    const from = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const to = `${year + 3}-${String(month).padStart(2, '0')}-${String(day - 1).padStart(2, '0')}`;
    const expired = to < today;
    const revoked = !expired && random() < 0.01;
    return {
      tier,
      level,
      year,
      batch,
      ruleVersion: rule,
      issuingBody: body,
      documentNo: `演示文号 ${year}-${String(Math.floor(random() * 90) + 10)}`,
      validFrom: from,
      validTo: to,
      validUntilYear: year + 3,
      status: revoked ? 'revoked' : expired && random() < 0.5 ? 'expired' : 'designated',
      reviewDue: to,
      statusReason: revoked ? '演示：企业发生较大安全事故，撤销称号' : null,
      verified: true,
    };
  };
  const ruleOf = (year: number): RuleVersion => (year >= 2026 ? 'miit-2026' : 'miit-2022');
  const PROVINCE = '山东省工业和信息化厅';
  const batchName = (year: number, first: number) => `第${'一二三四五六七八九十'[year - first] ?? year - first + 1}批`;
  // Little giants: the 30 strongest, designated by MIIT in batches 3–7.
  byStrength.slice(0, 30).forEach((f, i) => add(f, designate('little_giant', 'national', 2021 + (i % 5), '工业和信息化部', ruleOf(2021 + (i % 5)), batchName(2021 + (i % 5), 2019))));
  // Provincial 专精特新: about 200 of the strongest 450.
  byStrength.slice(0, 450).forEach((f, i) => {
    if (i < 30 || random() < 0.4) {
      const year = 2021 + Math.floor(random() * 5);
      add(f, designate('srdi', 'provincial', year, PROVINCE, ruleOf(year), `${year} 年度`));
    }
  });
  // City 专精特新: about 150 of the next tier of firms.
  byStrength.slice(150, 700).forEach((f) => {
    if (random() < 0.28) {
      const year = 2021 + Math.floor(random() * 5);
      add(f, designate('srdi', 'city', year, '聊城市工业和信息化局', ruleOf(year), `${year} 年度`));
    }
  });
  // 创新型中小企业: about 450.
  byStrength.slice(0, 800).forEach((f) => {
    if (random() < 0.56) {
      const year = 2022 + Math.floor(random() * 4);
      add(f, designate('innovative', 'provincial', year, PROVINCE, ruleOf(year), `${year} 年度`));
    }
  });
  // 瞪羚: about 100 fast-growing firms.
  const growth = (f: DemoRegisterFirm) => {
    const ys = years.get(f.creditCode)!;
    return ys.length >= 2 && ys[0]!.revenue ? (ys[ys.length - 1]!.revenue ?? 0) / ys[0]!.revenue : 0;
  };
  [...firms].sort((a, b) => growth(b) - growth(a)).slice(0, 100).forEach((f) => {
    const year = 2021 + Math.floor(random() * 5);
    add(f, designate('gazelle', 'provincial', year, PROVINCE, 'sd-gazelle-2020', `${year} 年度`));
  });
  // Single champions and the first unicorn.
  byStrength.slice(0, 6).forEach((f, i) => add(f, designate('single_champion', 'provincial', 2022 + (i % 3), PROVINCE, 'other', `${2022 + (i % 3)} 年度`)));
  byStrength.slice(0, 2).forEach((f) => add(f, designate('single_champion', 'national', 2024, '工业和信息化部', 'other', '第八批')));
  if (byStrength[2]) add(byStrength[2], designate('unicorn', 'provincial', 2025, PROVINCE, 'other', '2025 年度'));
  // 小升规 milestones.
  firms.filter((f) => f.sizeClass === 'small').slice(0, 80).forEach((f, i) => add(f, designate('above_scale', 'city', 2021 + (i % 5), '聊城市统计局', 'other', `${2021 + (i % 5)} 年度`)));

  return { firms, years, titles };
}
