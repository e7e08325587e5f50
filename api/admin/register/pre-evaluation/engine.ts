/**
 * The shared engine of the rule sets: score an indicator against its band table, check a prerequisite, and put the
 * parts together — total, block minimums, verdict, gaps in order. Rule-set modules only declare tables and levers.
 */
import type { Message } from '../../../lib/errors.ts';
import { bandIndex, bandLabel, tableMax, type BandTable } from './bands.ts';
import { missingMessage, type Ctx } from './figures.ts';
import { fmtNum, withUnit } from './format.ts';
import type { DirectRouteResult, Gap, IndicatorResult, PreEvaluation, PrerequisiteResult, RuleSet, Unit, Verdict } from './types.ts';

/** What it takes to reach a target: the change in words, and its size. */
export interface Lever {
  message: Message;
  amountWan?: number;
  persons?: number;
}

/** A scored indicator with the points it could still gain if its missing figures were filled, and its gap. */
export interface IndicatorOutcome {
  row: IndicatorResult;
  /** maxPoints − points when a figure is missing (the value could still be anything), else 0. */
  potential: number;
  gap?: Gap;
}

export interface PrerequisiteOutcome {
  row: PrerequisiteResult;
  gap?: Gap;
}

export const MISSING_BAND: Message = { zh: '缺少数据', en: 'data missing' };
export const UNDEFINED_BAND: Message = { zh: '无法计算', en: 'cannot be computed' };

/** A numeric indicator's declaration: its band table and the lever that moves it. */
export interface NumericIndicator {
  key: string;
  block?: string;
  label: Message;
  table: BandTable;
  /** The change that brings the firm from `value` to `target` (in the table's unit). */
  lever?: (ctx: Ctx, target: number, value: number) => Lever | null;
}

/** Points on a band table; value null → 0 points, and `incomplete` says whether missing data is the reason. */
export function scoreNumeric(ctx: Ctx, spec: NumericIndicator, value: number | null, incomplete: boolean): IndicatorOutcome {
  const max = tableMax(spec.table);
  const row: IndicatorResult = { key: spec.key, label: spec.label, value: null, unit: spec.table.unit, points: 0, maxPoints: max, band: incomplete ? MISSING_BAND : UNDEFINED_BAND };
  if (spec.block) row.block = spec.block;
  if (value === null) return { row, potential: incomplete ? max : 0 };
  const i = bandIndex(spec.table, value);
  const band = spec.table.bands[i]!;
  row.value = round4(value);
  row.points = band.points;
  row.band = bandLabel(spec.table, i);
  if (i === 0) return { row, potential: 0 };
  const next = spec.table.bands[i - 1]!;
  const gain = next.points - band.points;
  const lever = spec.lever?.(ctx, next.at, value);
  return { row, potential: 0, gap: indicatorGap(spec.key, spec.label, value, spec.table.unit, next.at, spec.table.direction, gain, lever) };
}

/** A gap towards the next band: "研发投入强度 2.4%，需达到 3%（可加 5 分）：约需再增加研发费用 60 万元". */
export function indicatorGap(key: string, label: Message, value: number, unit: Unit, target: number, direction: 'up' | 'down', gain: number, lever: Lever | null | undefined): Gap {
  const verbZh = direction === 'up' ? '需达到' : '需降至';
  const verbEn = direction === 'up' ? 'needed' : 'or less needed';
  let zh = `${label.zh} ${withUnit(value, unit, 'zh')}，${verbZh} ${withUnit(target, unit, 'zh')}（可加 ${fmtNum(gain)} 分）`;
  let en = `${label.en} ${withUnit(value, unit, 'en')} — ${withUnit(target, unit, 'en')} ${verbEn} (+${fmtNum(gain)} points)`;
  if (lever) {
    zh += `：${lever.message.zh}`;
    en += `: ${lever.message.en}`;
  }
  return withSize({ key, message: { zh, en }, points: gain }, lever);
}

/** An indicator scored by the rule set's own logic (categories, counts). */
export function categorical(row: Omit<IndicatorResult, 'block'> & { block?: string }, potential: number, gap?: Gap): IndicatorOutcome {
  return gap ? { row, potential, gap } : { row, potential };
}

export type Comparison = '>=' | '<=' | '<';

/**
 * A threshold prerequisite, e.g. R&D intensity ≥ 3 %. ">=" and "<=" include the boundary (以上/以下含本数); "<" is for
 * rules worded 低于 (瞪羚: debt ratio below 70 %). A failed one gets a gap from its lever.
 */
