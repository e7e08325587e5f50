import { and, eq, sql } from 'drizzle-orm';
import { audit } from '../../auth/audit.ts';
import type { Db, DbLike } from '../../db/client.ts';
import { enterpriseYears, enterprises, tierRecognitions, type Enterprise, type EnterpriseYear, type FigureSource, type TierRecognition, type User } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { firmNotFound } from '../scope.ts';
import { firmInScope } from './queries.ts';
import { diff, recordChange, versionConflict, type ChangeOrigin } from './history.ts';
import type { YearFigures } from './schemas.ts';
import { z } from 'zod';
import { firmCreate, titleCreate, titleProblems } from './schemas.ts';
import { refreshPreEvaluations } from './pre-evaluations.ts';
import { todayInChina } from '../../lib/dates.ts';

/** Firm facts the rule sets read: a change to one of them re-evaluates the firm. */
const EVALUATED_FIRM_FIELDS = ['foundedYear', 'productField', 'listed', 'highTech', 'industry', 'sizeClass'];

/** Keeps the stored pre-evaluations in step with a change, in its transaction (unless the writer batches them). */
async function reevaluate(tx: DbLike, origin: ChangeOrigin, enterpriseId: number): Promise<void> {
  if (!origin.deferPreEvaluation) await refreshPreEvaluations(tx, [enterpriseId], todayInChina());
}

type Actor = Pick<User, 'id' | 'role' | 'county' | 'enterpriseId'>;
type FirmInput = z.infer<typeof firmCreate>;
type TitleInput = z.infer<typeof titleCreate>;

const duplicateCode = () =>
  new AppError(409, 'duplicate_credit_code', { zh: '该统一社会信用代码已在企业库中', en: 'This unified social credit code is already in the register' });

/** A URL key for a firm created by the bureau (halls of demo firms have hand-made slugs). */
export function slugForCreditCode(creditCode: string): string {
  return `e-${creditCode.toLowerCase()}`;
}

/**
 * Adds a firm to the register (county officers only within their area). 409 `duplicate_credit_code` when the code
 * exists (also for a firm in the trash: restore it instead). History records every field as created.
 */
export async function createFirm(db: DbLike, actor: Actor, input: FirmInput, origin: ChangeOrigin): Promise<Enterprise> {
  if (actor.role === 'county' && input.county !== actor.county) {
    throw new AppError(403, 'outside_area', { zh: '只能在本县区范围内新增企业', en: 'You may add firms of your own area only' });
  }
  const [existing] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.creditCode, input.creditCode));
  if (existing) throw duplicateCode();
  const [firm] = await db
    .insert(enterprises)
    .values({ ...input, intro: input.intro ?? '', slug: slugForCreditCode(input.creditCode), importBatchId: origin.importBatchId ?? null })
    .returning();
  await recordChange(db, origin, { enterpriseId: firm!.id, entity: 'enterprise', entityId: firm!.id, action: 'enterprise.create', changes: diff({}, input) });
  await reevaluate(db, origin, firm!.id);
  return firm!;
}

/**
 * Saves a staff edit of a firm based on `version`: 404 outside scope, 409 `version_conflict` (with both values) when
 * someone saved in between, 403 when a county officer would move the firm out of its area. Unchanged fields are
 * not written; the history entry holds before and after of each changed field.
 */
export async function updateFirm(
  db: Db,
  actor: Actor,
  id: number,
  patch: Partial<FirmInput> & { version: number },
  origin: ChangeOrigin,
): Promise<Enterprise> {
  return db.transaction(async (tx) => updateFirmIn(tx, actor, id, patch, origin));
}

