/**
 * The one import pipeline for every kind: read the sheet → map columns → read every cell → check scope and
 * duplicates → let the kind decide each row against the register → a plan (the preview) with every error at
 * its row and column. Nothing is written here; commit.ts writes exactly what the plan says.
 */
import type { DbLike } from '../../../db/client.ts';
import type { Message } from '../../../lib/errors.ts';
import { COUNTY_NAMES, type County } from '../../../domain/program.ts';
import { extraColumnsWarning, mapColumns } from './columns.ts';
import { columnLetters } from './container.ts';
import type { Actor, Candidate, Decision, KindSpec, ParsedRow, PlanRow, RowAction, RowError, RowPlanner } from './declare.ts';
import type { Cell, SheetTable } from './sheet.ts';

/** Everything a validated batch holds: the preview and what commit needs. */
export interface Plan {
  options: Record<string, unknown>;
  headings: string[];
  headingRow: number;
  /** Column key → its heading in the file. */
  columns: Record<string, string>;
  warnings: Message[];
  errors: RowError[];
  rows: PlanRow[];
  /** The sheet's data rows as read, for the error sheet (dates as ISO text). */
  source: { row: number; cells: (string | number | boolean | null)[] }[];
}

export type Summary = Record<Exclude<RowAction, never>, number>;

/** Counts of rows per action. */
export function summarize(rows: PlanRow[]): Summary {
  const summary: Summary = { create: 0, update: 0, unchanged: 0, error: 0, unmatched: 0, ambiguous: 0, skipped: 0 };
  for (const row of rows) summary[row.action] += 1;
  return summary;
}

const plainCell = (cell: Cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell);

/** Where a column key's errors are reported: its heading in the file (or the template's) and the cell address. */
function locate(spec: KindSpec<any>, plan: Pick<Plan, 'columns'>, indexOf: Map<string, number>, key: string, row: number) {
  const index = indexOf.get(key);
  const column = plan.columns[key] ?? spec.columns.find((c) => c.key === key)?.headings[0] ?? key;
  return { column, ...(index === undefined ? {} : { cell: `${columnLetters(index)}${row}` }) };
}

function rowError(row: number, where: { column: string; cell?: string }, message: Message): RowError {
  return { row, ...where, message: message.zh, messageEn: message.en };
}

/** Applies a kind's decision to a plan row (and returns the errors it carries). */
export function applyDecision(target: PlanRow, decision: Decision, errorsAt: (key: string, message: Message) => RowError): RowError[] {
  delete target.candidates;
  delete target.changes;
  delete target.versionSeen;
  delete target.enterpriseId;
  target.action = decision.action;
  if (decision.action === 'error') return decision.errors.map((e) => errorsAt(e.key, e.message));
  if ('candidates' in decision) {
    target.candidates = decision.candidates;
    return [];
  }
  if (decision.enterpriseId !== undefined) target.enterpriseId = decision.enterpriseId;
  if (decision.label) target.label = decision.label;
  if (decision.changes) target.changes = decision.changes;
  if (decision.versionSeen !== undefined) target.versionSeen = decision.versionSeen;
  return [];
}

