/**
 * Commit and undo of a batch. Commit writes every decided row in ONE transaction (each kind's writeAll, in bulk,
 * history entries tagged with the batch), records each written row in import_changes, and refuses (409, nothing
 * written) while errors or unresolved matches remain or when the register moved since validation. Undo deletes
 * what the batch created and restores what it updated, refusing (409, naming the sheet rows) when a row was
 * changed after the import (its version is no longer the one the import left).
 */
import { eq, inArray, sql, and } from 'drizzle-orm';
import type { Db, DbLike } from '../../../db/client.ts';
import { todayInChina } from '../../../lib/dates.ts';
import { refreshPreEvaluations } from '../pre-evaluations.ts';
import { auditLog, enterpriseYears, enterprises, importBatches, importChanges, tierRecognitions, trainingAttendances } from '../../../db/schema/index.ts';
import { AppError } from '../../../lib/errors.ts';
import type { ChangeOrigin } from '../history.ts';
import { batchUpdates, chunks, conflictError, insertHistory, insertJsonRows, READ_CHUNK, type HistoryEntry } from './bulk.ts';
import type { Actor, KindSpec } from './declare.ts';
import type { StoredBatch } from './batches.ts';
import type { Plan } from './pipeline.ts';

const notValidated = () => new AppError(409, 'import_not_validated', { zh: '该批次已提交或已撤销', en: 'This batch was already committed or undone' });

/** Batches committed before import_changes.sheet_row existed kept each written record's sheet row in the plan. */
type CommittedPlan = Plan & { writtenRows?: Record<string, number> };

/** Writes a validated batch; returns how many register records were written. */
export async function commitBatch(db: Db, actor: Actor, spec: KindSpec<any>, batch: StoredBatch, ip?: string): Promise<{ written: number }> {
  if (batch.status !== 'validated') throw notValidated();
  const plan = batch.plan;
  const errorRows = plan.rows.filter((r) => r.action === 'error').length;
  const open = plan.rows.filter((r) => r.action === 'unmatched' || r.action === 'ambiguous');
  if (errorRows > 0 || open.length > 0 || plan.errors.length > 0) {
    throw new AppError(
      409,
      'import_has_errors',
      { zh: `还有 ${plan.errors.length} 个错误、${open.length} 行待确认企业，不能提交`, en: `${plan.errors.length} errors and ${open.length} rows awaiting a firm remain; resolve them before committing` },
      { rows: [...plan.rows.filter((r) => r.action === 'error'), ...open].slice(0, 100).map((r) => r.row) },
    );
  }
  const origin: ChangeOrigin = { userId: actor.id, source: 'import', importBatchId: batch.id, ip };
  return db.transaction(async (tx) => {
    const [still] = await tx.select({ status: importBatches.status }).from(importBatches).where(eq(importBatches.id, batch.id));
    if (still?.status !== 'validated') throw notValidated();
    const { written, conflicts } = await spec.writeAll(tx, actor, origin, plan.rows, plan.options);
    if (conflicts.length > 0) throw conflictError(conflicts);
    await insertJsonRows(
      tx,
      'import_changes',
      ['batch_id', 'entity', 'entity_id', 'op', 'before', 'version_after', 'sheet_row'],
      written.map((w) => [batch.id, w.entity, w.entityId, w.op, w.before, w.versionAfter, w.row]),
    );
    // The candidate filters read stored pre-evaluations: bring them in step for every firm the batch touched.
    await refreshPreEvaluations(tx, await firmsOf(tx, written), todayInChina());
    // The plan stays as validated (rewriting several MB of JSON here cost 30–40 MB of peak RSS at 10,000 rows):
    // each import_changes row names its sheet row instead.
    await tx
      .update(importBatches)
      .set({ status: 'committed', committedAt: new Date(), summary: { ...batch.summary, written: written.length } })
      .where(eq(importBatches.id, batch.id));
    return { written: written.length };
  });
}

const TABLES = { enterprise: enterprises, year: enterpriseYears, title: tierRecognitions, attendance: trainingAttendances } as const;

/** The firms behind written records (a year or a title belongs to a firm). */
async function firmsOf(tx: DbLike, written: { entity: keyof typeof TABLES; entityId: number }[]): Promise<number[]> {
  const firms = new Set(written.filter((w) => w.entity === 'enterprise').map((w) => w.entityId));
  for (const entity of ['year', 'title'] as const) {
    const table = TABLES[entity];
    const ids = written.filter((w) => w.entity === entity).map((w) => w.entityId);
    for (const group of chunks(ids, READ_CHUNK)) {
      for (const row of await tx.select({ enterpriseId: table.enterpriseId }).from(table).where(inArray(table.id, group))) firms.add(row.enterpriseId);
    }
  }
  return [...firms];
}

