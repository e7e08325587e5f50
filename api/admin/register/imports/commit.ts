/**
 * Commit and undo of a batch. Commit writes every decided row in ONE transaction through the register's own write
 * functions (history entries tagged with the batch), records each written row in import_changes, and refuses
 * (409, nothing written) while errors or unresolved matches remain or when the register moved since validation.
 * Undo deletes what the batch created and restores what it updated, refusing (409) when a row was changed after.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbLike } from '../../../db/client.ts';
import { enterpriseYears, enterprises, importBatches, importChanges, tierRecognitions } from '../../../db/schema/index.ts';
import { AppError } from '../../../lib/errors.ts';
import { recordChange, type ChangeOrigin } from '../history.ts';
import type { Actor, KindSpec, WrittenRow } from './declare.ts';
import type { StoredBatch } from './batches.ts';
import type { Plan } from './pipeline.ts';

const CHUNK = 200;

const notValidated = () => new AppError(409, 'import_not_validated', { zh: '该批次已提交或已撤销', en: 'This batch was already committed or undone' });

/** Writes a validated batch; returns the counts written. */
export async function commitBatch(db: Db, actor: Actor, spec: KindSpec<any>, batch: StoredBatch, ip?: string): Promise<{ written: number }> {
  if (batch.status !== 'validated') throw notValidated();
  const plan = batch.plan;
  const open = plan.rows.filter((r) => r.action === 'error' || r.action === 'unmatched' || r.action === 'ambiguous');
  if (open.length > 0 || plan.errors.length > 0) {
    throw new AppError(
      409,
      'import_has_errors',
      { zh: `还有 ${plan.errors.length} 个错误、${open.length - plan.rows.filter((r) => r.action === 'error').length} 行待确认，不能提交`, en: `${plan.errors.length} errors and unresolved rows remain; fix them before committing` },
      { rows: open.slice(0, 100).map((r) => r.row) },
    );
  }
  const origin: ChangeOrigin = { userId: actor.id, source: 'import', importBatchId: batch.id, ip };
  return db.transaction(
    async (tx) => {
      const [still] = await tx.select({ status: importBatches.status }).from(importBatches).where(eq(importBatches.id, batch.id));
      if (still?.status !== 'validated') throw notValidated();
      const conflicts: { row: number; message: string; messageEn: string }[] = [];
      const written: WrittenRow[] = [];
      const writtenRows: Record<string, number> = {};
      for (const row of plan.rows) {
        if (row.action !== 'create' && row.action !== 'update') continue;
        try {
          const result = await spec.write(tx, actor, origin, row, plan.options);
          if (result) {
            written.push(result);
            writtenRows[`${result.entity}:${result.entityId}`] = row.row;
          }
        } catch (error) {
          if (!(error instanceof AppError) || error.status >= 500) throw error;
          conflicts.push({ row: row.row, message: error.messageZh, messageEn: error.messageEn });
        }
      }
      if (conflicts.length > 0) {
        throw new AppError(
          409,
          'import_conflict',
          { zh: `校验后企业库已有变化，${conflicts.length} 行冲突：请重新上传校验`, en: `The register changed since validation; ${conflicts.length} rows conflict: upload the sheet again` },
          { conflicts: conflicts.slice(0, 200) },
        );
      }
      for (let i = 0; i < written.length; i += CHUNK) {
        await tx.insert(importChanges).values(written.slice(i, i + CHUNK).map((w) => ({ ...w, batchId: batch.id })));
      }
      await tx
        .update(importBatches)
        .set({ status: 'committed', committedAt: new Date(), summary: { ...batch.summary, written: written.length }, plan: { ...plan, writtenRows } as Plan })
        .where(eq(importBatches.id, batch.id));
      return { written: written.length };
    },
    { behavior: 'immediate' },
  );
}

const TABLES = { enterprise: enterprises, year: enterpriseYears, title: tierRecognitions } as const;

/** Undoes a committed batch in one transaction; 409 naming the rows someone changed after the import. */
export async function undoBatch(db: Db, actor: Actor, batch: StoredBatch, ip?: string): Promise<{ undone: number }> {
  if (batch.status !== 'committed') {
    throw new AppError(409, 'import_not_committed', { zh: '只有已提交的批次可以撤销', en: 'Only a committed batch can be undone' });
  }
  const writtenRows = (batch.plan as Plan & { writtenRows?: Record<string, number> }).writtenRows ?? {};
  const origin: ChangeOrigin = { userId: actor.id, source: 'bureau', importBatchId: batch.id, ip };
  return db.transaction(
    async (tx) => {
      const changes = await tx.select().from(importChanges).where(eq(importChanges.batchId, batch.id)).orderBy(desc(importChanges.id));
      const stale: number[] = [];
      const current = new Map<string, Record<string, unknown>>();
      for (const change of changes) {
        const table = TABLES[change.entity];
        const [row] = await tx.select().from(table).where(eq(table.id, change.entityId));
        if (!row || row.version !== change.versionAfter) stale.push(writtenRows[`${change.entity}:${change.entityId}`] ?? 0);
        else current.set(`${change.entity}:${change.entityId}`, row);
      }
      if (stale.length > 0) {
        const rows = [...new Set(stale)].sort((a, b) => a - b);
        throw new AppError(
          409,
          'import_undo_conflict',
          { zh: `第 ${rows.slice(0, 20).join('、')} 行在导入后已被修改，不能整批撤销`, en: `Rows ${rows.slice(0, 20).join(', ')} were changed after the import; the batch cannot be undone` },
          { rows },
        );
      }
      for (const change of changes) {
        const table = TABLES[change.entity];
        const row = current.get(`${change.entity}:${change.entityId}`)!;
        const enterpriseId = change.entity === 'enterprise' ? change.entityId : (row.enterpriseId as number);
        if (change.op === 'create') {
          // History first: deleting a firm sets the enterprise id of its audit rows to null, and an audit row
          // written after the delete would point at a firm that no longer exists.
          await recordChange(tx, origin, { enterpriseId, entity: change.entity, entityId: change.entityId, action: `${change.entity}.import_undo`, changes: { importBatchId: [batch.id, null] } });
          await tx.delete(table).where(eq(table.id, change.entityId));
          continue;
        }
        const before = change.before ?? {};
        await tx
          .update(table)
          .set({ ...before, version: sql`${table.version} + 1` } as never)
          .where(and(eq(table.id, change.entityId), eq(table.version, change.versionAfter)));
        const restored = Object.fromEntries(Object.keys(before).filter((k) => k !== 'sources').map((k) => [k, [row[k] ?? null, before[k] ?? null] as [unknown, unknown]]));
        await recordChange(tx, origin, { enterpriseId, entity: change.entity, entityId: change.entityId, action: `${change.entity}.import_undo`, changes: restored });
      }
      await tx.update(importBatches).set({ status: 'undone', undoneAt: new Date() }).where(eq(importBatches.id, batch.id));
      return { undone: changes.length };
    },
    { behavior: 'immediate' },
  );
}
