import { withCheckChar } from '../../api/domain/credit-code.ts';
import type { County, RuleVersion, Tier, TierLevel } from '../../api/domain/program.ts';
import type { DemoFirm } from '../../content/demo/types.ts';

// Administrative division codes (GB/T 2260) inside credit codes; the zones use the city's code.
export const DIVISION: Record<County, string> = {
  dongchangfu: '371502',
  chiping: '371503',
  linqing: '371581',
  yanggu: '371521',
  shenxian: '371522',
  donge: '371524',
  guanxian: '371525',
  gaotang: '371526',
  etdz: '371500',
  hitech: '371500',
  jiangbei: '371500',
};

/** A valid, deterministic, fictional 统一社会信用代码 for the n-th demo firm. */
export function demoCreditCode(firm: DemoFirm, n: number): string {
  // 9 = registered with market regulation, 1 = enterprise; "MA" + digits mimics a modern organisation code.
  return withCheckChar(`91${DIVISION[firm.county]}MA${String(3000000 + n * 7919).slice(-7)}`);
}

/** Password of every demo account (README lists them); they work only in demo mode. */
export const DEMO_PASSWORD = 'qianqi-demo-2026';

/** The demo account of a firm, e.g. hengyun-bearing@demo.qianqi.example. */
export function demoAccountEmail(firm: DemoFirm): string {
  return `${firm.slug}@demo.qianqi.example`;
}

/** Job postings stay open for a quarter from the day of seeding. */
export function demoValidUntil(today: Date): string {
  return new Date(today.getTime() + 90 * 86_400_000).toISOString().slice(0, 10);
}

/** Where hotspots go in a generated showroom: the generator draws the title on the front wall (yaw 0)
 * and the firm's name on the back wall (yaw 180°); side walls carry zone signs and exhibits. Degrees. */
export const HOTSPOT_PLACES = {
  nextScene: { yaw: 90, pitch: -12 },
  previousScene: { yaw: -90, pitch: -12 },
  products: [
    { yaw: -35, pitch: -14 },
    { yaw: 0, pitch: -14 },
    { yaw: 35, pitch: -14 },
  ],
  job: { yaw: 150, pitch: -4 },
  project: { yaw: -150, pitch: -4 },
  info: { yaw: 180, pitch: 14 },
} as const;

/** Title-ledger fields of a demo hall firm's title: designated mid-December, valid three years, the issuing body by level. */
export function demoLedgerFields(t: { tier: Tier; level: TierLevel; year: number }) {
  const body = t.level === 'national' ? '工业和信息化部' : t.level === 'provincial' ? '山东省工业和信息化厅' : '聊城市工业和信息化局';
  const rule: RuleVersion = t.tier === 'gazelle' ? 'sd-gazelle-2020' : t.tier === 'srdi' || t.tier === 'little_giant' || t.tier === 'innovative' ? 'miit-2022' : 'other';
  return {
    batch: `${t.year} 年度`,
    ruleVersion: rule,
    issuingBody: body,
    documentNo: `演示文号 ${t.year}-01`,
    validFrom: `${t.year}-12-15`,
    validTo: `${t.year + 3}-12-14`,
    validUntilYear: t.year + 3,
    reviewDue: `${t.year + 3}-12-14`,
  };
}