/** Undoes a committed batch in one transaction; 409 naming the rows someone changed after the import. */
export async function undoBatch(db: Db, actor: Actor, batch: StoredBatch, ip?: string): Promise<{ undone: number }> {
  if (batch.status !== 'committed') {
    throw new AppError(409, 'import_not_committed', { zh: '只有已提交的批次可以撤销', en: 'Only a committed batch can be undone' });
  }
  const writtenRows = (batch.plan as CommittedPlan).writtenRows ?? {};
  const origin: ChangeOrigin = { userId: actor.id, source: 'bureau', importBatchId: batch.id, ip };
  return db.transaction(async (tx) => {
    const changes = await tx.select().from(importChanges).where(eq(importChanges.batchId, batch.id));
    // Each record as it is now (version, and its firm for the history entry).
    const now = new Map<string, { version: number; enterpriseId: number; row: Record<string, unknown> }>();
    for (const entity of ['enterprise', 'year', 'title', 'attendance'] as const) {
      const table = TABLES[entity];
      const ids = changes.filter((c) => c.entity === entity).map((c) => c.entityId);
      for (const group of chunks(ids, READ_CHUNK)) {
        for (const row of (await tx.select().from(table).where(inArray(table.id, group))) as (Record<string, unknown> & { id: number; version: number })[]) {
          now.set(`${entity}:${row.id}`, { version: row.version, enterpriseId: entity === 'enterprise' ? row.id : (row.enterpriseId as number), row });
        }
      }
    }
    // A firm the batch created may since have gathered data of its own (a year, a title, a hall, a user …) without
    // its own version moving; deleting it would cascade that away. Every such write leaves an audit row — except
    // what a later batch wrote and has since undone (its writes and its undo both carry that batch's id).
    const touched = new Set<number>();
    const createdFirms = changes.filter((c) => c.entity === 'enterprise' && c.op === 'create').map((c) => c.entityId);
    for (const group of chunks(createdFirms, READ_CHUNK)) {
      const rows = await tx
        .selectDistinct({ id: auditLog.enterpriseId })
        .from(auditLog)
        .where(
          and(
            inArray(auditLog.enterpriseId, group),
            sql`coalesce(json_extract(${auditLog.detail}, '$.importBatchId'), 0) != ${batch.id}`,
            sql`coalesce(json_extract(${auditLog.detail}, '$.importBatchId'), 0) NOT IN (SELECT ${importBatches.id} FROM ${importBatches} WHERE ${importBatches.status} = 'undone')`,
          ),
        );
      for (const r of rows) if (r.id !== null) touched.add(r.id);
    }
    const stale = changes
      .filter((c) => now.get(`${c.entity}:${c.entityId}`)?.version !== c.versionAfter || (c.entity === 'enterprise' && touched.has(c.entityId)))
      .map((c) => c.sheetRow ?? writtenRows[`${c.entity}:${c.entityId}`] ?? 0);
    if (stale.length > 0) {
      const rows = [...new Set(stale)].sort((a, b) => a - b);
      throw new AppError(
        409,
        'import_undo_conflict',
        { zh: `第 ${rows.slice(0, 20).join('、')} 行在导入后已被修改，不能整批撤销`, en: `Rows ${rows.slice(0, 20).join(', ')} were changed after the import; the batch cannot be undone` },
        { rows },
      );
    }
    // History first: deleting a firm sets the enterprise id of its audit rows to null.
    const history: HistoryEntry[] = changes.map((c) => {
      const current = now.get(`${c.entity}:${c.entityId}`)!;
      const before = c.before ?? {};
      const restored = Object.fromEntries(Object.keys(before).filter((k) => k !== 'sources').map((k) => [k, [current.row[k] ?? null, before[k] ?? null] as [unknown, unknown]]));
      return { enterpriseId: current.enterpriseId, entity: c.entity, entityId: c.entityId, action: `${c.entity}.import_undo`, changes: c.op === 'create' ? { importBatchId: [batch.id, null] } : restored };
    });
    await insertHistory(tx, origin, history);
    const updates = changes.filter((c) => c.op === 'update');
    const missed = await batchUpdates(
      tx,
      updates.map((c) => {
        const table = TABLES[c.entity];
        return tx
          .update(table)
          .set({ ...(c.before ?? {}), version: sql`${table.version} + 1`, updatedAt: new Date() } as never)
          .where(and(eq(table.id, c.entityId), eq(table.version, c.versionAfter)));
      }),
    );
    if (missed.length > 0) throw new AppError(409, 'import_undo_conflict', { zh: '撤销期间记录被修改，请重试', en: 'Records changed during the undo; try again' });
    for (const entity of ['attendance', 'title', 'year', 'enterprise'] as const) {
      const table = TABLES[entity];
      const ids = changes.filter((c) => c.entity === entity && c.op === 'create').map((c) => c.entityId);
      for (const group of chunks(ids, READ_CHUNK)) await tx.delete(table).where(inArray(table.id, group));
    }
    await tx.update(importBatches).set({ status: 'undone', undoneAt: new Date() }).where(eq(importBatches.id, batch.id));
    const remaining = [...new Set([...now.values()].map((n) => n.enterpriseId))].filter((id) => !createdFirms.includes(id));
    await refreshPreEvaluations(tx, remaining, todayInChina());
    return { undone: changes.length };
  });
}
