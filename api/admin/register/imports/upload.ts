/** Receives an import upload: the file (in memory, capped at 20 MB while streaming) and the form's text fields. */
import { Readable } from 'node:stream';
import busboy from 'busboy';
import { AppError } from '../../../lib/errors.ts';
import { IMPORT_LIMITS, refusal } from './limits.ts';

export interface ImportUpload {
  file: Buffer;
  fileName: string;
  fields: Record<string, string>;
}

const noFile = () => new AppError(400, 'upload_missing_file', { zh: '请选择要导入的表格文件', en: 'Choose a spreadsheet file to import' });

/** Reads a multipart/form-data request with one `file` and up to 20 short fields. */
export async function receiveImport(request: Request, maxBytes = IMPORT_LIMITS.maxBytes): Promise<ImportUpload> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!type.startsWith('multipart/form-data') || !request.body) {
    throw new AppError(415, 'upload_not_multipart', { zh: '请以表单文件方式上传', en: 'Send the file as multipart/form-data' });
  }
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': type }, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 1000 } });
    } catch {
      reject(noFile());
      return;
    }
    const fields: Record<string, string> = {};
    let file: { chunks: Buffer[]; name: string; done: Promise<void> } | null = null;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      reject(error instanceof AppError ? error : new AppError(400, 'upload_incomplete', { zh: '上传未完成，请重试', en: 'The upload was cut off; please try again' }));
    };
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || file) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      const done = new Promise<void>((ok, ko) => {
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('limit', () => ko(refusal.tooLarge()));
        stream.on('end', () => ok());
        stream.on('error', ko);
      });
      file = { chunks, name: info.filename?.slice(0, 200) || 'upload', done };
      done.catch(fail);
    });
    parser.on('error', fail);
    parser.on('close', () => {
      if (!file) return fail(noFile());
      const f: { chunks: Buffer[]; name: string; done: Promise<void> } = file;
      f.done.then(() => {
        if (!failed) resolve({ file: Buffer.concat(f.chunks), fileName: f.name, fields });
      }, fail);
    });
    Readable.fromWeb(request.body as import('node:stream/web').ReadableStream).on('error', fail).pipe(parser);
  });
}
