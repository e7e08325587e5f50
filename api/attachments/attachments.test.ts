import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createApi } from '../app.ts';
import { apiClient, createTestContext, makeEnterprise, makeUser, signInWithSecondFactor, type TestContext } from '../testing.ts';
import { attachmentDir, requireFirmAttachments } from './store.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;
beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
});
afterEach(() => ctx.cleanup());

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const png = () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#c00' } }).png().toBuffer();

async function firmUser(county: 'linqing' | 'dongchangfu' = 'linqing') {
  const firm = await makeEnterprise(ctx.db, { county });
  const email = `owner-${firm.id}@example.org`;
  await makeUser(ctx.db, { enterpriseId: firm.id, email });
  const client = apiClient(api);
  expect((await client.call('POST', '/auth/login', { email, password: 'correct horse battery' })).status).toBe(200);
  return { firm, client };
}

async function staff(role: 'county' | 'bureau', county: 'linqing' | null = null) {
  const email = `${role}-${Math.random().toString(36).slice(2)}@bureau.example`;
  await makeUser(ctx.db, { role, county, email, totp: true });
  const client = apiClient(api);
  expect((await signInWithSecondFactor(client, email)).status).toBe(200);
  return client;
}

describe('attachments', () => {
  it('stores a PDF or a photo checked by content, and refuses what is not one or lies about its name', async () => {
    const { firm, client } = await firmUser();
    const base = `/portal/enterprises/${firm.id}/attachments`;
    const pdf = await client.upload(base, PDF, '营业执照.pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.json).toMatchObject({ name: '营业执照.pdf', type: 'pdf', bytes: PDF.length });
    expect((await client.upload(base, await png(), '车间.png')).json).toMatchObject({ type: 'png' });
    for (const [bytes, name] of [
      [await png(), '假的.pdf'],
      [PDF, '报告.pdf.exe'],
      [new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg'],
      [new TextEncoder().encode('%PDF-1.4 cut off in the middle'), '残缺.pdf'],
    ] as const) {
      const res = await client.upload(base, bytes, name);
      expect(res.status, name).toBe(415);
      expect(res.json.error.code).toBe('attachment_type');
    }
    // Refused uploads leave nothing behind: two stored files, no partial ones.
    expect((await readdir(attachmentDir(ctx.config.dataDir))).filter((n) => !n.startsWith('.'))).toHaveLength(2);
    expect((await readdir(attachmentDir(ctx.config.dataDir))).filter((n) => n.startsWith('.'))).toEqual([]);

    const download = await client.call('GET', `${base}/${pdf.json.id}`);
    expect(download.status).toBe(200);
    expect(download.res.headers.get('Content-Type')).toBe('application/pdf');
    expect(download.res.headers.get('Content-Disposition')).toContain("filename*=UTF-8''%E8%90%A5");
    expect(new Uint8Array(await download.res.arrayBuffer())).toEqual(PDF);
  });

  it('shows a firm’s documents to the firm and to staff whose scope includes it — nobody else', async () => {
    const { firm, client } = await firmUser('linqing');
    const other = await firmUser('dongchangfu');
    const id = (await client.upload(`/portal/enterprises/${firm.id}/attachments`, PDF, 'a.pdf')).json.id;
    expect((await other.client.call('GET', `/portal/enterprises/${other.firm.id}/attachments/${id}`)).status).toBe(404);
    expect((await other.client.call('GET', `/portal/enterprises/${firm.id}/attachments/${id}`)).status).toBe(403);
    expect((await (await staff('county', 'linqing')).call('GET', `/admin/attachments/${id}`)).status).toBe(200);
    expect((await (await staff('bureau')).call('GET', `/admin/attachments/${id}`)).status).toBe(200);
    const outside = await staff('county', 'linqing');
    expect((await outside.call('GET', `/admin/attachments/${(await other.client.upload(`/portal/enterprises/${other.firm.id}/attachments`, PDF, 'b.pdf')).json.id}`)).status).toBe(404);
    expect((await outside.upload(`/admin/enterprises/${other.firm.id}/attachments`, PDF, 'c.pdf')).status).toBe(404);
    expect((await outside.upload(`/admin/enterprises/${firm.id}/attachments`, PDF, 'c.pdf')).status).toBe(201);
    await expect(requireFirmAttachments(ctx.db, other.firm.id, [id])).rejects.toMatchObject({ code: 'attachment_unknown' });
    expect((await requireFirmAttachments(ctx.db, firm.id, [id])).map((a) => a.id)).toEqual([id]);
  });
});
