/**
 * Levers: the concrete change that brings a figure to a target, in 万元 or people, with the formula each assumes.
 * Every lever holds the other figures of the year fixed.
 */
import type { Lever } from './engine.ts';
import { peek, type Ctx } from './figures.ts';
import { ceilWan, fmtNum, wanEn, wanZh } from './format.ts';

function money(wan: number, zh: (m: string) => string, en: (m: string) => string): Lever {
  const amountWan = ceilWan(wan);
  return { amountWan, message: { zh: zh(wanZh(amountWan)), en: en(wanEn(amountWan)) } };
}

/** R&D intensity to `target` %: more R&D = target·revenue/100 − rdSpend (revenue unchanged). */
export function rdForIntensity(ctx: Ctx, target: number, year = ctx.year): Lever | null {
  const rd = peek(ctx, 'rdSpend', year);
  const revenue = peek(ctx, 'revenue', year);
  if (rd === null || revenue === null) return null;
  return money((target * revenue) / 100 - rd, (m) => `约需再增加研发费用 ${m}`, (m) => `about ${m} more R&D`);
}

/** R&D spend to `target` 万元: more R&D = target − rdSpend. */
export function rdForAmount(ctx: Ctx, target: number, year = ctx.year): Lever | null {
  const rd = peek(ctx, 'rdSpend', year);
  if (rd === null) return null;
  return money(target - rd, (m) => `约需再增加研发费用 ${m}`, (m) => `about ${m} more R&D`);
}

/** Debt ratio down to `target` %: repaying x from own assets gives (L − x)/(A − x) = t, so x = (L − t·A)/(1 − t). */
export function debtToRepay(ctx: Ctx, target: number): Lever | null {
  const l = peek(ctx, 'totalLiabilities', ctx.year);
  const a = peek(ctx, 'totalAssets', ctx.year);
  if (l === null || a === null) return null;
  const t = target / 100;
  const repay = ceilWan((l - t * a) / (1 - t));
  // The alternative: new equity e with L/(A + e) = t, so e = L/t − A.
  const equity = ceilWan(l / t - a);
  return {
    amountWan: repay,
    message: {
      zh: `以自有资金偿还负债约 ${wanZh(repay)}（或新增股权资本约 ${wanZh(equity)}）`,
      en: `repay about ${wanEn(repay)} of liabilities from own funds (or raise about ${wanEn(equity)} of equity)`,
    },
  };
}

/** Main-business share to `target` %: with revenue unchanged, main-business revenue must grow by t·R − M. */
export function mainRevenueForShare(ctx: Ctx, target: number): Lever | null {
  const m = peek(ctx, 'mainRevenue', ctx.year);
  const r = peek(ctx, 'revenue', ctx.year);
  if (m === null || r === null) return null;
  return money(
    (target * r) / 100 - m,
    (x) => `营业收入不变时，主营业务收入需再增加约 ${x}`,
    (x) => `with revenue unchanged, about ${x} more main-business revenue`,
  );
}

/** Main-business growth of the year to `target` %: M[y] must reach M[y−1]·(1 + t). */
export function mainRevenueForGrowth(ctx: Ctx, target: number): Lever | null {
  const now = peek(ctx, 'mainRevenue', ctx.year);
  const before = peek(ctx, 'mainRevenue', ctx.year - 1);
  if (now === null || before === null) return null;
  return money(before * (1 + target / 100) - now, (x) => `主营业务收入需再增加约 ${x}`, (x) => `about ${x} more main-business revenue`);
}

/**
 * 2-year average main-business growth to `target` %: with g₁ = growth of y−1 fixed, g₂ must reach 2t − g₁, so
 * M[y] must reach M[y−1]·(1 + 2t − g₁).
 */
export function mainRevenueForAverageGrowth(ctx: Ctx, target: number): Lever | null {
  const now = peek(ctx, 'mainRevenue', ctx.year);
  const m1 = peek(ctx, 'mainRevenue', ctx.year - 1);
  const m2 = peek(ctx, 'mainRevenue', ctx.year - 2);
  if (now === null || m1 === null || m2 === null || !(m2 > 0)) return null;
  const g1 = m1 / m2 - 1;
  return money(m1 * (1 + (2 * target) / 100 - g1) - now, (x) => `当年主营业务收入需再增加约 ${x}`, (x) => `about ${x} more main-business revenue this year`);
}

/** Net margin to `target` %: net profit must reach t·R. */
export function profitForMargin(ctx: Ctx, target: number): Lever | null {
  const p = peek(ctx, 'netProfit', ctx.year);
  const r = peek(ctx, 'revenue', ctx.year);
  if (p === null || r === null) return null;
  return money((target * r) / 100 - p, (x) => `净利润需再增加约 ${x}`, (x) => `about ${x} more net profit`);
}

/** Revenue two-year CAGR to `target` %: revenue must reach R[y−2]·(1 + t)². */
export function revenueForCagr(ctx: Ctx, target: number): Lever | null {
  const now = peek(ctx, 'revenue', ctx.year);
  const base = peek(ctx, 'revenue', ctx.year - 2);
  if (now === null || base === null) return null;
  return money(base * (1 + target / 100) ** 2 - now, (x) => `营业收入需再增加约 ${x}`, (x) => `about ${x} more revenue`);
}

/** R&D staff share to `target` %: hiring n R&D people (who also join the head count): (S + n)/(E + n) = t, n = ⌈(t·E − S)/(1 − t)⌉. */
export function rdStaffToHire(ctx: Ctx, target: number): Lever | null {
  const s = peek(ctx, 'rdStaff', ctx.year);
  const e = peek(ctx, 'employees', ctx.year);
  if (s === null || e === null) return null;
  const t = target / 100;
  const persons = Math.max(0, Math.ceil(((t * e - s) / (1 - t)) - 1e-9));
  return { persons, message: { zh: `需再增加研发人员 ${persons} 人`, en: `${persons} more R&D ${persons === 1 ? 'person' : 'people'} needed` } };
}

/** Years to wait: "再从事 2 年". */
export function yearsToWait(target: number, value: number): Lever {
  const n = Math.ceil(target - value);
  return { message: { zh: `还需 ${fmtNum(n)} 年`, en: `${fmtNum(n)} more ${n === 1 ? 'year' : 'years'}` } };
}

/** Revenue to `target` 万元: more revenue = target − R[y]. */
export function revenueToAmount(ctx: Ctx, target: number): Lever | null {
  const r = peek(ctx, 'revenue', ctx.year);
  if (r === null) return null;
  return money(target - r, (x) => `营业收入需再增加约 ${x}`, (x) => `about ${x} more revenue`);
}

/** R&D over two years (y−1, y) to `target` 万元: this year's R&D must add target − (rd[y−1] + rd[y]). */
export function rdForTwoYearTotal(ctx: Ctx, target: number): Lever | null {
  const a = peek(ctx, 'rdSpend', ctx.year - 1);
  const b = peek(ctx, 'rdSpend', ctx.year);
  if (a === null || b === null) return null;
  return money(target - a - b, (x) => `当年约需再增加研发费用 ${x}`, (x) => `about ${x} more R&D this year`);
}