/** updateFirm inside a caller's transaction (imports write many firms in one). */
export async function updateFirmIn(tx: DbLike, actor: Actor, id: number, patch: Partial<FirmInput> & { version: number }, origin: ChangeOrigin): Promise<Enterprise> {
  const { version, ...fields } = patch;
  const current = await firmInScope(tx, actor, id);
  if (!current) throw firmNotFound();
  if (current.version !== version) throw versionConflict(current, fields);
  if (actor.role === 'county' && fields.county && fields.county !== actor.county) {
    throw new AppError(403, 'outside_area', { zh: '不能把企业移出本县区', en: 'You may not move a firm out of your area' });
  }
  const changes = diff(current, fields);
  if (Object.keys(changes).length === 0) return current;
  if (fields.creditCode && fields.creditCode !== current.creditCode) {
    const [other] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.creditCode, fields.creditCode));
    if (other) throw duplicateCode();
  }
  const set = Object.fromEntries(Object.keys(changes).map((k) => [k, fields[k as keyof typeof fields]]));
  const [saved] = await tx
    .update(enterprises)
    .set({ ...set, version: sql`${enterprises.version} + 1`, ...(origin.importBatchId ? { importBatchId: origin.importBatchId } : {}) })
    .where(and(eq(enterprises.id, id), eq(enterprises.version, version)))
    .returning();
  if (!saved) throw versionConflict((await firmInScope(tx, actor, id))!, fields);
  await recordChange(tx, origin, { enterpriseId: id, entity: 'enterprise', entityId: id, action: 'enterprise.update', changes });
  if (Object.keys(changes).some((k) => EVALUATED_FIRM_FIELDS.includes(k))) await reevaluate(tx, origin, id);
  return saved;
}

/** Moves a firm to the trash (回收站): hidden from every list and the public site until restored. */
export async function trashFirm(db: Db, actor: Actor, id: number, origin: ChangeOrigin): Promise<void> {
  await db.transaction(async (tx) => {
    const firm = await firmInScope(tx, actor, id);
    if (!firm) throw firmNotFound();
    const now = new Date();
    await tx.update(enterprises).set({ deletedAt: now, version: sql`${enterprises.version} + 1` }).where(eq(enterprises.id, id));
    await recordChange(tx, origin, { enterpriseId: id, entity: 'enterprise', entityId: id, action: 'enterprise.trash', changes: { deletedAt: [null, now.toISOString()] } });
  });
}

/** Takes a firm out of the trash. */
export async function restoreFirm(db: Db, actor: Actor, id: number, origin: ChangeOrigin): Promise<void> {
  await db.transaction(async (tx) => {
    const firm = await firmInScope(tx, actor, id, true);
    if (!firm) throw firmNotFound();
    await tx.update(enterprises).set({ deletedAt: null, version: sql`${enterprises.version} + 1` }).where(eq(enterprises.id, id));
    await recordChange(tx, origin, { enterpriseId: id, entity: 'enterprise', entityId: id, action: 'enterprise.restore', changes: { deletedAt: [firm.deletedAt?.toISOString() ?? null, null] } });
  });
}

/** Deletes a trashed firm for good with everything that belongs to it (admin only; the route checks the role). */
export async function purgeFirm(db: Db, actor: Actor, id: number, origin: ChangeOrigin): Promise<void> {
  await db.transaction(async (tx) => {
    const firm = await firmInScope(tx, actor, id, true);
    if (!firm) throw firmNotFound();
    await tx.delete(enterprises).where(eq(enterprises.id, id));
    // The audit row outlives the firm: it names the firm by id and credit code, not by a foreign key.
    await audit(tx, { userId: origin.userId, enterpriseId: null, action: 'enterprise.purge', entity: 'enterprise', entityId: id, ip: origin.ip, detail: { name: firm.name, creditCode: firm.creditCode } });
  });
}

/**
 * Saves a firm's figures for a fiscal year (creating the year when new). `version` must be the stored year's
 * version when it exists (409 otherwise). Each changed figure records its source, who and when.
 */