export function prerequisite(
  ctx: Ctx,
  spec: { key: string; label: Message; unit: Unit; op: Comparison; limit: number; lever?: (ctx: Ctx, target: number, value: number) => Lever | null },
  value: number | null,
): PrerequisiteOutcome {
  const required = requiredText(spec.op, spec.limit, spec.unit);
  const row: PrerequisiteResult = { key: spec.key, label: spec.label, ok: null, actual: value === null ? null : round4(value), required };
  if (value === null) return { row };
  const ok = spec.op === '>=' ? value >= spec.limit - 1e-7 : spec.op === '<=' ? value <= spec.limit + 1e-7 : value < spec.limit - 1e-7;
  row.ok = ok;
  if (ok) return { row };
  const lever = spec.lever?.(ctx, spec.limit, value);
  const zhVerb = spec.op === '>=' ? '需达到' : spec.op === '<=' ? '需不高于' : '需低于';
  const enVerb = spec.op === '>=' ? 'needed' : 'or less needed';
  const zh = `${spec.label.zh} ${withUnit(value, spec.unit, 'zh')}，${zhVerb} ${withUnit(spec.limit, spec.unit, 'zh')}`;
  const en =
    spec.op === '<'
      ? `${spec.label.en} ${withUnit(value, spec.unit, 'en')} — below ${withUnit(spec.limit, spec.unit, 'en')} needed`
      : `${spec.label.en} ${withUnit(value, spec.unit, 'en')} — ${withUnit(spec.limit, spec.unit, 'en')} ${enVerb}`;
  const message = lever ? { zh: `${zh}：${lever.message.zh}`, en: `${en}: ${lever.message.en}` } : { zh, en };
  return { row, gap: withSize({ key: spec.key, message, points: 0 }, lever) };
}

const REQUIRED = new Map<string, string>();

/** "≥ 3%", cached: a bulk run checks the same few limits millions of times. */
function requiredText(op: Comparison, limit: number, unit: Unit): string {
  const key = `${op}${limit}${unit}`;
  let text = REQUIRED.get(key);
  if (text === undefined) {
    text = `${op === '>=' ? '≥' : op === '<=' ? '≤' : '<'} ${withUnit(limit, unit, 'zh')}`;
    REQUIRED.set(key, text);
  }
  return text;
}

/** A yes/no prerequisite (holds a title, unlisted …) with the gap to show when it fails. */
export function condition(key: string, label: Message, ok: boolean | null, actual: PrerequisiteResult['actual'], required: string, failGap?: Message): PrerequisiteOutcome {
  const row: PrerequisiteResult = { key, label, ok, actual, required };
  return ok === false && failGap ? { row, gap: { key, message: failGap, points: 0 } } : { row };
}

