import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbLike } from '../db/client.ts';
import { attachments, type Attachment } from '../db/schema/index.ts';
import { AppError } from '../lib/errors.ts';
import { receiveUpload } from '../uploads/receive.ts';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MIME, attachmentTypeRefused, checkAttachment, sniffAttachment } from './check.ts';
import { downloadDisposition } from '../lib/content-disposition.ts';

/** The private folder of attachments: inside the data dir, outside media/, so no static route ever serves it. */
export function attachmentDir(dataDir: string): string {
  return join(dataDir, 'private', 'attachments');
}

/** What the API answers about a stored attachment (never its stored name). */
export interface AttachmentView {
  id: number;
  name: string;
  type: Attachment['type'];
  bytes: number;
  createdAt: string;
}

export const attachmentView = (a: Attachment): AttachmentView => ({ id: a.id, name: a.name, type: a.type, bytes: a.bytes, createdAt: a.createdAt.toISOString() });

async function readTail(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const length = Math.min(2048, size);
    const buf = Buffer.alloc(length);
    await handle.read(buf, 0, length, Math.max(0, Math.min(size, bytes) - length));
    return buf;
  } finally {
    await handle.close();
  }
}

/**
 * Receives one file (multipart field `file`, ≤ ATTACHMENT_MAX_BYTES, streamed to disk, refused by its first bytes
 * when they are not PDF/JPEG/PNG), checks it by content and name (checkAttachment), stores it under a random name
 * (0600 in a 0700 folder) and records it for the firm. Nothing is left on disk when any step fails.
 * Errors: 413 upload_too_large, 415 attachment_type / upload_not_multipart, 400 upload_missing_file.
 */
export async function saveAttachment(
  db: Db,
  dataDir: string,
  request: Request,
  owner: { enterpriseId: number; userId: number },
): Promise<AttachmentView> {
  const dir = attachmentDir(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const incoming = join(dir, `.incoming-${randomBytes(8).toString('hex')}`);
  let stored: string | null = null;
  try {
    const file = await receiveUpload(request, {
      dir: incoming,
      maxBytes: ATTACHMENT_MAX_BYTES,
      field: 'file',
      checkHead: (head) => {
        if (!sniffAttachment(head)) throw attachmentTypeRefused();
      },
    });
    const type = checkAttachment(file.head, await readTail(file.path, file.bytes), file.fileName);
    const storedName = `${randomBytes(16).toString('hex')}.${type}`;
    await rename(file.path, join(dir, storedName));
    stored = join(dir, storedName);
    const name = (file.fileName ?? `附件.${type}`).replace(/[\u0000-\u001f\\/]/g, '_').slice(0, 200);
    const [row] = await db
      .insert(attachments)
      .values({ enterpriseId: owner.enterpriseId, uploadedBy: owner.userId, type, name, bytes: file.bytes, sha256: file.sha256, storedName })
      .returning();
    stored = null;
    return attachmentView(row!);
  } finally {
    await rm(incoming, { recursive: true, force: true });
    if (stored) await rm(stored, { force: true });
  }
}

/**
 * The attachments `ids` of one firm, in the order given; 400 `attachment_unknown` when any id is not that firm's
 * (a record must never point at another firm's documents). Call it in the transaction that saves the record.
 */
export async function requireFirmAttachments(db: DbLike, enterpriseId: number, ids: readonly number[]): Promise<Attachment[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(attachments).where(and(eq(attachments.enterpriseId, enterpriseId), inArray(attachments.id, [...ids])));
  if (rows.length !== new Set(ids).size) {
    throw new AppError(400, 'attachment_unknown', { zh: '附件不存在或不属于该企业，请重新上传', en: 'An attachment does not exist or belongs to another firm; upload it again' });
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

/** The HTTP response downloading an attachment: its proven type, the uploader's name, never rendered inline. */
export function attachmentResponse(dataDir: string, a: Attachment): Response {
  const stream = Readable.toWeb(createReadStream(join(attachmentDir(dataDir), a.storedName))) as ReadableStream;
  return new Response(stream, {
    headers: {
      'Content-Type': ATTACHMENT_MIME[a.type],
      'Content-Length': String(a.bytes),
      'Content-Disposition': downloadDisposition(a.name),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
