/**
 * Reads an upload into a table of cells: XLSX through read-excel-file (values; formulas and merged cells come
 * from the sheet XML), CSV through a small RFC 4180 parser (quotes, doubled quotes, CR/LF, comma or tab).
 */
import { readSheet } from 'read-excel-file/node';
import { openContainer, sheetFeatures, type CellRef } from './container.ts';
import { IMPORT_LIMITS, refusal } from './limits.ts';

/** One cell's value as read: text, number, boolean, date, or null when empty. */
export type Cell = string | number | boolean | Date | null;

export interface SheetTable {
  /** The heading row's cells, as written. */
  headings: string[];
  /** 1-based row number of the heading row. */
  headingRow: number;
  /** Data rows below the headings, empty rows dropped; `row` is the 1-based row number people see in Excel. */
  rows: { row: number; cells: Cell[] }[];
  formulas: CellRef[];
  merged: { from: CellRef; to: CellRef }[];
}

/** Parses CSV text into rows of strings (comma- or tab-separated, whichever the first line uses more). */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const isEmpty = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** Reads an uploaded file (refusing encrypted, bomb and non-spreadsheet files) into headings and data rows. */
export async function readTable(file: Buffer, limits = IMPORT_LIMITS): Promise<SheetTable> {
  const container = await openContainer(file, limits);
  let grid: Cell[][];
  let features: ReturnType<typeof sheetFeatures> = { formulas: [], merged: [] };
  if (container.type === 'xlsx') {
    features = sheetFeatures(container.sheetXml);
    try {
      grid = (await readSheet(file)) as Cell[][];
    } catch {
      throw refusal.corrupt();
    }
  } else {
    grid = parseCsv(container.text).map((cells) => cells.map((c) => (c.trim() === '' ? null : c.trim())));
  }
  const headingIndex = grid.findIndex((cells) => !isEmpty(cells));
  if (headingIndex < 0) throw refusal.empty();
  const rows: SheetTable['rows'] = [];
  for (let i = headingIndex + 1; i < grid.length; i++) {
    const cells = grid[i]!;
    if (isEmpty(cells)) continue;
    rows.push({ row: i + 1, cells });
  }
  if (rows.length === 0) throw refusal.empty();
  if (rows.length > limits.maxRows) throw refusal.tooManyRows(rows.length);
  return {
    headings: grid[headingIndex]!.map((c) => (c === null ? '' : String(c).trim())),
    headingRow: headingIndex + 1,
    rows,
    ...features,
  };
}