function withSize(gap: Gap, lever: Lever | null | undefined): Gap {
  if (lever?.amountWan !== undefined) gap.amountWan = lever.amountWan;
  if (lever?.persons !== undefined) gap.persons = lever.persons;
  return gap;
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** A block of a scored table. */
export interface BlockSpec {
  key: string;
  label: Message;
  maxPoints: number;
  minPoints: number | null;
}

/** The parts a rule set computed, for `finish`. */
export interface Parts {
  indicators?: IndicatorOutcome[];
  blocks?: readonly BlockSpec[];
  maxTotal?: number;
  passScore?: number;
  /** Points a manual entry not estimated here could add (专精特新 2022: the province's 15 local points). */
  manual?: { key: string; points: number };
  prerequisites: PrerequisiteOutcome[];
  directRoutes: DirectRouteResult[];
  notes: Message[];
}

const RANK_PREREQUISITE = 0;
const RANK_MISSING = 1;
const RANK_SCORE = 2;

/**
 * Assembles the result. Verdict: a failed prerequisite → unlikely; a prerequisite with missing data → insufficient_data;
 * then a met direct route or a passing score (total ≥ passScore and every block minimum, counting missing figures as 0)
 * → likely; if the score could still pass with the missing figures (or the manual points) at their best, or a direct
 * route depends on a missing figure → insufficient_data; else unlikely. A rule set without a table is likely when every
 * prerequisite holds.
 */
export function finish(rule: Omit<RuleSet, 'evaluate'>, ctx: Ctx, parts: Parts): PreEvaluation {
  const indicators = parts.indicators ?? [];
  const prerequisites = parts.prerequisites.map((p) => p.row);
  const failedPrerequisites = prerequisites.filter((p) => p.ok === false).map((p) => p.key);
  const scored = parts.passScore !== undefined;
  let total = 0;
  let potential = 0;
  for (const o of indicators) {
    total += o.row.points;
    potential += o.potential;
  }
  const blocks = (parts.blocks ?? []).map((b) => {
    let points = 0;
    let blockPotential = 0;
    for (const o of indicators) {
      if (o.row.block !== b.key) continue;
      points += o.row.points;
      blockPotential += o.potential;
    }
    return { spec: b, points, blockPotential };
  });
  const blocksPass = blocks.every((b) => b.spec.minPoints === null || b.points >= b.spec.minPoints);
  const blocksCouldPass = blocks.every((b) => b.spec.minPoints === null || b.points + b.blockPotential >= b.spec.minPoints);
  const passScore = parts.passScore ?? 0;
  const scorePasses = scored && total >= passScore && blocksPass;
  const dataCouldPass = scored && total + potential >= passScore && blocksCouldPass;
  const manualCouldPass = scored && parts.manual !== undefined && total + potential + parts.manual.points >= passScore && blocksCouldPass;
  const routeMet = parts.directRoutes.some((r) => r.ok === true);
  const routeUnknown = parts.directRoutes.some((r) => r.ok === null);

  let verdict: Verdict;
  let manualNeeded = false;
  if (failedPrerequisites.length > 0) verdict = 'unlikely';
  else if (prerequisites.some((p) => p.ok === null)) verdict = 'insufficient_data';
  else if (!scored || routeMet || scorePasses) verdict = 'likely';
  else if (dataCouldPass || routeUnknown) verdict = 'insufficient_data';
  else if (manualCouldPass) {
    verdict = 'insufficient_data';
    manualNeeded = true;
  } else verdict = 'unlikely';

  const missing = [...new Set(ctx.missing)];
  if (manualNeeded && parts.manual) missing.push(parts.manual.key);

  const ranked: { rank: number; gap: Gap }[] = [];
  for (const p of parts.prerequisites) if (p.gap) ranked.push({ rank: RANK_PREREQUISITE, gap: p.gap });
  for (const key of missing) ranked.push({ rank: RANK_MISSING, gap: { key: `missing.${key}`, message: missingMessage(key), points: 0 } });
  if (scored) {
    for (const b of blocks) {
      const min = b.spec.minPoints;
      if (min !== null && b.points < min) {
        ranked.push({
          rank: RANK_SCORE,
          gap: {
            key: `block.${b.spec.key}`,
            message: {
              zh: `${b.spec.label.zh}得分 ${b.points} 分，低于最低要求 ${min} 分`,
              en: `${b.spec.label.en}: ${b.points} points, at least ${min} required`,
            },
            points: min - b.points,
          },
        });
      }
    }
    if (total < passScore) {
      const extra = manualNeeded && parts.manual ? { zh: `（省级特色指标最多可加 ${parts.manual.points} 分）`, en: ` (the province's local indicators may add up to ${parts.manual.points})` } : { zh: '', en: '' };
      ranked.push({
        rank: RANK_SCORE,
        gap: {
          key: 'total',
          message: {
            zh: `估算总分 ${fmtNum(total)} 分，需达到 ${passScore} 分，还差 ${fmtNum(passScore - total)} 分${extra.zh}`,
            en: `Estimated total ${fmtNum(total)} — ${passScore} needed, ${fmtNum(passScore - total)} short${extra.en}`,
          },
          points: passScore - total,
        },
      });
    }
    for (const o of indicators) if (o.gap) ranked.push({ rank: RANK_SCORE, gap: o.gap });
  }
  // Stable: equal ranks and points keep declaration order.
  ranked.sort((a, b) => a.rank - b.rank || b.gap.points - a.gap.points);

  return {
    ruleset: rule.id,
    ruleVersion: rule.ruleVersion,
    title: rule.title,
    source: rule.source,
    verified: rule.verified,
    estimate: true,
    year: ctx.year,
    indicators: indicators.map((o) => o.row),
    blocks: blocks.map((b) => ({ key: b.spec.key, label: b.spec.label, points: b.points, maxPoints: b.spec.maxPoints, minPoints: b.spec.minPoints })),
    total: scored ? total : null,
    maxTotal: scored ? (parts.maxTotal ?? null) : null,
    passScore: scored ? passScore : null,
    prerequisites,
    failedPrerequisites,
    directRoutes: parts.directRoutes,
    missing,
    verdict,
    gaps: ranked.map((r) => r.gap),
    notes: [ESTIMATE_NOTE, ...(rule.verified ? [] : [UNVERIFIED_NOTE]), ...parts.notes],
  };
}

export const ESTIMATE_NOTE: Message = {
  zh: '本结果为平台内部预评估（估算），不代表官方评价；官方得分以主管部门平台为准。',
  en: 'An in-house pre-evaluation (estimate), not the official assessment; the official score is the authority’s platform’s.',
};

export const UNVERIFIED_NOTE: Message = {
  zh: '未核实：本规则的数值仅见于二手资料，尚未与官方文本核对，仅供参考。',
  en: 'Unverified: these numbers were found only second-hand and have not been checked against the official text.',
};
