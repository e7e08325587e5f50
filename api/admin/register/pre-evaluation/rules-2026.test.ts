import { describe, expect, it } from 'vitest';
import { firmInput } from './factories.ts';
import { evaluate } from './index.ts';
import type { PreEvaluation, PreEvaluationInput, TitleFacts } from './types.ts';

const srdi = (input: PreEvaluationInput) => evaluate('srdi-2026', input);
const giant = (input: PreEvaluationInput) => evaluate('little-giant-2026', input);
const ok = (r: PreEvaluation, key: string) => r.prerequisites.find((p) => p.key === key)!.ok;

describe('2026 rules — marked unverified', () => {
  it.each(['srdi-2026', 'little-giant-2026'])('%s says it is unverified, an estimate, under the 2026 rules', (id) => {
    const r = evaluate(id, firmInput());
    expect(r).toMatchObject({ verified: false, estimate: true, ruleVersion: 'miit-2026', total: null, indicators: [] });
    expect(r.source).toContain('未核实');
    expect(r.notes.map((n) => n.zh).join()).toContain('未核实');
    expect(r.notes.map((n) => n.en).join()).toContain('Unverified');
  });
});

describe('专精特新 2026 prerequisites (unverified)', () => {
  it('the strong firm meets every one', () => {
    const r = srdi(firmInput());
    expect(r.failedPrerequisites).toEqual([]);
    expect(r.verdict).toBe('likely');
  });

  it('needs a valid innovative title: expired by date or revoked does not count', () => {
    const titles = (t: Partial<TitleFacts>): TitleFacts[] => [{ tier: 'innovative', level: 'provincial', status: 'designated', validTo: '2027-12-31', ...t }];
    expect(ok(srdi(firmInput({ titles: titles({ validTo: '2026-06-30' }) })), 'innovativeTitle')).toBe(true); // valid through today
    expect(ok(srdi(firmInput({ titles: titles({ validTo: '2026-06-29' }) })), 'innovativeTitle')).toBe(false);
    expect(ok(srdi(firmInput({ titles: titles({ status: 'revoked' }) })), 'innovativeTitle')).toBe(false);
    expect(ok(srdi(firmInput({ titles: [] })), 'innovativeTitle')).toBe(false);
    expect(srdi(firmInput({ titles: [] })).verdict).toBe('unlikely');
  });

  it.each([
    ['yearsInNiche', { yearsInNiche: 3 }, { yearsInNiche: 2 }],
    ['revenue', { revenue: 1500, mainRevenue: 1350, rdSpend: 100 }, { revenue: 1499, mainRevenue: 1350, rdSpend: 100 }],
    ['mainShare', { revenue: 10000, mainRevenue: 8000 }, { revenue: 10000, mainRevenue: 7999 }],
    ['debtRatio', { totalAssets: 10000, totalLiabilities: 8000 }, { totalAssets: 10000, totalLiabilities: 8001 }],
    ['rdSpend:2025', { revenue: 3000, mainRevenue: 2700, rdSpend: 100 }, { revenue: 3000, mainRevenue: 2700, rdSpend: 99.99 }],
    ['rdIntensity:2025', { revenue: 10000, rdSpend: 300 }, { revenue: 10000, rdSpend: 299 }],
    ['ipClass1', { ipClass1: 1 }, { ipClass1: 0 }],
    ['officialScore', { officialScore: 50 }, { officialScore: 49.9 }],
  ])('%s: passes on the boundary, fails just beyond it', (key, pass, fail) => {
    expect(ok(srdi(firmInput({ years: { 2025: pass } })), key)).toBe(true);
    const r = srdi(firmInput({ years: { 2025: fail } }));
    expect(ok(r, key)).toBe(false);
    expect(r.failedPrerequisites).toContain(key);
    expect(r.verdict).toBe('unlikely');
  });

  it('checks R&D in the previous year too', () => {
    expect(srdi(firmInput({ years: { 2024: { revenue: 10000, rdSpend: 299 } } })).failedPrerequisites).toEqual(['rdIntensity:2024']);
  });

  it('revenue below 1,500 万元 passes with 2,000 万元 equity over two years', () => {
    const small = { revenue: 1499, mainRevenue: 1350, rdSpend: 100 };
    expect(ok(srdi(firmInput({ years: { 2024: { equityFinancing: 1000 }, 2025: { ...small, equityFinancing: 1000 } } })), 'revenue')).toBe(true);
    expect(ok(srdi(firmInput({ years: { 2024: { equityFinancing: 1000 }, 2025: { ...small, equityFinancing: 999 } } })), 'revenue')).toBe(false);
  });

  it('an official score under the 2022 rules, or none, is missing data', () => {
    const r = srdi(firmInput({ years: { 2025: { officialScoreRule: 'miit-2022' } } }));
    expect(ok(r, 'officialScore')).toBeNull();
    expect(r.verdict).toBe('insufficient_data');
    expect(r.missing).toEqual(['officialScore:2025']);
  });
});

