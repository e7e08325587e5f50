/**
 * Writing thousands of import rows inside one transaction without a statement per field: reads in chunks of ids,
 * inserts as multi-row statements, per-row updates sent to libSQL as one batch (measured on this machine: a
 * single statement through drizzle costs ~0.4–1 ms and native memory, a batched one ~0.05 ms; see
 * scripts/bench-import.ts). History rows have the same shape as recordChange's (history.ts).
 */
import type { Transaction } from '@libsql/client';
import { getTableColumns, getTableName, is, SQL, type InferInsertModel } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DbTx } from '../../../db/client.ts';
import { AppError } from '../../../lib/errors.ts';
import type { ChangeOrigin, Changes, HistoryEntity } from '../history.ts';

/** Rows per multi-row INSERT (SQLite's variable limit is 32,766; the widest row here has ~30 columns). */
export const INSERT_CHUNK = 200;
/** Ids per `IN (…)` read. */
export const READ_CHUNK = 500;

/** `items` cut into consecutive slices of at most `size`. */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The libSQL transaction under a drizzle transaction (drizzle keeps it as `session.tx`), for batched statements. */
function libsqlTx(tx: DbTx): Transaction {
  const raw = (tx as unknown as { session?: { tx?: Transaction } }).session?.tx;
  if (!raw) throw new Error('drizzle-orm libsql transaction internals changed: session.tx not found');
  return raw;
}

/**
 * Runs UPDATE statements built with drizzle (each guarded by `version = seen`) as batches inside the transaction;
 * returns the indexes of statements that changed no row (someone saved in between).
 */
export async function batchUpdates(tx: DbTx, queries: { toSQL(): { sql: string; params: unknown[] } }[]): Promise<number[]> {
  const missed: number[] = [];
  let offset = 0;
  for (const group of chunks(queries, 1000)) {
    const results = await libsqlTx(tx).batch(group.map((q) => {
      const { sql, params } = q.toSQL();
      return { sql, args: params as never };
    }));
    results.forEach((r, i) => {
      if (r.rowsAffected !== 1) missed.push(offset + i);
    });
    offset += group.length;
  }
  return missed;
}

/** Column name in the database for a schema key, as drizzle's `casing: 'snake_case'` makes it (contactName → contact_name). */
const columnName = (key: string) => toSnakeCase(key);

/** A value as libSQL stores it (booleans as 0/1, JSON columns as text, timestamps in ms). */
function driverValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.getTime();
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value ?? null;
}

/** One row to update: its id, the version the preview saw, and the new values by schema key. */
export interface VersionedUpdate {
  id: number;
  version: number;
  set: Record<string, unknown>;
}

/**
 * Updates many rows of a versioned table with few statements: rows changing the same columns share one
 * `UPDATE … FROM (VALUES …)` per chunk; each row's version must still be the one the preview saw, and is bumped.
 * `common` values (the batch id, updated_at) go to every row. Returns the indexes of rows that had moved.
 */
export async function updateVersioned(tx: DbTx, table: string, rows: VersionedUpdate[], common: Record<string, unknown>): Promise<number[]> {
  const groups = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const key = Object.keys(row.set).sort().join(',');
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const t = `"${table}"`;
  const missed: number[] = [];
  for (const [key, indexes] of groups) {
    const columns = key ? key.split(',') : [];
    const sets = [
      ...columns.map((c, i) => `"${columnName(c)}" = v.column${i + 3}`),
      `"version" = ${t}."version" + 1`,
      ...Object.keys(common).map((c) => `"${columnName(c)}" = ?`),
    ];
    for (const chunk of chunks(indexes, Math.floor(INSERT_CHUNK / 2))) {
      const tuple = `(${Array.from({ length: columns.length + 2 }, () => '?').join(', ')})`;
      const statement = `UPDATE ${t} SET ${sets.join(', ')} FROM (VALUES ${chunk.map(() => tuple).join(', ')}) AS v WHERE ${t}."id" = v.column1 AND ${t}."version" = v.column2`;
      const args = [...Object.values(common).map(driverValue), ...chunk.flatMap((i) => [rows[i]!.id, rows[i]!.version, ...columns.map((c) => driverValue(rows[i]!.set[c]))])];
      const result = await libsqlTx(tx).execute({ sql: statement, args: args as never });
      if (result.rowsAffected === chunk.length) continue;
      // Someone saved in between: find which rows did not move to version + 1.
      const now = await libsqlTx(tx).execute({ sql: `SELECT "id", "version" FROM ${t} WHERE "id" IN (${chunk.map(() => '?').join(', ')})`, args: chunk.map((i) => rows[i]!.id) });
      const version = new Map(now.rows.map((r) => [Number(r.id), Number(r.version)]));
      for (const i of chunk) if (version.get(rows[i]!.id) !== rows[i]!.version + 1) missed.push(i);
    }
  }
  return missed;
}

/** One history entry as recordChange writes it: who, which firm and record, before/after per field, the batch. */
export interface HistoryEntry {
  enterpriseId: number;
  entity: HistoryEntity;
  entityId: number;
  action: string;
  changes: Changes;
  label?: string;
}

/** Rows per JSON-parameter INSERT (insertJsonRows): the parameter stays a few hundred KB. */
export const JSON_INSERT_CHUNK = 1000;

