import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors.ts';
import { bandIndex, bandLabel, type BandTable } from './bands.ts';
import { firmInput } from './factories.ts';
import { ceilWan, wanEn } from './format.ts';
import { evaluate, evaluateAll, isRulesetId, RULESET_IDS, RULESETS } from './index.ts';

const up: BandTable = { direction: 'up', unit: '%', bands: [{ at: 5, points: 20 }, { at: 3, points: 15 }, { at: -Infinity, points: 0 }] };
const down: BandTable = { direction: 'down', unit: '%', bands: [{ at: 55, points: 10 }, { at: 75, points: 5 }, { at: Infinity, points: 0 }] };

describe('band tables (以上/以下含本数)', () => {
  it('a value on a boundary takes the better band, in both directions', () => {
    expect([bandIndex(up, 5), bandIndex(up, 4.99), bandIndex(up, 3), bandIndex(up, 2.99)]).toEqual([0, 1, 1, 2]);
    expect([bandIndex(down, 55), bandIndex(down, 55.01), bandIndex(down, 75), bandIndex(down, 75.01)]).toEqual([0, 1, 1, 2]);
  });

  it('a percentage computed in floating point still lands on its boundary', () => {
    expect((0.57 * 100) < 57).toBe(true); // 56.99999999999999
    expect(bandIndex({ direction: 'up', unit: '%', bands: [{ at: 57, points: 1 }, { at: -Infinity, points: 0 }] }, 0.57 * 100)).toBe(0);
  });

  it('labels bands as the tables print them', () => {
    expect([0, 1, 2].map((i) => bandLabel(up, i).zh)).toEqual(['≥ 5%', '3–5%', '< 3%']);
    expect([0, 1, 2].map((i) => bandLabel(down, i).zh)).toEqual(['≤ 55%', '55–75%', '> 75%']);
  });
});

describe('money in gaps', () => {
  it('rounds up: to 0.1 万元 below 10 万元, to 1 万元 above; floating-point noise does not add a unit', () => {
    expect(ceilWan(60.000000000001)).toBe(60);
    expect(ceilWan(0.03 * 10000 - 240)).toBe(60);
    expect(ceilWan(0.05)).toBe(0.1);
    expect(ceilWan(9.91)).toBe(10);
    expect(ceilWan(12.3)).toBe(13);
    expect(ceilWan(-5)).toBe(0);
  });

  it('writes English amounts in yuan', () => {
    expect([wanEn(60), wanEn(1234), wanEn(0.5)]).toEqual(['¥600k', '¥12.34M', '¥5k']);
  });
});

describe('evaluate and evaluateAll', () => {
  it('lists every rule set with its source and version', () => {
    expect(RULESETS.map((r) => r.id)).toEqual([...RULESET_IDS]);
    for (const r of RULESETS) expect(r.source.length).toBeGreaterThan(10);
    expect(isRulesetId('srdi-2022')).toBe(true);
    expect(isRulesetId('srdi-2030')).toBe(false);
  });

  it('evaluates every rule set, each labelled an estimate, without changing the input', () => {
    const input = firmInput();
    const before = JSON.stringify(input);
    const all = evaluateAll(input);
    expect(all.map((r) => r.ruleset)).toEqual([...RULESET_IDS]);
    for (const r of all) {
      expect(r.estimate).toBe(true);
      expect(r.year).toBe(2025);
      expect(r.notes[0]!.zh).toContain('估算');
      expect(JSON.parse(JSON.stringify(r))).toEqual(r); // JSON-friendly
    }
    expect(JSON.stringify(input)).toBe(before);
  });

  it('refuses an unknown rule set with a 400 AppError', () => {
    expect(() => evaluate('srdi-2030', firmInput())).toThrow(AppError);
    try {
      evaluate('srdi-2030', firmInput());
    } catch (e) {
      expect((e as AppError).status).toBe(400);
    }
  });

  it('reads years in any order', () => {
    const input = firmInput({ years: { 2025: { rdSpend: 240 } } });
    const reversed = { ...input, years: [...input.years].reverse() };
    expect(evaluateAll(reversed)).toEqual(evaluateAll(input));
  });
});

describe('missing data', () => {
  // No direct route, so the verdict rests on the score.
  const noRoute = { rdCentreLevel: 'city' as const };

  it('a missing previous year leaves the growth block open: insufficient_data, the figure listed and shown as a gap', () => {
    const r = evaluate('innovative-2022', firmInput({ years: { 2024: null, 2025: { ...noRoute, totalLiabilities: 5501 } } }));
    const growth = r.indicators.find((i) => i.key === 'mainRevenueGrowth')!;
    expect([growth.value, growth.points, growth.band.zh]).toEqual([null, 0, '缺少数据']);
    expect(r.verdict).toBe('insufficient_data');
    expect(r.missing).toEqual(['mainRevenue:2024', 'equityFinancing:2024']);
    expect(r.gaps.map((g) => g.message.zh)).toContain('缺少 2024 年主营业务收入数据');
  });

  it('missing figures do not hold back a verdict they cannot change', () => {
    // Without IP data the innovation block still has R&D's 20 points; the total is 80 of the rest.
    const r = evaluate('innovative-2022', firmInput({ years: { 2025: { ...noRoute, ipClass1: null } } }));
    expect(r.missing).toEqual(['ipClass1:2025']);
    expect(r.verdict).toBe('likely');
  });

  it('a missing prerequisite figure gives insufficient_data, never a pass', () => {
    const r = evaluate('srdi-2022', firmInput({ years: { 2025: { yearsInNiche: null } } }));
    expect(r.prerequisites.find((p) => p.key === 'yearsInNiche')!.ok).toBeNull();
    expect(r.verdict).toBe('insufficient_data');
    expect(r.missing).toContain('yearsInNiche:2025');
  });

  it('orders gaps: failed prerequisites, then missing figures, then by points gained', () => {
    const r = evaluate('srdi-2022', firmInput({ firm: { productField: null }, years: { 2025: { yearsInNiche: 1, rdStaff: 8, employees: 100, digitalLevel: 2 } } }));
    const keys = r.gaps.map((g) => g.key);
    expect(keys[0]).toBe('yearsInNiche');
    expect(keys[1]).toBe('missing.productField');
    const scored = r.gaps.slice(2).map((g) => g.points);
    expect(scored).toEqual([...scored].sort((a, b) => b - a));
  });
});