describe('专精特新“小巨人” 2026 prerequisites (unverified)', () => {
  // Revenue 2023 → 2025: 10,000 → 11,025 is exactly 5 % a year.
  const base = { 2023: { revenue: 10000 }, 2024: { revenue: 10500, rdSpend: 600 }, 2025: { revenue: 11025, mainRevenue: 10000, rdSpend: 600, ipClass1: 4 } };

  it('with every figure met, still insufficient data: the niche market share is not in the register', () => {
    const r = giant(firmInput({ years: base }));
    expect(r.failedPrerequisites).toEqual([]);
    expect(ok(r, 'nicheMarketShare')).toBeNull();
    expect(r.verdict).toBe('insufficient_data');
    expect(r.missing).toEqual(['nicheMarketShare']);
  });

  it('needs a provincial 专精特新 title; a city-level one does not count', () => {
    expect(ok(giant(firmInput({ years: base, titles: [{ tier: 'srdi', level: 'city', status: 'designated', validTo: null }] })), 'srdiTitle')).toBe(false);
    expect(ok(giant(firmInput({ years: base, titles: [{ tier: 'srdi', level: 'provincial', status: 'designated', validTo: null }] })), 'srdiTitle')).toBe(true);
  });

  it.each([
    ['revenue', { 2025: { ...base[2025], revenue: 5000, mainRevenue: 4500, rdSpend: 600 }, 2023: { revenue: 4000 } }, { 2025: { ...base[2025], revenue: 4999, mainRevenue: 4500, rdSpend: 600 }, 2023: { revenue: 4000 } }],
    ['mainShare', { 2025: { ...base[2025], mainRevenue: 9922.5 } }, { 2025: { ...base[2025], mainRevenue: 9922 } }],
    ['revenueCagr2y', { 2023: { revenue: 10000 } }, { 2023: { revenue: 10001 } }],
    ['debtRatio', { 2025: { ...base[2025], totalAssets: 10000, totalLiabilities: 7500 } }, { 2025: { ...base[2025], totalAssets: 10000, totalLiabilities: 7501 } }],
    ['rdSpend2y', { 2024: { ...base[2024], rdSpend: 600 } }, { 2024: { ...base[2024], rdSpend: 599 } }],
    ['ipClass1', { 2025: { ...base[2025], ipClass1: 4 } }, { 2025: { ...base[2025], ipClass1: 3 } }],
    ['rdIntensity:2025', { 2025: { ...base[2025], rdSpend: 330.75 } }, { 2025: { ...base[2025], rdSpend: 330.7 } }], // 3 % of 11,025
    ['rdIntensity:2024', { 2024: { ...base[2024], rdSpend: 315 } }, { 2024: { ...base[2024], rdSpend: 314.9 } }], // 3 % of 10,500
    ['officialScore', { 2025: { ...base[2025], officialScore: 60 } }, { 2025: { ...base[2025], officialScore: 59.9 } }],
  ] as const)('%s: passes on the boundary, fails just beyond it', (key, pass, fail) => {
    expect(ok(giant(firmInput({ years: { ...base, ...pass } })), key)).toBe(true);
    const r = giant(firmInput({ years: { ...base, ...fail } }));
    expect(ok(r, key)).toBe(false);
    expect(r.verdict).toBe('unlikely');
  });

  it('gap: 2-year R&D of 1,199 万元 needs 1 万元 more; CAGR short by one base unit needs revenue to grow', () => {
    const r = giant(firmInput({ years: { ...base, 2024: { ...base[2024], rdSpend: 599 } } }));
    expect(r.gaps.find((g) => g.key === 'rdSpend2y')!.amountWan).toBe(1);
    // 2023 at 10,100: 5 % a year needs 10,100 × 1.1025 = 11,135.25 → 110.25 more → 111 万元.
    const c = giant(firmInput({ years: { ...base, 2023: { revenue: 10100 } } }));
    expect(c.gaps.find((g) => g.key === 'revenueCagr2y')!.amountWan).toBe(111);
  });
});
