import writeXlsxFile from 'write-excel-file/node';

/**
 * A cell a spreadsheet will not run: text that starts like a formula (= + - @, tab, CR) gets a leading apostrophe
 * (OWASP CSV injection).
 */
export function inertCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A cell of an exported table: text, or a number that spreadsheets can sum. */
export type TableCell = string | number;

/** CSV of a table, with a UTF-8 byte-order mark so spreadsheet programs read Chinese correctly. */
export function tableCsv(columns: string[], rows: TableCell[][]): string {
  const quote = (v: TableCell) => (typeof v === 'number' ? String(v) : `"${inertCell(v).replace(/"/g, '""')}"`);
  return '\uFEFF' + [columns, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** The same table as an .xlsx workbook: text cells stay text (nothing typed becomes a formula), numbers are numbers. */
export async function tableXlsx(columns: string[], rows: TableCell[][]): Promise<Buffer> {
  const cell = (value: TableCell, bold: boolean) =>
    typeof value === 'number' ? { value, type: Number } : { value, type: String, ...(bold ? { fontWeight: 'bold' as const } : {}) };
  const data = [columns, ...rows].map((row, i) => row.map((value) => cell(value, i === 0)));
  return writeXlsxFile(data).toBuffer();
}
