import { describe, expect, it } from 'vitest';
import { firmInput } from './factories.ts';
import { evaluate } from './index.ts';
import type { PreEvaluation, PreEvaluationInput, YearFacts } from './types.ts';

const run = (input: PreEvaluationInput) => evaluate('srdi-2022', input);
const points = (r: PreEvaluation, key: string) => r.indicators.find((i) => i.key === key)!.points;
const at2025 = (figures: Partial<YearFacts>) => run(firmInput({ firm: { productField: 'chain_gap' }, years: { 2025: figures } }));

describe('专精特新 2022 — every band boundary of the scored table (on the boundary, just below)', () => {
  it.each([
    [8000, 5],
    [7999, 3],
    [7000, 3],
    [6999, 1],
    [6000, 1],
    [5999, 0],
  ])('main-business share %d of 10,000 → %d', (mainRevenue, expected) => {
    expect(points(at2025({ revenue: 10000, mainRevenue }), 'mainShare')).toBe(expected);
  });

  // 2023 → 2024: +10 %; the 2025 figure sets the average: (g2025 + 10) / 2.
  it.each([
    [12100, 10], // g 10 → average 10
    [12097.8, 8], // g 9.98 → 9.99
    [11660, 8], // average 8
    [11657.8, 6],
    [11220, 6], // average 6
    [11217.8, 4],
    [10780, 4], // average 4
    [10777.8, 2],
    [9900, 2], // average 0
    [9897.8, 0],
  ])('2-year average main-business growth: 10,000 → 11,000 → %d gives %d', (mainRevenue, expected) => {
    const r = run(firmInput({ years: { 2023: { mainRevenue: 10000 }, 2024: { mainRevenue: 11000 }, 2025: { mainRevenue, revenue: 20000 } } }));
    expect(points(r, 'mainRevenueGrowth2y')).toBe(expected);
  });

  it.each([
    [10, 5],
    [9, 4],
    [8, 4],
    [7, 3],
    [6, 3],
    [5, 2],
    [4, 2],
    [3, 1],
    [2, 1],
    [1, 0],
  ])('years in the niche %d → %d (1 per full 2 years, max 5)', (yearsInNiche, expected) => {
    expect(points(at2025({ yearsInNiche }), 'yearsInNiche')).toBe(expected);
  });

  it.each([
    [4, 5],
    [3, 5],
    [2, 3],
    [1, 0],
  ])('digital level %d → %d', (digitalLevel, expected) => {
    expect(points(at2025({ digitalLevel }), 'digitalLevel')).toBe(expected);
  });

  const noQuality = { qualityAward: false, qualityCertifications: 0, ownBrand: false, standardsDrafted: 0, standardsLed: 0 };
  it.each([
    [{}, 0],
    [{ ownBrand: true }, 3],
    [{ ownBrand: true, qualityCertifications: 1 }, 5],
    [{ ownBrand: true, qualityCertifications: 1, qualityAward: true, standardsLed: 1 }, 5],
    [{ standardsDrafted: 2 }, 3],
  ])('quality items %o → %d (+3 each, max 5)', (items, expected) => {
    expect(points(at2025({ ...noQuality, ...items }), 'quality')).toBe(expected);
  });

  it.each([
    [1000, 10],
    [999, 8],
    [800, 8],
    [799, 6],
    [600, 6],
    [599, 4],
    [400, 4],
    [399, 2],
    [200, 2],
    [199, 0],
  ])('net margin: profit %d of 10,000 → %d', (netProfit, expected) => {
    expect(points(at2025({ revenue: 10000, netProfit }), 'netMargin')).toBe(expected);
  });

  it.each([
    [5000, 5],
    [5001, 3],
    [6000, 3],
    [6001, 1],
    [7000, 1],
    [7001, 0],
  ])('debt ratio: liabilities %d of 10,000 → %d', (totalLiabilities, expected) => {
    expect(points(at2025({ totalAssets: 10000, totalLiabilities }), 'debtRatio')).toBe(expected);
  });

  it.each([
    [{ ipClass1: 1, ipClass1HighValue: 1 }, 10],
    [{ ipClass1: 1, ipClass1HighValue: 0, ipClass1Own: 1 }, 8],
    [{ ipClass1: 1, ipClass1HighValue: 0, ipClass1Own: 0 }, 6],
    [{ ipClass1: 0, ipClass2: 3 }, 2],
    [{ ipClass1: 0, ipClass2: 0 }, 0],
  ])('IP %o → %d', (ip, expected) => {
    expect(points(at2025(ip), 'ip')).toBe(expected);
  });

  // Revenue 100,000 万元 keeps the intensity below 3 %, so the amount decides.
  it.each([
    [500, 10],
    [499, 8],
    [400, 8],
    [399, 6],
    [300, 6],
    [299, 4],
    [200, 4],
    [199, 2],
    [100, 2],
    [99, 0],
  ])('R&D amount %d 万元 → %d', (rdSpend, expected) => {
    expect(points(at2025({ revenue: 100000, rdSpend }), 'rdSpend')).toBe(expected);
  });

  // Revenue 900 万元 keeps the amount below 100 万元, so the intensity decides.
  it.each([
    [90, 10], // 10 %
    [89.9, 8],
    [72, 8], // 8 %
    [71.9, 6],
    [54, 6], // 6 %
    [53.9, 4],
    [36, 4], // 4 %
    [35.9, 2],
    [27, 2], // 3 %
    [26.9, 0],
  ])('R&D intensity: %d of 900 万元 → %d', (rdSpend, expected) => {
    expect(points(at2025({ revenue: 900, rdSpend }), 'rdSpend')).toBe(expected);
  });

  // 10,000 employees, so one person is 0.01 %.
  it.each([
    [2000, 5],
    [1999, 3],
    [1000, 3],
    [999, 1],
    [500, 1],
    [499, 0],
  ])('R&D staff %d of 10,000 → %d', (rdStaff, expected) => {
    expect(points(at2025({ rdStaff, employees: 10000 }), 'rdStaffShare')).toBe(expected);
  });

  it.each([
    ['national', 10],
    ['provincial', 8],
    ['city', 4],
    ['below_city', 2],
    [null, 0],
  ] as const)('R&D institution %s → %d', (rdCentreLevel, expected) => {
    expect(points(at2025({ rdCentreLevel }), 'rdCentre')).toBe(expected);
  });

  it.each([
    ['chain_gap', 5],
    ['six_basics', 3],
    ['strategic_emerging', 0],
    ['other', 0],
  ] as const)('field %s → %d', (productField, expected) => {
    expect(points(run(firmInput({ firm: { productField } })), 'productField')).toBe(expected);
  });
});

