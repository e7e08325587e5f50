import { describe, expect, it } from 'vitest';
import { firmInput } from './factories.ts';
import { revenueNeeded } from './gazelle-sd-2020.ts';
import { evaluate } from './index.ts';
import type { PreEvaluation, PreEvaluationInput, YearFacts } from './types.ts';

const run = (input: PreEvaluationInput) => evaluate('gazelle-sd-2020', input);
const ok = (r: PreEvaluation, key: string) => r.prerequisites.find((p) => p.key === key)!.ok;

/** Revenue in 2023 and 2025 (R&D kept at 10 % both years so only growth matters); net profit flat. */
const growthFirm = (base: number, now: number, profit: [number, number] = [100, 100]) =>
  run(
    firmInput({
      years: {
        2023: { revenue: base, netProfit: profit[0] },
        2024: { revenue: (base + now) / 2, rdSpend: (base + now) / 20 },
        2025: { revenue: now, mainRevenue: now * 0.9, rdSpend: now / 10, netProfit: profit[1] },
      },
    }),
  );

describe('山东瞪羚 2020 — thresholds', () => {
  it('the strong firm meets every one, with the Shandong registration assumed and said so', () => {
    const r = run(firmInput());
    expect(r.failedPrerequisites).toEqual([]);
    expect(r.verdict).toBe('likely');
    expect(ok(r, 'registeredInShandong')).toBe(true);
    expect(r.notes.map((n) => n.zh).join()).toContain('山东省内注册');
    expect(r).toMatchObject({ ruleVersion: 'sd-gazelle-2020', verified: true, total: null });
  });

  it('≥ 3 full fiscal years: founded 2022 passes for 2025, founded 2023 fails', () => {
    expect(ok(run(firmInput({ firm: { foundedYear: 2022 } })), 'yearsOperating')).toBe(true);
    expect(ok(run(firmInput({ firm: { foundedYear: 2023 } })), 'yearsOperating')).toBe(false);
  });

  it('debt ratio below 70 %: 69.99 % passes, exactly 70 % fails (低于)', () => {
    expect(ok(run(firmInput({ years: { 2025: { totalAssets: 10000, totalLiabilities: 6999 } } })), 'debtRatio')).toBe(true);
    expect(ok(run(firmInput({ years: { 2025: { totalAssets: 10000, totalLiabilities: 7000 } } })), 'debtRatio')).toBe(false);
  });

  it('a listed firm fails', () => {
    const r = run(firmInput({ firm: { listed: true } }));
    expect(r.failedPrerequisites).toEqual(['unlisted']);
    expect(r.verdict).toBe('unlikely');
  });

  it.each([
    // Growth threshold exactly met, and just missed, in each revenue band.
    [640, 1000, true], // 25 %
    [641, 1000, false],
    [5000, 7200, true], // 20 %
    [5001, 7200, false],
    [10000, 13225, true], // 15 %
    [10001, 13225, false],
    [40000, 48400, true], // 10 %
    [40001, 48400, false],
  ])('revenue CAGR: %d → %d meets its band: %s', (base, now, expected) => {
    expect(ok(growthFirm(base, now), 'growth')).toBe(expected);
  });

  it.each([
    // A revenue on a band boundary takes the higher band (the lower growth threshold).
    [1000, 26, true],
    [999, 26, false], // below the lowest band: out of range
    [2000, 22, true],
    [1999, 22, false],
    [10000, 16, true],
    [9999, 16, false],
    [40000, 12, true],
    [39999, 12, false],
  ])('revenue %d with a 2-year CAGR of %d percent passes: %s', (now, cagr, expected) => {
    expect(ok(growthFirm(now / (1 + cagr / 100) ** 2, now), 'growth')).toBe(expected);
  });

  it('net profit growth can stand in for revenue growth', () => {
    // Revenue +11.8 % a year (short of 20 %), net profit 100 → 144 (+20 % a year).
    expect(ok(growthFirm(4000, 5000), 'growth')).toBe(false);
    expect(ok(growthFirm(4000, 5000, [100, 144]), 'growth')).toBe(true);
  });

  it.each([
    [10000, 250, true], // ≥ 10,000 万元 revenue: 2.5 %
    [10000, 249, false],
    [9999, 499.95, true], // below: 5 %
    [9999, 499, false],
  ])('R&D intensity on revenue %d: R&D %d passes: %s (checked in both years)', (revenue, rdSpend, expected) => {
    const r2025 = run(firmInput({ years: { 2025: { revenue, mainRevenue: revenue * 0.9, rdSpend } } }));
    expect(ok(r2025, 'rdIntensity:2025')).toBe(expected);
    const r2024 = run(firmInput({ years: { 2024: { revenue, rdSpend } } }));
    expect(ok(r2024, 'rdIntensity:2024')).toBe(expected);
  });

  const noIp: Partial<YearFacts> = { inventionPatents: 0, ipClass2: 0, standardsLed: 0 };
  it.each([
    [{ inventionPatents: 2 }, true],
    [{ inventionPatents: 1 }, false],
    [{ ipClass2: 8 }, true],
    [{ ipClass2: 7 }, false],
    [{ standardsLed: 1 }, true],
    [{}, false],
  ])('IP or standard %o: %s', (ip, expected) => {
    expect(ok(run(firmInput({ years: { 2025: { ...noIp, ...ip } } })), 'ip')).toBe(expected);
  });
});

describe('山东瞪羚 2020 — what it would take', () => {
  it('revenue 5,000 from 4,000 needs 760 万元 more (20 % band) or 38 万元 more net profit', () => {
    // 4,000 × 1.2² = 5,760; profit 200 × 1.44 = 288 − 250 = 38.
    const g = growthFirm(4000, 5000, [200, 250]).gaps.find((x) => x.key === 'growth')!;
    expect(g.amountWan).toBe(760);
    expect(g.message.zh).toContain('净利润再增加约 38 万元');
  });

  it('counts the lower threshold of the band the new revenue would reach', () => {
    // From 7,000: 20 % needs 10,080 — but at 10,000 the 15 % band applies (7,000 × 1.3225 = 9,257.5 ≤ 10,000).
    expect(revenueNeeded(7000, 9000)).toBe(10000);
    expect(growthFirm(7000, 9000).gaps.find((x) => x.key === 'growth')!.amountWan).toBe(1000);
  });

  it('debt ratio 75 % needs about 1,667 万元 repaid to reach 70 %', () => {
    // (7,500 − 0.7 × 10,000) / 0.3 = 1,666.7 → 1,667.
    const r = run(firmInput({ years: { 2025: { totalAssets: 10000, totalLiabilities: 7500 } } }));
    expect(r.gaps[0]).toMatchObject({ key: 'debtRatio', amountWan: 1667 });
  });

  it('missing founding year and previous-year figures: insufficient data, each listed', () => {
    const r = run(firmInput({ firm: { foundedYear: null }, years: { 2024: null } }));
    expect(r.verdict).toBe('insufficient_data');
    expect(r.missing).toEqual(expect.arrayContaining(['foundedYear', 'rdSpend:2024', 'revenue:2024']));
    expect(r.gaps.map((g) => g.message.zh)).toContain('缺少成立年份数据');
  });
});