/** Validates every row of a sheet for a kind; returns the plan (throws only for sheet-level problems). */
export async function validateSheet(db: DbLike, actor: Actor, spec: KindSpec<any>, table: SheetTable, options: Record<string, unknown>): Promise<Plan> {
  const map = mapColumns(spec, table.headings);
  const plan: Plan = {
    options,
    headings: table.headings,
    headingRow: table.headingRow,
    columns: Object.fromEntries([...map.indexOf].map(([key, i]) => [key, table.headings[i]!])),
    warnings: [],
    errors: [],
    rows: [],
    source: table.rows.map((r) => ({ row: r.row, cells: r.cells.map(plainCell) })),
  };
  const extra = extraColumnsWarning(map.extra);
  if (extra) plan.warnings.push(extra);
  const at = (row: number, key: string) => locate(spec, plan, map.indexOf, key, row);

  // Formulas and merged cells, at their cell (read-excel-file returns only cached values; the sheet XML tells).
  const cellProblems = new Map<number, RowError[]>();
  const note = (row: number, col: number, message: Message) => {
    const heading = table.headings[col] || columnLetters(col);
    const list = cellProblems.get(row) ?? [];
    list.push(rowError(row, { column: heading, cell: `${columnLetters(col)}${row}` }, message));
    cellProblems.set(row, list);
  };
  for (const f of table.formulas) {
    if (f.row > table.headingRow) note(f.row, f.col, { zh: '单元格含公式，请复制后“粘贴为数值”再导入', en: 'The cell holds a formula; paste it as values before importing' });
  }
  for (const m of table.merged) {
    if (m.to.row <= table.headingRow) continue;
    note(Math.max(m.from.row, table.headingRow + 1), m.from.col, {
      zh: `合并单元格（${columnLetters(m.from.col)}${m.from.row}:${columnLetters(m.to.col)}${m.to.row}），请取消合并并在每行填写`,
      en: `Merged cells (${columnLetters(m.from.col)}${m.from.row}:${columnLetters(m.to.col)}${m.to.row}); unmerge them and fill every row`,
    });
  }

  const parsed: ParsedRow[] = [];
  const rowErrors = new Map<number, RowError[]>();
  for (const { row, cells } of table.rows) {
    const values: Record<string, unknown> = {};
    const failed = new Set<string>();
    const errors: RowError[] = [...(cellProblems.get(row) ?? [])];
    cellProblems.delete(row);
    for (const [i, column] of map.byIndex) {
      const result = column.parse(cells[i] ?? null);
      if ('value' in result) values[column.key] = result.value;
      else if ('error' in result) {
        failed.add(column.key);
        errors.push(rowError(row, at(row, column.key), result.error));
      }
    }
    if (actor.role === 'county' && typeof values.county === 'string' && values.county !== actor.county) {
      failed.add('county');
      const area = COUNTY_NAMES[values.county as County];
      errors.push(rowError(row, at(row, 'county'), { zh: `${area.zh}不在您的辖区，不能导入`, en: `${area.en} is outside your area; this row cannot be imported` }));
    }
    parsed.push({ row, values, failed });
    rowErrors.set(row, errors);
  }
  // Merged ranges starting on rows that are otherwise empty still get reported.
  for (const [row, errors] of cellProblems) plan.errors.push(...errors.map((e) => ({ ...e, row })));

  const seen = new Map<string, number>();
  for (const row of parsed) {
    const identity = spec.identity(row.values, options);
    if (!identity) continue;
    const first = seen.get(identity.key);
    if (first === undefined) seen.set(identity.key, row.row);
    else {
      row.failed.add(identity.column);
      rowErrors.get(row.row)!.push(rowError(row.row, at(row.row, identity.column), { zh: `与第 ${first} 行重复`, en: `Duplicate of row ${first}` }));
    }
  }

  const planner = await spec.prepare(db, actor, parsed.filter((r) => rowErrors.get(r.row)!.length === 0), options);
  for (const row of parsed) {
    const target: PlanRow = { row: row.row, action: 'error', label: String(row.values.name ?? row.values.creditCode ?? ''), values: row.values };
    const errors = rowErrors.get(row.row)!;
    if (errors.length === 0) errors.push(...applyDecision(target, planner.decide(row), (key, message) => rowError(row.row, at(row.row, key), message)));
    if (errors.length > 0) target.action = 'error';
    plan.errors.push(...errors);
    plan.rows.push(target);
  }
  // Two rows writing one record (one naming the firm by code, the other by name): the later one is an error.
  const written = new Map<string, number>();
  for (const target of plan.rows) {
    const first = sameRecordAs(spec, plan, target, written);
    if (!first) continue;
    target.action = 'error';
    plan.errors.push(rowError(target.row, at(target.row, spec.identity(target.values, options)?.column ?? 'name'), sameRecordMessage(first)));
  }
  plan.errors.sort((a, b) => a.row - b.row);
  return plan;
}

/** What a row writing the same record as an earlier one is told: a new firm's name (key `name:…`), or the same firm's record. */
function sameRecordMessage({ row, key }: { row: number; key: string }): Message {
  return key.startsWith('name:')
    ? { zh: `与第 ${row} 行是同名的新企业`, en: `A new firm of the same name as row ${row}` }
    : { zh: `与第 ${row} 行是同一家企业的同一条记录`, en: `The same firm's record as row ${row}` };
}

/**
 * The earlier row writing the same register record as `target` (kind's recordKey) and that key, if any; with
 * `seen`, records `target`'s key when it is the first. Only create and update rows write.
 */
function sameRecordAs(spec: KindSpec<any>, plan: Plan, target: PlanRow, seen?: Map<string, number>): { row: number; key: string } | undefined {
  if (target.action !== 'create' && target.action !== 'update') return undefined;
  const key = spec.recordKey(target, plan.options);
  if (key === null) return undefined;
  const writes = (r: PlanRow) => r !== target && (r.action === 'create' || r.action === 'update') && spec.recordKey(r, plan.options) === key;
  const row = seen ? seen.get(key) : plan.rows.find(writes)?.row;
  if (seen && row === undefined) seen.set(key, target.row);
  return row === undefined ? undefined : { row, key };
}

/** Re-decides one unmatched or ambiguous row for the firm a person chose (or marks it skipped when null). */
export function resolveRow(spec: KindSpec<any>, plan: Plan, planner: RowPlanner, target: PlanRow, chosen: Candidate | null): RowError[] {
  const candidates = target.candidates;
  if (!chosen) {
    target.action = 'skipped';
    target.resolved = true;
    return [];
  }
  const row: ParsedRow = { row: target.row, values: target.values, failed: new Set() };
  const indexOf = new Map(Object.entries(plan.columns).map(([key, heading]) => [key, plan.headings.indexOf(heading)]));
  const where = (key: string) => locate(spec, plan, indexOf, key, target.row);
  const errors = applyDecision(target, planner.decide(row, chosen), (key, message) => rowError(target.row, where(key), message));
  // The firm chosen may be one another row already writes.
  const other = errors.length === 0 ? sameRecordAs(spec, plan, target) : undefined;
  if (other) errors.push(rowError(target.row, where(spec.identity(target.values, plan.options)?.column ?? 'name'), sameRecordMessage(other)));
  if (candidates && !target.candidates) target.candidates = candidates;
  target.resolved = true;
  return errors;
}
