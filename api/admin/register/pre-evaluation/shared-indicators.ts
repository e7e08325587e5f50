/** Indicators scored the same way by more than one table, with per-table points. */
import type { Message } from '../../../lib/errors.ts';
import { categorical, MISSING_BAND, type IndicatorOutcome } from './engine.ts';
import { fig, peek, type Ctx } from './figures.ts';

const IP_LEVELS: readonly { band: Message; next: Message }[] = [
  { band: { zh: '高价值Ⅰ类知识产权 ≥ 1 项', en: '≥ 1 high-value class Ⅰ IP' }, next: { zh: '', en: '' } },
  { band: { zh: '自主研发Ⅰ类知识产权 ≥ 1 项', en: '≥ 1 own-developed class Ⅰ IP' }, next: { zh: '取得 1 项高价值Ⅰ类知识产权', en: 'obtain 1 high-value class Ⅰ IP' } },
  { band: { zh: 'Ⅰ类知识产权 ≥ 1 项', en: '≥ 1 class Ⅰ IP' }, next: { zh: '取得 1 项自主研发的Ⅰ类知识产权', en: 'obtain 1 own-developed class Ⅰ IP' } },
  { band: { zh: 'Ⅱ类知识产权 ≥ 1 项', en: '≥ 1 class Ⅱ IP' }, next: { zh: '取得 1 项Ⅰ类知识产权（如发明专利）', en: 'obtain 1 class Ⅰ IP (e.g. an invention patent)' } },
  { band: { zh: '无', en: 'none' }, next: { zh: '取得 1 项Ⅱ类知识产权（如实用新型、软件著作权）', en: 'obtain 1 class Ⅱ IP (e.g. a utility model or software copyright)' } },
];

const IP_LABEL: Message = { zh: '与主导产品相关的有效知识产权', en: 'Valid IP related to the main product' };

/**
 * Valid IP, scored by category: high-value Ⅰ-class ≥ 1 → points[0]; own-developed Ⅰ-class → [1]; Ⅰ-class → [2];
 * Ⅱ-class → [3]; none → [4]. `ipClass1` is required (and `ipClass2` when there is no Ⅰ-class IP); the own-developed and
 * high-value sub-counts are read as 0 when not filled (the lower band — an estimate should not overstate).
 * Value: the number of Ⅰ-class IP (项).
 */
export function ipIndicator(ctx: Ctx, block: string, points: readonly [number, number, number, number, number]): IndicatorOutcome {
  const c1 = fig(ctx, 'ipClass1', ctx.year);
  const row = { key: 'ip', block, label: IP_LABEL, value: c1, unit: '项' as const, points: 0, maxPoints: points[0], band: MISSING_BAND };
  if (c1 === null) return categorical(row, points[0]);
  let level: number;
  if (c1 >= 1) {
    level = (peek(ctx, 'ipClass1HighValue', ctx.year) ?? 0) >= 1 ? 0 : (peek(ctx, 'ipClass1Own', ctx.year) ?? 0) >= 1 ? 1 : 2;
  } else {
    const c2 = fig(ctx, 'ipClass2', ctx.year);
    if (c2 === null) return categorical(row, points[3]);
    level = c2 >= 1 ? 3 : 4;
  }
  row.points = points[level]!;
  row.band = IP_LEVELS[level]!.band;
  if (level === 0) return categorical(row, 0);
  const gain = points[level - 1]! - points[level]!;
  const next = IP_LEVELS[level]!.next;
  return categorical(row, 0, {
    key: 'ip',
    message: { zh: `知识产权：${next.zh}（可加 ${gain} 分）`, en: `IP: ${next.en} (+${gain} points)` },
    points: gain,
  });
}
