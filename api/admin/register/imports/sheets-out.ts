/** Spreadsheets the import hands out: a template per kind, and the uploaded sheet with an added 错误原因 column. */
import writeXlsxFile from 'write-excel-file/node';
import type { KindSpec } from './declare.ts';
import type { Plan } from './pipeline.ts';

type OutCell = { value: string | number | boolean; type: StringConstructor | NumberConstructor | BooleanConstructor; fontWeight?: 'bold' } | null;

export const ERROR_COLUMN = '错误原因 Error';

/** Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV/formula injection). */
const inert = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

function cell(value: string | number | boolean | null, bold = false): OutCell {
  if (value === null || value === '') return null;
  const base = typeof value === 'number' ? { value, type: Number } : typeof value === 'boolean' ? { value, type: Boolean } : { value: inert(value), type: String };
  return (bold ? { ...base, fontWeight: 'bold' } : base) as OutCell;
}

/** A template for a kind: the usual headings and one example row. */
export async function templateXlsx(spec: KindSpec<any>): Promise<Buffer> {
  const headings = spec.columns.map((c) => cell(c.headings[0]!, true));
  const example = spec.columns.map((c) => cell(c.example));
  return writeXlsxFile([headings, example] as never, { columns: spec.columns.map(() => ({ width: 18 })) } as never).toBuffer();
}

/** The uploaded rows as read, with 错误原因 (zh and en) on each row that has errors; fix and upload again. */
export async function errorSheetXlsx(plan: Plan): Promise<Buffer> {
  const byRow = new Map<number, string[]>();
  for (const e of plan.errors) {
    const list = byRow.get(e.row) ?? [];
    list.push(`${e.column}${e.cell ? `（${e.cell}）` : ''}：${e.message} / ${e.messageEn}`);
    byRow.set(e.row, list);
  }
  const width = plan.headings.length;
  const header = [...plan.headings.map((h) => cell(h, true)), cell(ERROR_COLUMN, true)];
  const rows = plan.source.map(({ row, cells }) => {
    const padded = Array.from({ length: width }, (_, i) => cell(cells[i] ?? null));
    return [...padded, cell((byRow.get(row) ?? []).join('；'))];
  });
  return writeXlsxFile([header, ...rows] as never).toBuffer();
}
