/**
 * Checks an uploaded file before any spreadsheet reader touches it: an OLE/CFB container (password-protected
 * XLSX or legacy .xls) is refused; a ZIP is inflated entry by entry with bounded entry count, per-entry and total
 * sizes (yauzl also verifies the real sizes against the declared ones), so a zip bomb stops early; anything
 * else must be text (CSV) or is refused. For an XLSX it returns the first sheet's XML, where formulas and merged
 * cells are visible (read-excel-file only gives values).
 */
import yauzl from 'yauzl';
import { IMPORT_LIMITS, refusal } from './limits.ts';

export type Container = { type: 'xlsx'; sheetXml: string } | { type: 'csv'; text: string };

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Sorts an upload into XLSX or CSV, or throws the refusal that says why it cannot be read. */
export async function openContainer(file: Buffer, limits = IMPORT_LIMITS): Promise<Container> {
  if (file.length === 0) throw refusal.empty();
  if (file.subarray(0, 8).equals(CFB_MAGIC)) throw refusal.encrypted();
  if (file.subarray(0, 4).equals(ZIP_MAGIC)) return { type: 'xlsx', sheetXml: await inspectXlsx(file, limits) };
  return { type: 'csv', text: decodeText(file) };
}

/** CSV text: UTF-8 (with or without BOM), else GB 18030 as Excel on Chinese Windows saves it; binary is refused. */
function decodeText(file: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    text = new TextDecoder('gb18030').decode(file);
  }
  // Control characters other than tab/CR/LF mean binary data (an image, a PDF, an executable).
  if (/[\x00-\x08\x0e-\x1f]/.test(text.slice(0, 65536))) throw refusal.notSpreadsheet();
  return text.replace(/^\uFEFF/, '');
}

interface ZipEntry {
  fileName: string;
  uncompressedSize: number;
  compressedSize: number;
}

function openZip(file: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(file, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => (error || !zip ? reject(refusal.corrupt()) : resolve(zip))),
  );
}

/** Visits every entry; `onEntry` returns a collector for the entry's bytes, or null to inflate and count only. */
async function walkZip(file: Buffer, limits: typeof IMPORT_LIMITS, keep: (name: string) => boolean): Promise<Map<string, Buffer>> {
  const zip = await openZip(file);
  const kept = new Map<string, Buffer>();
  let total = 0;
  let count = 0;
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      zip.close();
      reject(error);
    };
    zip.on('error', () => fail(refusal.corrupt()));
    zip.on('end', () => resolve(kept));
    zip.on('entry', (entry: ZipEntry) => {
      count += 1;
      if (count > limits.maxEntries) return fail(refusal.zipBomb());
      // Declared sizes first (cheap); the real bytes are counted below, as a header may lie.
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize > limits.maxEntryBytes || (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio)) return fail(refusal.zipBomb());
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry as yauzl.Entry, (error, stream) => {
        if (error || !stream) return fail(refusal.corrupt());
        const chunks: Buffer[] = [];
        let bytes = 0;
        const collect = keep(entry.fileName);
        stream.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          total += chunk.length;
          if (bytes > limits.maxEntryBytes || total > limits.maxTotalBytes) {
            stream.destroy();
            return fail(refusal.zipBomb());
          }
          if (collect) chunks.push(chunk);
        });
        stream.on('error', () => fail(refusal.zipBomb()));
        stream.on('end', () => {
          if (collect) kept.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}

/** Bomb check over every entry, then the first sheet's XML (the sheet read-excel-file reads). */
async function inspectXlsx(file: Buffer, limits: typeof IMPORT_LIMITS): Promise<string> {
  const meta = await walkZip(file, limits, (name) => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels');
  const workbook = meta.get('xl/workbook.xml')?.toString('utf8');
  if (!workbook) throw refusal.notSpreadsheet();
  const sheetPath = firstSheetPath(workbook, meta.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '');
  const sheet = await walkZip(file, limits, (name) => name === sheetPath);
  const xml = sheet.get(sheetPath);
  if (!xml) throw refusal.corrupt();
  return xml.toString('utf8');
}

function firstSheetPath(workbook: string, rels: string): string {
  const rid = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const rel = rid ? new RegExp(`<Relationship\\b[^>]*\\bId="${rid}"[^>]*>`).exec(rels)?.[0] : undefined;
  const target = rel ? /\bTarget="([^"]+)"/.exec(rel)?.[1] : undefined;
  if (!target) return 'xl/worksheets/sheet1.xml';
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** A cell's address split: column letters and 1-based row. */
export interface CellRef {
  col: number;
  row: number;
}

function parseRef(ref: string): CellRef | null {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) };
}

/** Cells holding a formula and the merged ranges of a sheet's XML (0-based columns, 1-based rows). */
export function sheetFeatures(xml: string): { formulas: CellRef[]; merged: { from: CellRef; to: CellRef }[] } {
  const formulas: CellRef[] = [];
  for (let at = xml.indexOf('<f'); at >= 0; at = xml.indexOf('<f', at + 2)) {
    const next = xml[at + 2];
    if (next !== '>' && next !== ' ' && next !== '/') continue;
    const cellStart = xml.lastIndexOf('<c ', at);
    const r = cellStart >= 0 ? /\br="([^"]+)"/.exec(xml.slice(cellStart, xml.indexOf('>', cellStart)))?.[1] : undefined;
    const ref = r ? parseRef(r) : null;
    if (ref) formulas.push(ref);
  }
  const merged: { from: CellRef; to: CellRef }[] = [];
  for (const m of xml.matchAll(/<mergeCell\b[^>]*\bref="([^":]+):([^"]+)"/g)) {
    const from = parseRef(m[1]!);
    const to = parseRef(m[2]!);
    if (from && to) merged.push({ from, to });
  }
  return { formulas, merged };
}

/** Column letters of a 0-based column index (0 → A, 27 → AB). */
export function columnLetters(col: number): string {
  let out = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}
