import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const CV_MAX_BYTES = 5 * 1024 * 1024;
export type CvType = 'pdf' | 'docx';

/**
 * What a CV really is, from its bytes (the name and declared type are the sender's word): a PDF starts with
 * `%PDF-`; a DOCX is a ZIP whose entries include `word/document.xml`. Anything else — executables, scripts,
 * images, old .doc — is refused.
 */
export function sniffCv(bytes: Uint8Array): CvType | null {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\x03\x04')) {
    // ZIP local file headers carry entry names in clear; a Word document always has this part.
    const text = Buffer.from(bytes).toString('latin1');
    if (text.includes('word/document.xml') && text.includes('[Content_Types].xml')) return 'docx';
  }
  return null;
}

/** The private folder of uploaded CVs: inside the data dir, outside media/, so no route ever serves it. */
export function cvDir(dataDir: string): string {
  return join(dataDir, 'private', 'cv');
}

/** Stores a CV under a random name, readable by the server's user only; returns the file name. */
export async function storeCv(dataDir: string, bytes: Uint8Array, type: CvType): Promise<string> {
  const dir = cvDir(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = `${randomBytes(16).toString('hex')}.${type}`;
  await writeFile(join(dir, name), bytes, { mode: 0o600, flag: 'wx' });
  return name;
}
