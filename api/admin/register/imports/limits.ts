/** Limits of a spreadsheet import and the refusals that name them. */
import { AppError } from '../../../lib/errors.ts';

export const IMPORT_LIMITS = {
  /** Upload size cap. */
  maxBytes: 20 * 1024 * 1024,
  /** Data rows (below the heading row). */
  maxRows: 50_000,
  /** ZIP entries of an XLSX (a real workbook has a few dozen). */
  maxEntries: 1_000,
  /** Uncompressed bytes of one ZIP entry (a 50,000-row sheet of ~30 columns is ~60 MB of XML). */
  maxEntryBytes: 150 * 1024 * 1024,
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: 250 * 1024 * 1024,
  /** Compression ratio beyond which a large entry is taken for a zip bomb (real sheets deflate ~5–20×). */
  maxRatio: 200,
};

export const refusal = {
  tooLarge: () =>
    new AppError(413, 'import_too_large', { zh: '文件超过 20 MB 上限', en: 'The file is larger than the 20 MB limit' }),
  tooManyRows: (rows: number) =>
    new AppError(422, 'import_too_many_rows', {
      zh: `表格有 ${rows} 行，超过 50,000 行上限，请拆分后分批导入`,
      en: `The sheet has ${rows} rows, more than the 50,000-row limit; split it into several files`,
    }),
  empty: () => new AppError(422, 'import_empty', { zh: '文件为空或没有数据行', en: 'The file is empty or has no data rows' }),
  encrypted: () =>
    new AppError(422, 'import_encrypted', {
      zh: '文件受密码保护或为旧版 .xls 格式，无法读取：请在 Excel 中取消密码并另存为 .xlsx 后再上传',
      en: 'The file is password-protected or an old .xls workbook: remove the password and save it as .xlsx, then upload again',
    }),
  zipBomb: () =>
    new AppError(422, 'import_zip_bomb', {
      zh: '文件解压后体积异常（疑似压缩炸弹），已拒绝',
      en: 'The file expands to an abnormal size (a suspected zip bomb) and was refused',
    }),
  notSpreadsheet: () =>
    new AppError(415, 'import_not_spreadsheet', {
      zh: '不是可识别的表格文件，请上传 .xlsx 或 .csv 文件',
      en: 'Not a spreadsheet this system can read; upload an .xlsx or .csv file',
    }),
  corrupt: () =>
    new AppError(422, 'import_corrupt', { zh: '表格文件已损坏，无法读取', en: 'The spreadsheet file is damaged and cannot be read' }),
};
