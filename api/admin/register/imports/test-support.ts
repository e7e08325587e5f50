/** Test support for imports: XLSX files written with write-excel-file, hand-made ZIPs, a signed-in staff client. */
import { deflateRawSync, createDeflateRaw } from 'node:zlib';
import writeXlsxFile from 'write-excel-file/node';
import type { createApi } from '../../../app.ts';
import type { County } from '../../../domain/program.ts';
import { apiClient, makeUser, signInWithSecondFactor, type TestContext } from '../../../testing.ts';

export type SheetCell = string | number | null | { formula: string } | { value: string | number; span: number };

/** An .xlsx file from rows of cells (a `{ formula }` cell holds a formula, `{ span }` merges cells to the right). */
export async function xlsx(rows: SheetCell[][]): Promise<Buffer> {
  const data = rows.map((row) =>
    row.map((c) => {
      if (c === null) return null;
      if (typeof c === 'object' && 'formula' in c) return { type: 'Formula', value: c.formula };
      if (typeof c === 'object') return { value: c.value, type: typeof c.value === 'number' ? Number : String, columnSpan: c.span };
      return { value: c, type: typeof c === 'number' ? Number : String };
    }),
  );
  return writeXlsxFile(data as never).toBuffer();
}

/** A ZIP archive of raw-deflated entries; `declared` lets an entry lie about its uncompressed size. */
export function zipOf(entries: { name: string; deflated: Buffer; declared: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** `megabytes` of zeros, raw-deflated in chunks (a ~1000:1 bomb without holding the plain bytes). */
export async function deflatedZeros(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++) if (!deflate.write(zeros)) await new Promise((r) => deflate.once('drain', r));
  deflate.end();
  await done;
  return Buffer.concat(out);
}

export const deflated = (text: string) => deflateRawSync(Buffer.from(text));

/** A signed-in staff member (county officers get their area). */
export async function staffClient(ctx: TestContext, api: ReturnType<typeof createApi>, role: 'bureau' | 'admin' | 'county', county?: County) {
  const user = await makeUser(ctx.db, { role, county: county ?? null, totp: true });
  const client = apiClient(api);
  const login = await signInWithSecondFactor(client, user.email);
  if (login.status !== 200) throw new Error(`login ${login.status} ${JSON.stringify(login.json)}`);
  return {
    user,
    client,
    async upload(kind: string, file: Buffer, fields: Record<string, string> = {}, name = 'sheet.xlsx') {
      const form = new FormData();
      form.append('kind', kind);
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('file', new Blob([new Uint8Array(file)]), name);
      const res = await api.request('/admin/imports', { method: 'POST', body: form, headers: { Cookie: client.cookie, 'X-CSRF-Token': client.csrf } });
      return { status: res.status, json: await res.json() };
    },
  };
}