export async function saveYearIn(
  tx: DbLike,
  actor: Actor,
  enterpriseId: number,
  fiscalYear: number,
  figures: Partial<YearFigures>,
  version: number | undefined,
  origin: ChangeOrigin,
): Promise<EnterpriseYear> {
  const firm = await firmInScope(tx, actor, enterpriseId);
  if (!firm) throw firmNotFound();
  const [current] = await tx.select().from(enterpriseYears).where(and(eq(enterpriseYears.enterpriseId, enterpriseId), eq(enterpriseYears.fiscalYear, fiscalYear)));
  if (current && version !== undefined && current.version !== version) throw versionConflict(current, figures);
  if (current && version === undefined && origin.source !== 'import') throw versionConflict(current, figures);
  const changes = diff(current ?? {}, figures);
  if (current && Object.keys(changes).length === 0) return current;
  assertConsistentYear({ ...(current ?? {}), ...figures });
  const stamp: FigureSource = { source: origin.source, userId: origin.userId, at: new Date().toISOString(), ...(origin.importBatchId ? { importBatchId: origin.importBatchId } : {}) };
  const sources = { ...(current?.sources ?? {}), ...Object.fromEntries(Object.keys(changes).map((k) => [k, stamp])) };
  const set = Object.fromEntries(Object.keys(changes).map((k) => [k, figures[k as keyof YearFigures]]));
  let saved: EnterpriseYear | undefined;
  if (current) {
    [saved] = await tx
      .update(enterpriseYears)
      .set({ ...set, sources, version: sql`${enterpriseYears.version} + 1`, ...(origin.importBatchId ? { importBatchId: origin.importBatchId } : {}) })
      .where(and(eq(enterpriseYears.id, current.id), eq(enterpriseYears.version, current.version)))
      .returning();
    if (!saved) throw versionConflict(current, figures);
  } else {
    [saved] = await tx.insert(enterpriseYears).values({ ...set, enterpriseId, fiscalYear, sources, importBatchId: origin.importBatchId ?? null }).returning();
  }
  await recordChange(tx, origin, { enterpriseId, entity: 'year', entityId: saved!.id, action: current ? 'year.update' : 'year.create', changes, label: String(fiscalYear) });
  await reevaluate(tx, origin, enterpriseId);
  return saved!;
}

/** Rules between figures of one year, checked on the record as it will be stored (not on the patch alone). */
const YEAR_RULES: { field: keyof YearFigures; within: keyof YearFigures; zh: string; en: string }[] = [
  { field: 'mainRevenue', within: 'revenue', zh: '主营业务收入不能大于营业收入', en: 'main-business revenue cannot exceed revenue' },
  { field: 'rdStaff', within: 'employees', zh: '研发人员不能多于从业人员', en: 'R&D staff cannot exceed employees' },
  { field: 'ipClass1Own', within: 'ipClass1', zh: '自主研发的Ⅰ类知识产权不能多于Ⅰ类知识产权总数', en: 'own-developed class I IP cannot exceed class I IP' },
  { field: 'ipClass1HighValue', within: 'ipClass1', zh: '高价值Ⅰ类知识产权不能多于Ⅰ类知识产权总数', en: 'high-value class I IP cannot exceed class I IP' },
];

/** The rules a year's figures break (empty when consistent). */
export function yearRuleBreaches(year: Partial<Record<keyof YearFigures, unknown>>) {
  return YEAR_RULES.filter((r) => typeof year[r.field] === 'number' && typeof year[r.within] === 'number' && (year[r.field] as number) > (year[r.within] as number) * 1.0001);
}

/** 400 `invalid_input` naming the field when a year's figures contradict each other (any editor, any path). */
export function assertConsistentYear(year: Partial<Record<keyof YearFigures, unknown>>): void {
  const broken = yearRuleBreaches(year);
  if (broken.length === 0) return;
  throw new AppError(
    400,
    'invalid_input',
    { zh: `输入有误：${broken.map((r) => r.zh).join('；')}`, en: `Invalid input: ${broken.map((r) => r.en).join('; ')}` },
    broken.map((r) => ({ path: r.field, message: `${r.zh} (${r.en})` })),
  );
}

