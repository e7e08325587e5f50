import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { AppError } from '../lib/errors.ts';

export interface ReceivedFile {
  /** Final path: `<dir>/<sha256>`, so the same bytes are stored once. */
  path: string;
  sha256: string;
  bytes: number;
  fileName: string | null;
  /** The first bytes, for checking the type by content. */
  head: Buffer;
}

export interface ReceiveOptions {
  dir: string;
  maxBytes: number;
  /** Form field holding the file. */
  field: string;
  /** Checks the first bytes as soon as they arrive; throw an AppError to refuse the upload early. */
  checkHead?: (head: Buffer) => void;
}

/** Name prefix of files still being received; anything left with it after a crash is garbage. */
export const INCOMING_PREFIX = '.incoming-';
/** How many first bytes checkHead sees (enough to tell SVG text from an image). */
const SNIFF_BYTES = 512;

const tooLarge = (max: number) =>
  new AppError(413, 'upload_too_large', {
    zh: `文件超过 ${Math.round(max / 1024 / 1024)} MB 上限`,
    en: `The file is larger than the ${Math.round(max / 1024 / 1024)} MB limit`,
  });
const noFile = (field: string) =>
  new AppError(400, 'upload_missing_file', { zh: `请选择要上传的文件（字段 ${field}）`, en: `No file in field "${field}"` });
const cutOff = () =>
  new AppError(400, 'upload_incomplete', { zh: '上传未完成，连接中断，请重试', en: 'The upload was cut off; please try again' });

/**
 * Streams one file of a multipart/form-data request to disk: never held in memory, hashed on the way,
 * refused as soon as it passes the size cap or its first bytes fail the check. The file appears under its
 * hash only once complete; on any failure the partial file is removed.
 */
export async function receiveUpload(request: Request, options: ReceiveOptions): Promise<ReceivedFile> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!type.startsWith('multipart/form-data') || !request.body) {
    throw new AppError(415, 'upload_not_multipart', { zh: '请以表单文件方式上传', en: 'Send the file as multipart/form-data' });
  }
  await mkdir(options.dir, { recursive: true });
  const temp = join(options.dir, INCOMING_PREFIX + randomBytes(8).toString('hex'));
  try {
    const file = await streamFirstFile(request, type, temp, options);
    const path = join(options.dir, file.sha256);
    await rename(temp, path);
    return { ...file, path };
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function streamFirstFile(request: Request, contentType: string, temp: string, options: ReceiveOptions) {
  return new Promise<Omit<ReceivedFile, 'path'>>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8', limits: { files: 1, fileSize: options.maxBytes, fields: 20 } });
    } catch {
      reject(noFile(options.field));
      return;
    }
    let found = false;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      reject(error instanceof AppError ? error : cutOff());
    };
    parser.on('file', (name, stream, info) => {
      if (name !== options.field || found) {
        stream.resume();
        return;
      }
      found = true;
      const hash = createHash('sha256');
      let bytes = 0;
      let head = Buffer.alloc(0);
      stream.on('limit', () => {
        stream.destroy(tooLarge(options.maxBytes));
      });
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        hash.update(chunk);
        if (head.length < 4096) {
          const before = head.length;
          head = Buffer.concat([head, chunk.subarray(0, 4096 - before)]);
          if (before < SNIFF_BYTES && head.length >= SNIFF_BYTES) {
            try {
              options.checkHead?.(head);
            } catch (error) {
              stream.destroy(error as Error);
            }
          }
        }
      });
      pipeline(stream, createWriteStream(temp))
        .then(() => {
          if (stream.truncated) throw tooLarge(options.maxBytes);
          // Files shorter than the sniffing window are checked at the end.
          if (head.length < SNIFF_BYTES) options.checkHead?.(head);
          if (settled) return;
          settled = true;
          resolve({ sha256: hash.digest('hex'), bytes, fileName: info.filename?.slice(0, 200) || null, head });
        })
        .catch(fail);
    });
    parser.on('error', fail);
    parser.on('close', () => {
      if (!found) fail(noFile(options.field));
    });
    Readable.fromWeb(request.body as import('node:stream/web').ReadableStream).on('error', fail).pipe(parser);
  });
}
