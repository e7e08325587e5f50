import { describe, expect, it } from 'vitest';
import { matchPolicy, type PolicyEligibility, type PolicyFirmFacts } from './policy-matching.ts';

const TODAY = '2026-06-01';
const rd: PolicyEligibility = {
  slug: 'rd',
  explainer: 'ladder',
  name: { zh: '研发补助', en: 'R&D grant' },
  benefit: { zh: '', en: '' },
  deadline: '2026-12-31',
  sizeClasses: ['small', 'medium'],
  tiersAny: [{ tier: 'srdi', level: 'provincial' }],
  thresholds: [
    { figure: 'rdSpend', min: 100, unit: '万元', label: { zh: '上年度研发费用', en: "last year's R&D spending" } },
    { figure: 'rdIntensity', min: 3, unit: '%', label: { zh: '研发费用占营业收入比重', en: 'R&D share of revenue' } },
  ],
};
const title = { tier: 'srdi' as const, level: 'provincial' as const, status: 'designated', validTo: '2027-06-30' };
const base: PolicyFirmFacts = { county: 'linqing', industry: 'bearings', sizeClass: 'small', titles: [title], lastYear: { revenue: 2000, rdSpend: 120 } };

describe('matchPolicy', () => {
  const cases: [string, PolicyEligibility, PolicyFirmFacts, string, RegExp | null][] = [
    ['every criterion met', rd, base, 'eligible', null],
    ['R&D short by ¥600k, worded as the pre-evaluation does', rd, { ...base, lastYear: { revenue: 4000, rdSpend: 40 } }, 'gaps', /上年度研发费用差 60 万元/],
    ['R&D share short', rd, { ...base, lastYear: { revenue: 10000, rdSpend: 120 } }, 'gaps', /研发费用占营业收入比重差 1\.8%/],
    ['no yearly data: a gap that says what to fill', rd, { ...base, lastYear: null }, 'gaps', /缺少上年度研发费用数据/],
    ['large firm: not applicable', rd, { ...base, sizeClass: 'large' }, 'not_applicable', /企业规模/],
    ['expired title: not applicable', rd, { ...base, titles: [{ ...title, validTo: '2026-05-31' }] }, 'not_applicable', /需持有有效的省级专精特新/],
    ['revoked title: not applicable', rd, { ...base, titles: [{ ...title, status: 'revoked' }] }, 'not_applicable', /需持有/],
    ['city-level title does not count for a provincial requirement', rd, { ...base, titles: [{ ...title, level: 'city' }] }, 'not_applicable', /需持有/],
    ['past the deadline: closed', { ...rd, deadline: '2026-05-31' }, base, 'closed', /截止/],
    ['outside the areas', { ...rd, counties: ['etdz', 'hitech'] }, base, 'not_applicable', /仅限聊城经济技术开发区、聊城高新技术产业开发区/],
    ['industry not covered', { ...rd, industries: ['paper'] }, base, 'not_applicable', /行业/],
    ['first-time reward refused when the title is already held', { ...rd, tiersAny: undefined, thresholds: [], notTiers: ['srdi'] }, base, 'not_applicable', /仅限首次/],
  ];
  it.each(cases)('%s', (_name, policy, facts, status, gap) => {
    const m = matchPolicy(policy, facts, TODAY);
    expect(m.status).toBe(status);
    if (gap) expect([...m.gaps, ...m.reasons].map((g) => g.zh).join(' / ')).toMatch(gap);
    if (status === 'eligible') expect(m.reasons.map((r) => r.zh).join(' / ')).toContain('持有有效的省级专精特新称号');
  });

  it('words gaps in English too', () => {
    const m = matchPolicy(rd, { ...base, lastYear: { revenue: 4000, rdSpend: 40 } }, TODAY);
    expect(m.gaps[0]!.en).toBe("last year's R&D spending: ¥600k short (now ¥400k, needs ¥1M)");
  });
});