/** Adds a title to a firm's ledger; 409 `duplicate_title` for the same tier, level and year. */
export async function addTitleIn(tx: DbLike, actor: Actor, enterpriseId: number, input: TitleInput, origin: ChangeOrigin): Promise<TierRecognition> {
  const firm = await firmInScope(tx, actor, enterpriseId);
  if (!firm) throw firmNotFound();
  const [dup] = await tx
    .select({ id: tierRecognitions.id })
    .from(tierRecognitions)
    .where(and(eq(tierRecognitions.enterpriseId, enterpriseId), eq(tierRecognitions.tier, input.tier), eq(tierRecognitions.level, input.level), eq(tierRecognitions.year, input.year)));
  if (dup) throw new AppError(409, 'duplicate_title', { zh: '台账中已有该年度的同一称号', en: 'The ledger already has this title for that year' });
  const [title] = await tx
    .insert(tierRecognitions)
    .values({ ...input, enterpriseId, validUntilYear: input.validTo ? Number(input.validTo.slice(0, 4)) : null, importBatchId: origin.importBatchId ?? null })
    .returning();
  await recordChange(tx, origin, { enterpriseId, entity: 'title', entityId: title!.id, action: 'title.create', changes: diff({}, input), label: `${input.tier}/${input.level}/${input.year}` });
  await reevaluate(tx, origin, enterpriseId);
  return title!;
}

/** Edits a title based on its version (409 on conflict); 404 when the title is not of a firm in scope. */
export async function updateTitle(db: Db, actor: Actor, titleId: number, patch: Partial<TitleInput> & { version: number }, origin: ChangeOrigin): Promise<TierRecognition> {
  return db.transaction(async (tx) => {
    const current = await titleInScope(tx, actor, titleId);
    const { version, ...fields } = patch;
    if (current.version !== version) throw versionConflict(current, fields);
    const changes = diff(current, fields);
    if (Object.keys(changes).length === 0) return current;
    const problems = titleProblems({ ...current, ...fields });
    if (problems.length > 0) {
      throw new AppError(400, 'invalid_input', { zh: `输入有误：${problems[0]!.message}`, en: `Invalid input: ${problems[0]!.message}` }, problems);
    }
    const set = Object.fromEntries(Object.keys(changes).map((k) => [k, fields[k as keyof typeof fields]]));
    const validTo = 'validTo' in changes ? { validUntilYear: fields.validTo ? Number(fields.validTo.slice(0, 4)) : null } : {};
    const [saved] = await tx
      .update(tierRecognitions)
      .set({ ...set, ...validTo, version: sql`${tierRecognitions.version} + 1` })
      .where(and(eq(tierRecognitions.id, titleId), eq(tierRecognitions.version, version)))
      .returning();
    if (!saved) throw versionConflict(current, fields);
    await recordChange(tx, origin, { enterpriseId: current.enterpriseId, entity: 'title', entityId: titleId, action: 'title.update', changes, label: `${current.tier}/${current.level}/${current.year}` });
    await reevaluate(tx, origin, current.enterpriseId);
    return saved;
  });
}

/** Removes a title entered by mistake (revoking one is an edit of its status instead); returns its firm's id. */
export async function deleteTitle(db: Db, actor: Actor, titleId: number, origin: ChangeOrigin): Promise<number> {
  return db.transaction(async (tx) => {
    const current = await titleInScope(tx, actor, titleId);
    await tx.delete(tierRecognitions).where(eq(tierRecognitions.id, titleId));
    await recordChange(tx, origin, {
      enterpriseId: current.enterpriseId,
      entity: 'title',
      entityId: titleId,
      action: 'title.delete',
      changes: { status: [current.status, null], documentNo: [current.documentNo, null] },
      label: `${current.tier}/${current.level}/${current.year}`,
    });
    await reevaluate(tx, origin, current.enterpriseId);
    return current.enterpriseId;
  });
}

async function titleInScope(tx: DbLike, actor: Actor, titleId: number): Promise<TierRecognition> {
  const [title] = await tx.select().from(tierRecognitions).where(eq(tierRecognitions.id, titleId));
  if (!title || !(await firmInScope(tx, actor, title.enterpriseId))) {
    throw new AppError(404, 'not_found', { zh: '找不到该称号记录', en: 'No such title' });
  }
  return title;
}
