/** Rounds: create, edit (the rubric only before opening: versioned, then frozen), move through phases, list. */
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { DbLike } from '../../db/client.ts';
import { selectionApplications, selectionRounds, type SelectionRound } from '../../db/schema/index.ts';
import { COUNTIES, TIER_LEVELS, TIERS } from '../../domain/program.ts';
import { HALL_RUBRIC, ROUND_KINDS, ROUND_STATES, TITLE_RUBRIC, UNDECIDED_STATES, type RoundState } from '../../domain/selection.ts';
import { AppError } from '../../lib/errors.ts';
import { isoDate, optionalEmail, plainText } from '../../lib/fields.ts';
import { todayInChina } from '../../lib/dates.ts';
import { MIN_NOTICE_WORKING_DAYS } from './notice-period.ts';
import { STATE_LABELS } from './workflow.ts';


/** A rubric as the bureau edits it: 1–20 indicators whose weights add up to 100, keys unique. */
export const rubricSchema = z
  .object({
    indicators: z
      .array(z.object({ key: z.string().regex(/^[a-z_]{2,30}$/), name: plainText(40, 1), nameEn: plainText(60, 1), weight: z.number().min(0).max(100) }).strict())
      .min(1)
      .max(20),
  })
  .strict()
  .refine((r) => Math.abs(r.indicators.reduce((s, i) => s + i.weight, 0) - 100) < 1e-9, { message: '权重合计应为 100 (weights must add up to 100)' })
  .refine((r) => new Set(r.indicators.map((i) => i.key)).size === r.indicators.length, { message: '指标代码重复 (duplicate indicator key)' });

/** A round's dates in order: applications, county, city and expert deadlines; the notice start may wait. */
export const timelineSchema = z
  .object({ applyFrom: isoDate, applyTo: isoDate, countyDue: isoDate, cityDue: isoDate, expertDue: isoDate, noticeFrom: isoDate.nullable() })
  .strict()
  .refine((t) => t.applyFrom <= t.applyTo && t.applyTo <= t.countyDue && t.countyDue <= t.cityDue && t.cityDue <= t.expertDue, {
    message: '时间节点顺序不对 (the dates must follow each other)',
  });

const roundFields = {
  title: plainText(80, 2),
  quota: z.number().int().min(1).max(5000),
  areaQuotas: z.partialRecord(z.enum(COUNTIES), z.number().int().min(0).max(5000)).optional(),
  timeline: timelineSchema,
  noticeWorkingDays: z.number().int().min(MIN_NOTICE_WORKING_DAYS).max(30).optional(),
  expertsPerApplication: z.number().int().min(1).max(15).optional(),
  spreadThreshold: z.number().min(0).max(100).optional(),
  objectionPhone: plainText(30).optional(),
  objectionEmail: optionalEmail,
};

/** A new round (a title round names its title and level); the notice runs at least 5 working days. */
export const roundCreate = z
  .object({ year: z.number().int().min(2021).max(2100), kind: z.enum(ROUND_KINDS), tier: z.enum(TIERS).optional(), level: z.enum(TIER_LEVELS).optional(), rubric: rubricSchema.optional(), ...roundFields })
  .strict()
  .refine((r) => r.kind === 'hall' || (r.tier && r.level), { message: '推荐轮次需指定称号与级别 (a title round names its title and level)' });

/** An edit of a round based on its version; the rubric only while in draft. */
export const roundPatch = z
  .object(roundFields)
  .partial()
  .extend({ version: z.number().int().min(1), rubric: rubricSchema.optional() })
  .strict();

/** Creates a round in `draft` with the default rubric of its kind (or the one given). */
export async function createRound(db: DbLike, input: z.infer<typeof roundCreate>): Promise<SelectionRound> {
  const rubric = input.rubric ? { version: 1, indicators: input.rubric.indicators } : input.kind === 'hall' ? HALL_RUBRIC : TITLE_RUBRIC;
  const [row] = await db
    .insert(selectionRounds)
    .values({ ...input, areaQuotas: input.areaQuotas ?? {}, objectionEmail: input.objectionEmail ?? '', tier: input.tier ?? null, level: input.level ?? null, rubric })
    .returning();
  return row!;
}

const roundNotFound = () => new AppError(404, 'not_found', { zh: '找不到该轮次', en: 'No such round' });

/** A round by id, or 404. */
export async function getRound(db: DbLike, id: number): Promise<SelectionRound> {
  const [row] = await db.select().from(selectionRounds).where(eq(selectionRounds.id, id));
  if (!row) throw roundNotFound();
  return row;
}