describe('专精特新 2022 — prerequisites', () => {
  const failed = (r: PreEvaluation) => r.failedPrerequisites;
  it('years in the niche: 2 passes, 1 fails', () => {
    expect(failed(at2025({ yearsInNiche: 2 }))).toEqual([]);
    expect(failed(at2025({ yearsInNiche: 1 }))).toEqual(['yearsInNiche']);
  });

  it('R&D ≥ 100 万元: 100 passes, 99.99 fails (intensity kept above 3 %)', () => {
    expect(failed(at2025({ revenue: 3000, mainRevenue: 2700, rdSpend: 100 }))).toEqual([]);
    expect(failed(at2025({ revenue: 3000, mainRevenue: 2700, rdSpend: 99.99 }))).toEqual(['rdSpend']);
  });

  it('R&D intensity ≥ 3 %: 300 of 10,000 passes, 299 fails', () => {
    expect(failed(at2025({ revenue: 10000, rdSpend: 300 }))).toEqual([]);
    expect(failed(at2025({ revenue: 10000, rdSpend: 299 }))).toEqual(['rdIntensity']);
  });

  it('revenue ≥ 1,000 万元, or less with ≥ 2,000 万元 equity over two years', () => {
    const small = (revenue: number, equity: [number, number]) =>
      run(firmInput({ years: { 2024: { equityFinancing: equity[0] }, 2025: { revenue, mainRevenue: revenue * 0.9, rdSpend: 100, equityFinancing: equity[1] } } }));
    expect(failed(small(1000, [0, 0]))).toEqual([]);
    expect(failed(small(999, [0, 0]))).toEqual(['revenue']);
    expect(failed(small(999, [1000, 1000]))).toEqual([]);
    expect(failed(small(999, [1000, 999]))).toEqual(['revenue']);
  });

  it('a failed prerequisite makes the verdict unlikely whatever the score, and comes first among the gaps', () => {
    const r = at2025({ yearsInNiche: 1, revenue: 10000, rdSpend: 240 });
    expect(r.total).toBeGreaterThanOrEqual(60);
    expect(r.verdict).toBe('unlikely');
    expect(r.gaps.slice(0, 2).map((g) => g.key)).toEqual(['yearsInNiche', 'rdIntensity']);
    expect(r.gaps.find((g) => g.key === 'rdIntensity')!.amountWan).toBe(60);
  });
});

