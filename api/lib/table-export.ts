import writeXlsxFile from 'write-excel-file/node';

/**
 * A cell a spreadsheet will not run: text that starts like a formula (= + - @, tab, CR) gets a leading apostrophe
 * (OWASP CSV injection).
 */
export function inertCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV of a table of text cells, with a UTF-8 byte-order mark so spreadsheet programs read Chinese correctly. */
export function tableCsv(columns: string[], rows: string[][]): string {
  const quote = (v: string) => `"${inertCell(v).replace(/"/g, '""')}"`;
  return '\uFEFF' + [columns, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** The same table as an .xlsx workbook: every cell text, bold headings, so nothing typed becomes a formula. */
export async function tableXlsx(columns: string[], rows: string[][]): Promise<Buffer> {
  const data = [columns, ...rows].map((row, i) => row.map((value) => ({ value, type: String, ...(i === 0 ? { fontWeight: 'bold' as const } : {}) })));
  return writeXlsxFile(data).toBuffer();
}