/** Edits a round (409 on a stale version); the rubric only while in draft (409 `rubric_frozen`), bumping its version. */
export async function updateRound(db: DbLike, id: number, patch: z.infer<typeof roundPatch>): Promise<SelectionRound> {
  const round = await getRound(db, id);
  if (round.version !== patch.version) throw new AppError(409, 'version_conflict', { zh: '轮次已被他人更新，请刷新', en: 'Someone else changed this round; reload' });
  const { version, rubric, ...rest } = patch;
  if (rubric && round.rubricFrozenAt) throw new AppError(409, 'rubric_frozen', { zh: '轮次已开始，评分细则已冻结', en: 'The round has opened; its rubric is frozen' });
  const { objectionEmail, ...fields } = rest;
  const set: Partial<SelectionRound> = { ...(fields as Partial<SelectionRound>), version: version + 1 };
  if (objectionEmail !== undefined) set.objectionEmail = objectionEmail ?? '';
  if (rubric) set.rubric = { version: round.rubric.version + 1, indicators: rubric.indicators };
  const [row] = await db.update(selectionRounds).set(set).where(eq(selectionRounds.id, id)).returning();
  return row!;
}

const NEXT_PHASE: Record<RoundState, RoundState | null> = { draft: 'open', open: 'review', review: 'notice', notice: 'closed', closed: null };

/**
 * Moves a round to its next phase (draft → open freezes the rubric; → notice starts the 公示 today unless a start
 * date was set); 409 `illegal_phase` for any other move, and 409 `round_undecided` (with the count per state) for
 * → notice while applications still wait for the county, the city or the experts: the 公示 shows the final list.
 */
export async function advanceRound(db: DbLike, id: number, to: RoundState, now = new Date(), today = todayInChina(now)): Promise<SelectionRound> {
  const round = await getRound(db, id);
  if (NEXT_PHASE[round.state] !== to) {
    throw new AppError(409, 'illegal_phase', { zh: `轮次不能从“${round.state}”进入“${to}”`, en: `A round cannot go from ${round.state} to ${to}` }, { rule: `${round.state} → ${to}` });
  }
  if (to === 'notice') {
    const waiting = await undecidedApplications(db, id);
    if (waiting.length > 0) {
      const total = waiting.reduce((sum, w) => sum + w.n, 0);
      throw new AppError(
        409,
        'round_undecided',
        {
          zh: `还有 ${total} 份申报尚未评定（${waiting.map((w) => `${STATE_LABELS[w.state].staff.zh} ${w.n}`).join('、')}），请先完成初审、审核和评审并生成拟入选名单，再进入公示`,
          en: `${total} applications are not decided yet (${waiting.map((w) => `${STATE_LABELS[w.state].staff.en.toLowerCase()}: ${w.n}`).join(', ')}); finish the reviews and make the proposed list before the notice`,
        },
        { waiting: Object.fromEntries(waiting.map((w) => [w.state, w.n])) },
      );
    }
  }
  const [row] = await db
    .update(selectionRounds)
    .set({
      state: to,
      version: round.version + 1,
      ...(to === 'open' ? { rubricFrozenAt: now } : {}),
      ...(to === 'notice' && !round.timeline.noticeFrom ? { timeline: { ...round.timeline, noticeFrom: today } } : {}),
    })
    .where(eq(selectionRounds.id, id))
    .returning();
  return row!;
}

/** How many applications of a round still wait for the county, the city or the experts, per state (none: []). */
export async function undecidedApplications(db: DbLike, roundId: number) {
  return db
    .select({ state: selectionApplications.state, n: count() })
    .from(selectionApplications)
    .where(and(eq(selectionApplications.roundId, roundId), inArray(selectionApplications.state, UNDECIDED_STATES)))
    .groupBy(selectionApplications.state);
}

/** Every round, newest year first: `{ id, year, kind, quota, state, title }`. */
export async function listRounds(db: DbLike) {
  return db
    .select({ id: selectionRounds.id, year: selectionRounds.year, kind: selectionRounds.kind, quota: selectionRounds.quota, state: selectionRounds.state, title: selectionRounds.title, tier: selectionRounds.tier, level: selectionRounds.level })
    .from(selectionRounds)
    .orderBy(desc(selectionRounds.year), selectionRounds.kind, selectionRounds.id);
}

export { ROUND_STATES };
