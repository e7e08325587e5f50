import { describe, expect, it } from 'vitest';
import { firmInput } from './factories.ts';
import { evaluate } from './index.ts';
import type { PreEvaluation, PreEvaluationInput } from './types.ts';

const run = (input: PreEvaluationInput) => evaluate('innovative-2022', input);
const points = (r: PreEvaluation, key: string) => r.indicators.find((i) => i.key === key)!.points;

describe('创新型中小企业 2022 — every band boundary (on the boundary, just below)', () => {
  // Revenue 10,000 万元, so R&D of N 万元 is N/100 %.
  it.each([
    [500, 20],
    [499, 15],
    [300, 15],
    [299, 10],
    [200, 10],
    [199, 5],
    [100, 5],
    [99, 0],
  ])('R&D intensity: R&D %d 万元 of 10,000 → %d points', (rdSpend, expected) => {
    expect(points(run(firmInput({ years: { 2025: { revenue: 10000, rdSpend } } })), 'rdIntensity')).toBe(expected);
  });

  // Main business 10,000 万元 in 2024.
  it.each([
    [11500, 20],
    [11499, 15],
    [11000, 15],
    [10999, 10],
    [10500, 10],
    [10499, 5],
    [10000, 5],
    [9999, 0],
  ])('main-business growth: %d over 10,000 → %d points', (mainRevenue, expected) => {
    const input = firmInput({ years: { 2024: { mainRevenue: 10000 }, 2025: { mainRevenue, revenue: 20000 } } });
    expect(points(run(input), 'mainRevenueGrowth')).toBe(expected);
  });

  // Assets 10,000 万元: lower is better, a ratio on the boundary takes the better band.
  it.each([
    [5500, 10],
    [5501, 5],
    [7500, 5],
    [7501, 0],
  ])('debt ratio: liabilities %d of 10,000 → %d points', (totalLiabilities, expected) => {
    expect(points(run(firmInput({ years: { 2025: { totalAssets: 10000, totalLiabilities } } })), 'debtRatio')).toBe(expected);
  });

  it.each([
    [7000, 20],
    [6999, 15],
    [6000, 15],
    [5999, 10],
    [5500, 10],
    [5499, 5],
    [5000, 5],
    [4999, 0],
  ])('main-business share: %d of 10,000 → %d points', (mainRevenue, expected) => {
    expect(points(run(firmInput({ years: { 2024: { mainRevenue: 1000 }, 2025: { revenue: 10000, mainRevenue } } })), 'mainShare')).toBe(expected);
  });

  it.each([
    [{ ipClass1: 2, ipClass1Own: 1, ipClass1HighValue: 1 }, 20],
    [{ ipClass1: 2, ipClass1Own: 1, ipClass1HighValue: 0 }, 15],
    [{ ipClass1: 1, ipClass1Own: 0, ipClass1HighValue: 0 }, 10],
    [{ ipClass1: 1, ipClass1Own: null, ipClass1HighValue: null }, 10],
    [{ ipClass1: 0, ipClass2: 1 }, 5],
    [{ ipClass1: 0, ipClass2: 0 }, 0],
  ])('IP %o → %d points', (ip, expected) => {
    expect(points(run(firmInput({ years: { 2025: ip } })), 'ip')).toBe(expected);
  });

  it('field of the main product: strategic emerging 10, any other 5', () => {
    expect(points(run(firmInput({ firm: { productField: 'strategic_emerging' } })), 'productField')).toBe(10);
    expect(points(run(firmInput({ firm: { productField: 'chain_gap' } })), 'productField')).toBe(5);
    expect(points(run(firmInput({ firm: { productField: 'other' } })), 'productField')).toBe(5);
  });
});

// A firm with no direct route (no high-tech certificate, a city R&D centre, no equity financing).
const noRoute = { rdCentreLevel: 'city' as const, equityFinancing: 0 };

