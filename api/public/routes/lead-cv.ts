import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import yauzl from 'yauzl';

export const CV_MAX_BYTES = 5 * 1024 * 1024;
export type CvType = 'pdf' | 'docx';

/** Bounds on a DOCX's ZIP directory: a real CV has a few dozen parts of a few MB at most (zip bombs have more). */
export const DOCX_LIMITS = { maxEntries: 500, maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 60 * 1024 * 1024, maxContentTypesBytes: 64 * 1024 };
const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/** The type a file name claims: only a final `.pdf` or `.docx` counts (`cv.pdf.exe`, `简历.bat`, `.svg` do not). */
export function cvTypeOfName(name: string): CvType | null {
  const ext = /\.([a-z0-9]{1,8})$/i.exec(name.trim())?.[1]?.toLowerCase();
  return ext === 'pdf' || ext === 'docx' ? ext : null;
}

/**
 * What a CV really is (ASVS V5.2.2): its name must end in .pdf or .docx AND its bytes must be that format.
 * A PDF starts with `%PDF-` and has an `%%EOF` marker; a DOCX must open as a real ZIP (yauzl) whose central
 * directory stays within DOCX_LIMITS, with `[Content_Types].xml` declaring a WordprocessingML main part and a
 * `word/document.xml` entry. Nothing is ever extracted. Returns the type, or null when refused.
 */
export async function checkCv(bytes: Uint8Array, fileName: string): Promise<CvType | null> {
  const claimed = cvTypeOfName(fileName);
  if (claimed === 'pdf') return isPdf(bytes) ? 'pdf' : null;
  if (claimed === 'docx') return (await isDocx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) ? 'docx' : null;
  return null;
}

function isPdf(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.subarray(0, 5).toString('latin1') !== '%PDF-') return false;
  // Incremental updates may add trailing bytes after %%EOF; look in the last 2 KB.
  return buf.subarray(Math.max(0, buf.length - 2048)).toString('latin1').includes('%%EOF');
}

function isDocx(buf: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return resolve(false);
      if (zip.entryCount > DOCX_LIMITS.maxEntries) {
        zip.close();
        return resolve(false);
      }
      let total = 0;
      let hasDocument = false;
      let mainDeclared = false;
      const done = (ok: boolean) => {
        zip.close();
        resolve(ok);
      };
      zip.on('error', () => done(false));
      zip.on('end', () => done(hasDocument && mainDeclared));
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        if (entry.uncompressedSize > DOCX_LIMITS.maxEntryBytes || total > DOCX_LIMITS.maxTotalBytes) return done(false);
        if (entry.fileName === 'word/document.xml') hasDocument = true;
        if (entry.fileName !== '[Content_Types].xml') return zip.readEntry();
        if (entry.uncompressedSize > DOCX_LIMITS.maxContentTypesBytes) return done(false);
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return done(false);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', () => done(false));
          stream.on('end', () => {
            mainDeclared = Buffer.concat(chunks).toString('utf8').includes(DOCX_MAIN);
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** The name a CV is downloaded under, chosen by the server: `简历-<lead id>.pdf`. */
export function cvDownloadName(leadId: number, type: CvType): string {
  return `简历-${leadId}.${type}`;
}

/** The private folder of uploaded CVs: inside the data dir, outside media/, so no route ever serves it. */
export function cvDir(dataDir: string): string {
  return join(dataDir, 'private', 'cv');
}

/** Stores a CV under a random name, readable by the server's user only (0600 in a 0700 folder); returns the file name. */
export async function storeCv(dataDir: string, bytes: Uint8Array, type: CvType): Promise<string> {
  const dir = cvDir(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = `${randomBytes(16).toString('hex')}.${type}`;
  await writeFile(join(dir, name), bytes, { mode: 0o600, flag: 'wx' });
  return name;
}
