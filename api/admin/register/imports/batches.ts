/** Import batches as stored: create from a validated plan, load within the caller's reach, page the preview. */
import { desc, eq, getTableColumns } from 'drizzle-orm';
import type { DbLike } from '../../../db/client.ts';
import { importBatches, type ImportBatch, type ImportKind } from '../../../db/schema/index.ts';
import { AppError } from '../../../lib/errors.ts';
import type { Actor, KindSpec, PlanRow, RowAction } from './declare.ts';
import { summarize, type Plan } from './pipeline.ts';

/** An import batch with its plan typed. */
export interface StoredBatch extends Omit<ImportBatch, 'plan'> {
  plan: Plan;
}

/**
 * Saves a validated plan as a new batch. The stored row comes back without its plan column (the caller's `plan` is
 * the same thing): parsing the plan's JSON back would double a 10,000-row batch in memory (several MB of text,
 * tens of MB as objects) for nothing — measured by scripts/bench-import.ts (BENCH_TRACE=1).
 */
export async function saveBatch(db: DbLike, actor: Actor, kind: ImportKind, fileName: string, plan: Plan): Promise<StoredBatch> {
  const { plan: _plan, ...columns } = getTableColumns(importBatches);
  const [batch] = await db
    .insert(importBatches)
    .values({ kind, fileName, rows: plan.rows.length, userId: actor.id, plan, summary: summarize(plan.rows) })
    .returning(columns);
  return { ...batch!, plan };
}

/** A batch the actor may see: their own; bureau and admin see every batch. 404 otherwise. */
export async function loadBatch(db: DbLike, actor: Actor, id: number): Promise<StoredBatch> {
  const [batch] = await db.select().from(importBatches).where(eq(importBatches.id, id));
  if (!batch || (batch.userId !== actor.id && actor.role !== 'bureau' && actor.role !== 'admin')) {
    throw new AppError(404, 'not_found', { zh: '找不到该导入批次', en: 'No such import batch' });
  }
  return batch as StoredBatch;
}

/** The latest batches the actor may see (their own; bureau and admin: everyone's), newest first, without plans. */
export async function recentBatches(db: DbLike, actor: Actor, limit = 50) {
  const mine = actor.role === 'bureau' || actor.role === 'admin' ? undefined : eq(importBatches.userId, actor.id);
  return db
    .select({
      id: importBatches.id,
      kind: importBatches.kind,
      fileName: importBatches.fileName,
      status: importBatches.status,
      rows: importBatches.rows,
      summary: importBatches.summary,
      userId: importBatches.userId,
      createdAt: importBatches.createdAt,
      committedAt: importBatches.committedAt,
      undoneAt: importBatches.undoneAt,
    })
    .from(importBatches)
    .where(mine)
    .orderBy(desc(importBatches.id))
    .limit(limit);
}

/** The batch's answer to the upload: id, row count, every error, warnings and the summary. */
export function batchResult(batch: StoredBatch) {
  return {
    id: batch.id,
    kind: batch.kind,
    fileName: batch.fileName,
    status: batch.status,
    rows: batch.rows,
    errors: batch.plan.errors,
    warnings: batch.plan.warnings,
    summary: batch.summary,
  };
}

/** Preview rows per page. */
export const PREVIEW_PAGE_SIZE = 100;

/** Fields a row may change that are not sheet columns (set by the import itself). */
const EXTRA_LABELS: Record<string, { zh: string; en: string }> = {
  status: { zh: '状态', en: 'Status' },
  verified: { zh: '已核实', en: 'Verified' },
  ruleVersion: { zh: '认定依据', en: 'Rules' },
};

/** Column key → its name in both languages (the template heading and the English heading of the column). */
export function fieldLabels(spec: KindSpec<any>): Record<string, { zh: string; en: string }> {
  return { ...EXTRA_LABELS, ...Object.fromEntries(spec.columns.map((c) => [c.key, { zh: c.headings[0]!, en: c.headings.at(-1)! }])) };
}

/** One page of the preview rows (optionally only rows of one action), without the stored cell values. */
export function previewPage(batch: StoredBatch, spec: KindSpec<any>, page: number, action: RowAction | undefined, perPage = PREVIEW_PAGE_SIZE) {
  const rows = action ? batch.plan.rows.filter((r) => r.action === action) : batch.plan.rows;
  const slice = rows.slice((page - 1) * perPage, page * perPage).map((r: PlanRow) => ({
    row: r.row,
    action: r.action,
    label: r.label,
    enterpriseId: r.enterpriseId ?? null,
    candidates: r.candidates ?? [],
    changes: r.changes ?? {},
    resolved: r.resolved ?? false,
    errors: batch.plan.errors.filter((e) => e.row === r.row),
  }));
  return { ...batchResult(batch), page, perPage, total: rows.length, labels: fieldLabels(spec), items: slice };
}
