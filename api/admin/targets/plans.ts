import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbLike } from '../../db/client.ts';
import { planTargets, plans, type Plan } from '../../db/schema/index.ts';
import { COUNTIES } from '../../domain/program.ts';
import { AppError } from '../../lib/errors.ts';

/**
 * A plan period as the bureau enters it: its years and targets (indicator codes of the registry, or codes whose
 * module comes later, e.g. `digital_commissioners`), city-wide (`county` omitted) or per area.
 */
export const planInput = z
  .object({
    code: z.string().regex(/^[a-z0-9-]{3,30}$/),
    name: z.string().trim().min(2).max(120),
    nameEn: z.string().trim().max(160).default(''),
    startYear: z.number().int().min(2000).max(2100),
    endYear: z.number().int().min(2000).max(2100),
    source: z.string().max(300).default(''),
    targets: z
      .array(z.object({ indicator: z.string().regex(/^[a-z_]{2,60}$/), county: z.enum(COUNTIES).optional(), target: z.number().min(0).max(10_000_000) }).strict())
      .max(500),
  })
  .strict()
  .refine((p) => p.endYear >= p.startYear && p.endYear - p.startYear <= 10, { message: '规划期须为 1–11 年，且结束年不早于开始年 (a plan spans 1–11 years)', path: ['endYear'] })
  .refine((p) => new Set(p.targets.map((t) => `${t.indicator}:${t.county ?? ''}`)).size === p.targets.length, { message: '同一指标与县区的目标重复 (duplicate target)', path: ['targets'] });

/** Creates a plan with its targets in one transaction; 409 when the code is taken or the years overlap another plan. */
export async function createPlan(db: DbLike, input: z.infer<typeof planInput>): Promise<Plan> {
  const all = await db.select().from(plans);
  if (all.some((p) => p.code === input.code)) throw new AppError(409, 'plan_exists', { zh: '规划代码已存在', en: 'A plan with this code exists' });
  const overlap = all.find((p) => p.startYear <= input.endYear && input.startYear <= p.endYear);
  if (overlap) {
    throw new AppError(409, 'plan_overlap', { zh: `与规划“${overlap.name}”的年度重叠`, en: `Years overlap the plan ${overlap.code}` });
  }
  const [plan] = await db.insert(plans).values({ code: input.code, name: input.name, nameEn: input.nameEn, startYear: input.startYear, endYear: input.endYear, source: input.source }).returning();
  if (input.targets.length) await db.insert(planTargets).values(input.targets.map((t) => ({ planId: plan!.id, indicator: t.indicator, county: t.county ?? null, target: t.target })));
  return plan!;
}

/** The targets of a plan (city-wide and per area). */
export function planTargetsOf(db: DbLike, planId: number) {
  return db.select().from(planTargets).where(eq(planTargets.planId, planId));
}

/**
 * A plan's name with its period, e.g. "培育计划（2024–2026）", unless the name already states it: official names
 * often end in their years ("…三年行动计划（2021—2023年）"), which would otherwise read twice.
 */
export function planLabel(name: string, startYear: number, endYear: number): string {
  return name.includes(String(startYear)) && name.includes(String(endYear)) ? name : `${name}（${startYear}–${endYear}）`;
}
