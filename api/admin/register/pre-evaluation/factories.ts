/**
 * Test and benchmark firms for the pre-evaluation: a strong firm that meets every criterion of every rule set at the
 * top band, to be changed one figure at a time. Evaluated year 2025; money in 万元.
 */
import type { FirmFacts, PreEvaluationInput, TitleFacts, YearFacts } from './types.ts';

export const YEAR = 2025;

/** A firm's yearly figures with every column null, then `figures` on top. */
export function yearFacts(fiscalYear: number, figures: Partial<YearFacts> = {}): YearFacts {
  return {
    fiscalYear,
    revenue: null,
    mainRevenue: null,
    rdSpend: null,
    rdStaff: null,
    employees: null,
    totalAssets: null,
    totalLiabilities: null,
    netProfit: null,
    ipClass1: null,
    ipClass1Own: null,
    ipClass1HighValue: null,
    ipClass2: null,
    inventionPatents: null,
    digitalLevel: null,
    qualityCertifications: null,
    qualityAward: null,
    ownBrand: null,
    standardsDrafted: null,
    standardsLed: null,
    rdCentreLevel: null,
    yearsInNiche: null,
    equityFinancing: null,
    officialScore: null,
    officialScoreRule: null,
    ...figures,
  };
}

/** The strong firm's three years (2023–2025). Growth of main business: 20 %, then 15.38 %; revenue CAGR 19.5 %. */
export function strongYears(): YearFacts[] {
  const common = {
    ipClass1: 5,
    ipClass1Own: 3,
    ipClass1HighValue: 1,
    ipClass2: 10,
    inventionPatents: 3,
    digitalLevel: 3,
    qualityCertifications: 1,
    qualityAward: true,
    ownBrand: true,
    standardsDrafted: 1,
    standardsLed: 1,
    rdCentreLevel: 'national' as const,
    equityFinancing: 0,
    rdStaff: 25,
    employees: 100,
  };
  return [
    yearFacts(2023, { ...common, revenue: 7000, mainRevenue: 6500, rdSpend: 450, totalAssets: 8000, totalLiabilities: 3000, netProfit: 800, yearsInNiche: 8 }),
    yearFacts(2024, { ...common, revenue: 8600, mainRevenue: 7800, rdSpend: 650, totalAssets: 9000, totalLiabilities: 3500, netProfit: 1000, yearsInNiche: 9 }),
    yearFacts(2025, {
      ...common,
      revenue: 10000,
      mainRevenue: 9000,
      rdSpend: 600,
      totalAssets: 10000,
      totalLiabilities: 4000,
      netProfit: 1200,
      yearsInNiche: 10,
      officialScore: 70,
      officialScoreRule: 'miit-2026',
    }),
  ];
}

export function strongFirm(): FirmFacts {
  return { foundedYear: 2010, productField: 'strategic_emerging', listed: false, highTech: false, industry: 'bearings', sizeClass: 'medium' };
}

export function strongTitles(): TitleFacts[] {
  return [
    { tier: 'innovative', level: 'provincial', status: 'designated', validTo: '2027-12-31' },
    { tier: 'srdi', level: 'provincial', status: 'designated', validTo: '2027-12-31' },
  ];
}

/** The strong firm with changes: `firm` fields, per-year figure overrides (`{ 2025: { rdSpend: 240 } }`), titles. */
export function firmInput(
  changes: { firm?: Partial<FirmFacts>; years?: Record<number, Partial<YearFacts> | null>; titles?: TitleFacts[] } = {},
): PreEvaluationInput {
  const years: YearFacts[] = [];
  for (const row of strongYears()) {
    const change = changes.years?.[row.fiscalYear];
    if (change === null) continue; // the whole year removed
    years.push({ ...row, ...change });
  }
  return { firm: { ...strongFirm(), ...changes.firm }, years, titles: changes.titles ?? strongTitles(), year: YEAR, today: '2026-06-30' };
}
