/**
 * Structured eligibility of the preferential policies the platform matches firms against (应享尽享). Each entry
 * links to an explainer in this folder (`explainer`: the markdown's slug). The demo policies are fictional examples
 * written for the platform (amounts and deadlines invented); a real deployment replaces this file with the city's
 * current policy list — the matcher (api/domain/policy-matching.ts) reads only these fields.
 */
import type { PolicyEligibility } from '../../api/domain/policy-matching.ts';

export const POLICIES: readonly PolicyEligibility[] = [
  {
    slug: 'srdi-award',
    explainer: 'ladder',
    name: { zh: '专精特新企业认定奖励（演示政策）', en: 'Award for designated specialised SMEs (demo policy)' },
    benefit: { zh: '首次认定的省级专精特新企业一次性奖励 20 万元（虚构）', en: 'One-off ¥200k for a first provincial designation (fictional)' },
    deadline: '2099-12-31',
    tiersAny: [{ tier: 'srdi', level: 'provincial' }],
    thresholds: [{ figure: 'rdSpend', min: 100, unit: '万元', label: { zh: '上年度研发费用', en: "last year's R&D spending" } }],
  },
  {
    slug: 'rd-subsidy',
    explainer: 'eight-actions',
    name: { zh: '研发费用后补助（演示政策）', en: 'R&D expense subsidy (demo policy)' },
    benefit: { zh: '按上年度研发费用增量的 10% 补助（虚构）', en: "10 % of the year's increase in R&D spending (fictional)" },
    deadline: '2099-06-30',
    sizeClasses: ['micro', 'small', 'medium'],
    thresholds: [
      { figure: 'rdSpend', min: 100, unit: '万元', label: { zh: '上年度研发费用', en: "last year's R&D spending" } },
      { figure: 'rdIntensity', min: 3, unit: '%', label: { zh: '研发费用占营业收入比重', en: 'R&D as a share of revenue' } },
    ],
  },
  {
    slug: 'above-scale-reward',
    explainer: 'ladder',
    name: { zh: '“小升规”奖励（演示政策）', en: 'Reward for growing above designated size (demo policy)' },
    benefit: { zh: '首次纳入规模以上工业统计的企业奖励 10 万元（虚构）', en: '¥100k when a firm first enters the above-size statistics (fictional)' },
    deadline: '2099-12-31',
    notTiers: ['above_scale'],
    thresholds: [{ figure: 'mainRevenue', min: 2000, unit: '万元', label: { zh: '上年度主营业务收入', en: "last year's main-business revenue" } }],
  },
  {
    slug: 'digital-upgrade',
    explainer: 'talent-training',
    name: { zh: '中小企业数字化改造补助（演示政策）', en: 'Digital upgrade grant for SMEs (demo policy)' },
    benefit: { zh: '数字化水平达二级及以上的制造企业，改造投入补助 15%（虚构）', en: '15 % of upgrade spending for manufacturers at digital level 2 or above (fictional)' },
    deadline: '2099-09-30',
    industries: ['bearings', 'steel_pipes', 'aluminium', 'auto_parts', 'cables', 'paper', 'textiles', 'chemicals', 'new_materials', 'equipment'],
    thresholds: [{ figure: 'digitalLevel', min: 2, unit: '级', label: { zh: '数字化水平', en: 'digital maturity level' } }],
  },
  {
    slug: 'zone-innovation-voucher',
    explainer: 'expert-service',
    name: { zh: '开发区创新券（演示政策）', en: 'Development-zone innovation vouchers (demo policy)' },
    benefit: { zh: '两区企业购买检测、研发服务可用创新券抵扣 50%（虚构）', en: 'Vouchers cover 50 % of testing and R&D services for firms in the two zones (fictional)' },
    deadline: '2099-12-31',
    counties: ['etdz', 'hitech'],
    thresholds: [{ figure: 'rdStaff', min: 5, unit: '人', label: { zh: '研发人员', en: 'R&D staff' } }],
  },
];