/**
 * Inserts rows through ONE JSON parameter per chunk (`INSERT … SELECT value ->> 0, … FROM json_each(?)`) instead of
 * a multi-row VALUES statement with thousands of bound values: libSQL frees a prepared statement's native memory
 * only when V8 collects it, and those wide statements added tens of MB to a 10,000-row import's peak RSS
 * (scripts/bench-import.ts). `columns`: database column names; each row holds their values in order, as
 * driverValue makes them (objects as JSON text, booleans 0/1, dates in ms). Returns nothing (no ids).
 */
export async function insertJsonRows(tx: DbTx, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const picks = columns.map((_, i) => `value ->> ${i}`).join(', ');
  const statement = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) SELECT ${picks} FROM json_each(?)`;
  for (const group of chunks(rows, JSON_INSERT_CHUNK)) {
    await libsqlTx(tx).execute({ sql: statement, args: [JSON.stringify(group.map((row) => row.map(driverValue)))] });
  }
}

/**
 * Inserts new records of a table with an AUTOINCREMENT `id` and a `version` column, JSON_INSERT_CHUNK rows per
 * statement through one JSON parameter (see insertJsonRows for why not multi-row VALUES), and returns each
 * record's `{ id, version }` in the order of `values`. Values are given by schema key as for drizzle's
 * `insert().values()`; a key missing from a row takes the column's `$defaultFn`, `.default()` or `$onUpdateFn`, as
 * drizzle's insert does (a column whose default is SQL is refused: pass the value). Order: json_each is read by
 * array index and AUTOINCREMENT ids only grow, so the records sorted by id are the rows in order.
 */
export async function insertReturning<T extends SQLiteTable>(tx: DbTx, table: T, values: InferInsertModel<T>[]): Promise<{ id: number; version: number }[]> {
  const columns = Object.entries(getTableColumns(table)).filter(([key, column]) => values.some((v) => (v as Record<string, unknown>)[key] !== undefined) || column.defaultFn || (column.default === undefined && column.onUpdateFn));
  const valueOf = (row: Record<string, unknown>, key: string, column: (typeof columns)[number][1]): unknown => {
    const given = row[key];
    if (given !== undefined) return given;
    if (column.defaultFn) return column.defaultFn();
    if (is(column.default, SQL)) throw new Error(`insertReturning: ${getTableName(table)}.${key} has an SQL default; pass a value`);
    if (column.default !== undefined) return column.default;
    return column.onUpdateFn ? column.onUpdateFn() : null;
  };
  const names = columns.map(([key, column]) => (column.keyAsName ? columnName(key) : column.name));
  const statement = `INSERT INTO "${getTableName(table)}" (${names.map((n) => `"${n}"`).join(', ')}) SELECT ${names.map((_, i) => `value ->> ${i}`).join(', ')} FROM json_each(?) ORDER BY key RETURNING "id", "version"`;
  const out: { id: number; version: number }[] = [];
  for (const group of chunks(values, JSON_INSERT_CHUNK)) {
    const rows = group.map((row) => columns.map(([key, column]) => {
      const value = valueOf(row as Record<string, unknown>, key, column);
      return value === null || value === undefined ? null : column.mapToDriverValue(value);
    }));
    const result = await libsqlTx(tx).execute({ sql: statement, args: [JSON.stringify(rows)] });
    const made = result.rows.map((r) => ({ id: Number(r.id), version: Number(r.version) })).sort((a, b) => a.id - b.id);
    if (made.length !== group.length) throw new Error(`insertReturning: ${made.length} of ${group.length} rows inserted into ${getTableName(table)}`);
    out.push(...made);
  }
  return out;
}

/** Writes history entries (same columns and detail shape as recordChange), a thousand rows per statement. */
export async function insertHistory(tx: DbTx, origin: ChangeOrigin, entries: HistoryEntry[]): Promise<void> {
  const at = Date.now();
  const extra = { source: origin.source, ...(origin.importBatchId ? { importBatchId: origin.importBatchId } : {}) };
  await insertJsonRows(
    tx,
    'audit_log',
    ['user_id', 'enterprise_id', 'action', 'entity', 'entity_id', 'ip', 'at', 'detail'],
    entries.map((e) => [origin.userId, e.enterpriseId, e.action, e.entity, String(e.entityId), origin.ip ?? null, at, { changes: e.changes, ...extra, ...(e.label ? { label: e.label } : {}) }]),
  );
}

/** A row the register no longer agrees with (reported in the commit's 409). */
export interface Conflict {
  row: number;
  message: string;
  messageEn: string;
}

/** The conflict of a row whose register record moved since validation. */
export const changedSince = (row: number): Conflict => ({
  row,
  message: '校验后该记录已被他人修改',
  messageEn: 'Someone changed this record after validation',
});

/** 409 listing the rows that conflict; thrown inside the transaction so nothing is written. */
export function conflictError(conflicts: Conflict[]): AppError {
  return new AppError(
    409,
    'import_conflict',
    { zh: `校验后企业库已有变化，${conflicts.length} 行冲突：请重新上传校验`, en: `The register changed since validation; ${conflicts.length} rows conflict: upload the sheet again` },
    { conflicts: conflicts.slice(0, 200) },
  );
}