describe('创新型中小企业 2022 — pass mark, block minimums, direct routes', () => {
  it('needs total ≥ 60 with every block at its minimum; a short block fails a passing total', () => {
    // innovation 10 + 10 = 20, growth 10 (6.4 %) + 5 = 15, specialisation 10 + 5 = 15 → 50: blocks met, total short.
    const base = { ...noRoute, ipClass1: 1, ipClass1Own: 0, ipClass1HighValue: 0, revenue: 10000, rdSpend: 200, totalAssets: 10000, totalLiabilities: 5501, mainRevenue: 5000 };
    const at50 = run(firmInput({ years: { 2024: { mainRevenue: 4700 }, 2025: base } }));
    expect(at50.blocks.map((b) => b.points)).toEqual([20, 15, 15]);
    expect(at50.total).toBe(50);
    expect(at50.verdict).toBe('unlikely');
    // Main share 60 % → 15, 55 % → 10 (growth 7.1 % / 7.8 %): exactly 60 passes, 55 does not.
    const at60 = run(firmInput({ years: { 2024: { mainRevenue: 5600 }, 2025: { ...base, mainRevenue: 6000 } } }));
    expect([at60.total, at60.verdict]).toEqual([60, 'likely']);
    const at55 = run(firmInput({ years: { 2024: { mainRevenue: 5100 }, 2025: { ...base, mainRevenue: 5500 } } }));
    expect([at55.total, at55.verdict]).toEqual([55, 'unlikely']);
    // Main share 70 % (+15) with growth still 5–10 % (6.1 %): 65 points.
    const at65 = run(firmInput({ years: { 2024: { mainRevenue: 6600 }, 2025: { ...base, mainRevenue: 7000 } } }));
    expect(at65.total).toBe(65);
    expect(at65.verdict).toBe('likely');
    // Same total, but innovation drops to 15 (< 20) while growth rises: the block minimum fails.
    const shortBlock = run(firmInput({ years: { 2024: { mainRevenue: 6000 }, 2025: { ...base, ipClass1: 0, ipClass2: 1, mainRevenue: 7000 } } }));
    expect(shortBlock.blocks.find((b) => b.key === 'innovation')!.points).toBe(15);
    expect(shortBlock.total).toBeGreaterThanOrEqual(60);
    expect(shortBlock.verdict).toBe('unlikely');
    expect(shortBlock.gaps.map((g) => g.key)).toContain('block.innovation');
  });

  const weak = { ...noRoute, ipClass1: 0, ipClass2: 0, rdSpend: 0 };

  it('a valid high-tech certificate qualifies regardless of the score', () => {
    expect(run(firmInput({ years: { 2025: weak } })).verdict).toBe('unlikely');
    const r = run(firmInput({ firm: { highTech: true }, years: { 2025: weak } }));
    expect(r.directRoutes.find((d) => d.key === 'highTech')!.ok).toBe(true);
    expect(r.verdict).toBe('likely');
  });

  it('a provincial R&D institution qualifies; a city one does not', () => {
    expect(run(firmInput({ years: { 2025: { ...weak, rdCentreLevel: 'provincial' } } })).verdict).toBe('likely');
    expect(run(firmInput({ years: { 2025: { ...weak, rdCentreLevel: 'national' } } })).verdict).toBe('likely');
    expect(run(firmInput({ years: { 2025: { ...weak, rdCentreLevel: 'city' } } })).directRoutes.find((d) => d.key === 'rdCentre')!.ok).toBe(false);
  });

  it('500 万元 of equity financing over three years qualifies; 499 does not; an unknown year leaves it open', () => {
    const equity = (a: number | null, b: number, c: number) => firmInput({ years: { 2023: { equityFinancing: a }, 2024: { equityFinancing: b }, 2025: { ...weak, equityFinancing: c } } });
    expect(run(equity(200, 200, 100)).verdict).toBe('likely');
    const short = run(equity(200, 200, 99));
    expect(short.directRoutes.find((d) => d.key === 'equity3y')!.ok).toBe(false);
    expect(short.verdict).toBe('unlikely');
    const unknown = run(equity(null, 200, 99));
    expect(unknown.directRoutes.find((d) => d.key === 'equity3y')!.ok).toBeNull();
    expect(unknown.verdict).toBe('insufficient_data');
    expect(unknown.missing).toContain('equityFinancing:2023');
  });
});

describe('创新型中小企业 2022 — what it would take', () => {
  it('R&D intensity 2.4 % on 10,000 万元 revenue needs 60 万元 more R&D for 3 %', () => {
    const r = run(firmInput({ years: { 2025: { revenue: 10000, rdSpend: 240 } } }));
    const gap = r.gaps.find((g) => g.key === 'rdIntensity')!;
    expect(gap.amountWan).toBe(60); // 3 % × 10,000 − 240
    expect(gap.points).toBe(5);
    expect(gap.message.zh).toContain('研发投入强度 2.4%，需达到 3%');
    expect(gap.message.zh).toContain('约需再增加研发费用 60 万元');
    expect(gap.message.en).toContain('about ¥600k more R&D');
  });

  it('debt ratio 60 % needs about 1,112 万元 repaid for 55 % (or 910 万元 of new equity)', () => {
    // (6,000 − 0.55 × 10,000) / (1 − 0.55) = 1,111.1 → 1,112; equity: 6,000 / 0.55 − 10,000 = 909.1 → 910.
    const gap = run(firmInput({ years: { 2025: { totalAssets: 10000, totalLiabilities: 6000 } } })).gaps.find((g) => g.key === 'debtRatio')!;
    expect(gap.amountWan).toBe(1112);
    expect(gap.message.zh).toContain('新增股权资本约 910 万元');
  });

  it('main-business share 65 % needs 500 万元 more main business for 70 %', () => {
    const gap = run(firmInput({ years: { 2025: { revenue: 10000, mainRevenue: 6500 } } })).gaps.find((g) => g.key === 'mainShare')!;
    expect(gap.amountWan).toBe(500);
  });

  it('growth 3 % needs main business to reach +5 % over last year', () => {
    // 2024: 10,000; 2025: 10,300 → 5 % needs 10,500: 200 more.
    const gap = run(firmInput({ years: { 2024: { mainRevenue: 10000 }, 2025: { mainRevenue: 10300, revenue: 12000 } } })).gaps.find((g) => g.key === 'mainRevenueGrowth')!;
    expect(gap.amountWan).toBe(200);
  });

  it('says it is an estimate under the 2022 rules, with its source', () => {
    const r = run(firmInput());
    expect(r).toMatchObject({ estimate: true, verified: true, ruleVersion: 'miit-2022', maxTotal: 100, passScore: 60 });
    expect(r.source).toContain('工信部企业〔2022〕63号');
  });
});