describe('专精特新 2022 — the excluded 15 points, direct routes', () => {
  it('scores out of 85 and says the characteristics block is not estimated', () => {
    const r = run(firmInput({ firm: { productField: 'chain_gap' } }));
    expect([r.total, r.maxTotal, r.passScore, r.verdict]).toEqual([85, 85, 60, 'likely']);
    expect(r.notes.map((n) => n.zh).join()).toContain('特色化指标');
  });

  // A weak but eligible firm: main share 59.99 % (0), growth 0.8 % average (2), field 5, IP 10, R&D 3 % (6), the rest 0.
  const low = { mainRevenue: 5999, revenue: 10000, rdSpend: 300, digitalLevel: 1, netProfit: 0, totalAssets: 10000, totalLiabilities: 7001, rdCentreLevel: null, rdStaff: 0, employees: 100, qualityAward: false, qualityCertifications: 0, ownBrand: false, standardsDrafted: 0, standardsLed: 0 };
  const growing = { 2023: { mainRevenue: 5900 }, 2024: { mainRevenue: 5950 } };
  it('45–59 points: insufficient_data, the local points listed as missing; below 45: unlikely', () => {
    // + niche 5, provincial R&D institution 8, digital level 3 (5), R&D staff 10 % (3), debt ratio 70 % (1) → 45.
    const mid = { ...low, rdCentreLevel: 'provincial' as const, digitalLevel: 3, rdStaff: 10, totalLiabilities: 7000 };
    const r45 = run(firmInput({ firm: { productField: 'chain_gap' }, years: { ...growing, 2025: { ...mid, yearsInNiche: 10 } } }));
    expect(r45.total).toBe(45);
    expect(r45.verdict).toBe('insufficient_data');
    expect(r45.missing).toEqual(['characteristicsPoints']);
    expect(r45.gaps.find((g) => g.key === 'total')!.message.zh).toContain('省级特色指标最多可加 15 分');
    const r44 = run(firmInput({ firm: { productField: 'chain_gap' }, years: { ...growing, 2025: { ...mid, yearsInNiche: 8 } } }));
    expect(r44.total).toBe(44);
    expect(r44.verdict).toBe('unlikely');
    expect(r44.missing).toEqual([]);
  });

  it('2-year average R&D ≥ 1,000 万元 qualifies (2,000 over two years); 1,999 does not', () => {
    const routed = (a: number, b: number) => run(firmInput({ years: { 2023: { mainRevenue: 5900 }, 2024: { mainRevenue: 5950, rdSpend: a }, 2025: { ...low, rdSpend: b, revenue: 20000, mainRevenue: 11998, yearsInNiche: 2 } } }));
    const ok = routed(1000, 1000);
    expect(ok.directRoutes.find((d) => d.key === 'rdAverage2y')!.ok).toBe(true);
    expect(ok.verdict).toBe('likely');
    const short = routed(999, 1000);
    expect(short.directRoutes.find((d) => d.key === 'rdAverage2y')!.ok).toBe(false);
    expect(short.total).toBeLessThan(45);
    expect(short.verdict).toBe('unlikely');
  });

  it('≥ 6,000 万元 equity over two years qualifies; 5,999 does not', () => {
    const routed = (a: number, b: number) => run(firmInput({ years: { ...growing, 2024: { mainRevenue: 5950, equityFinancing: a }, 2025: { ...low, equityFinancing: b, yearsInNiche: 2 } } }));
    expect(routed(3000, 3000).verdict).toBe('likely');
    expect(routed(3000, 2999).directRoutes.find((d) => d.key === 'equity2y')!.ok).toBe(false);
    expect(routed(3000, 2999).verdict).toBe('unlikely');
  });
});

describe('专精特新 2022 — what it would take', () => {
  const gap = (r: PreEvaluation, key: string) => r.gaps.find((g) => g.key === key)!;

  it('R&D staff 8 of 100 needs 3 more R&D people for 10 % (hires join the head count)', () => {
    // (0.10 × 100 − 8) / (1 − 0.10) = 2.2 → 3; check: 11 / 103 = 10.7 %.
    expect(gap(at2025({ rdStaff: 8, employees: 100 }), 'rdStaffShare').persons).toBe(3);
  });

  it('2-year average growth 7.3 % needs 160 万元 more main business this year for 8 %', () => {
    // 10,000 → 11,000 (+10 %) → 11,500 (+4.5 %); 8 % needs 11,000 × (1 + 0.16 − 0.10) = 11,660.
    const r = run(firmInput({ years: { 2023: { mainRevenue: 10000 }, 2024: { mainRevenue: 11000 }, 2025: { mainRevenue: 11500, revenue: 20000 } } }));
    expect(gap(r, 'mainRevenueGrowth2y').amountWan).toBe(160);
  });

  it('net margin 5 % needs 100 万元 more profit for 6 %', () => {
    expect(gap(at2025({ revenue: 10000, netProfit: 500 }), 'netMargin').amountWan).toBe(100);
  });

  it('R&D 250 万元 (2.5 %) reaches the next band more cheaply by amount (300) than by intensity (6 % = 600)', () => {
    const g = gap(at2025({ revenue: 10000, rdSpend: 250 }), 'rdSpend');
    expect(g.amountWan).toBe(50);
    expect(g.points).toBe(2);
  });

  it('debt ratio 60 % needs 2,000 万元 repaid for 50 %', () => {
    // (6,000 − 0.5 × 10,000) / 0.5 = 2,000.
    expect(gap(at2025({ totalAssets: 10000, totalLiabilities: 6000 }), 'debtRatio').amountWan).toBe(2000);
  });

  it('orders score gaps by the points they would gain', () => {
    const r = at2025({ rdStaff: 8, employees: 100, rdCentreLevel: 'city', revenue: 10000, netProfit: 500 });
    const scored = r.gaps.filter((g) => g.points > 0).map((g) => g.points);
    expect(scored).toEqual([...scored].sort((a, b) => b - a));
    expect(r.gaps[0]!.key).toBe('rdCentre'); // city → provincial: +4
  });
});
