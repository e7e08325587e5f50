import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { jobs, leads } from '../../db/schema/index.ts';
import { apiClient, createTestContext, makeHall, makeUser, type TestContext } from '../../testing.ts';
import { docxBombOf, docxOf, zipOf } from '../testing/zip.ts';
import { checkCv, DOCX_LIMITS } from './lead-cv.ts';
import { issueFormToken, submitLead } from './lead-form.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('CV checks: allowed extension AND matching content (ASVS V5.2)', () => {
  it.each([
    ['简历.bat', PDF],
    ['简历.html', PDF],
    ['cv.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['cv.pdf.exe', PDF],
    ['cv', PDF],
    ['cv.docx', PDF],
    ['cv.pdf', docxOf()],
  ])('refuses %s', async (name, bytes) => {
    expect(await checkCv(bytes, name)).toBeNull();
  });

  it('accepts a real PDF and a real DOCX under their own extensions, in any case', async () => {
    expect(await checkCv(PDF, '张三-简历.PDF')).toBe('pdf');
    expect(await checkCv(docxOf(), '张三-简历.docx')).toBe('docx');
  });

  it('opens a DOCX as a ZIP: part names merely present in the bytes do not make one', async () => {
    const fake = Buffer.from('PK\x03\x04....[Content_Types].xml....PK\x03\x04word/document.xml....');
    expect(await checkCv(fake, 'cv.docx')).toBeNull();
    const noMainPart = zipOf([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }]);
    expect(await checkCv(noMainPart, 'cv.docx')).toBeNull();
  });

  it('refuses ZIPs beyond the size and entry bounds without inflating them', async () => {
    expect(await checkCv(docxBombOf(DOCX_LIMITS.maxEntryBytes + 1), 'cv.docx')).toBeNull();
    const many = zipOf([
      ...docxEntries(),
      ...Array.from({ length: DOCX_LIMITS.maxEntries }, (_, i) => ({ name: `word/media/p${i}.xml`, data: 'x' })),
    ]);
    expect(await checkCv(many, 'cv.docx')).toBeNull();
  });
});

/** The entries of a real DOCX, to pad with more. */
function docxEntries() {
  return [
    { name: '[Content_Types].xml', data: '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' },
    { name: 'word/document.xml', data: '<w:document/>' },
  ];
}

describe('CV download', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await createTestContext();
  });
  afterEach(() => ctx.cleanup());

  it('goes out under a name the server chose, as an attachment, never sniffed', async () => {
    const { enterprise } = await makeHall(ctx.db);
    const [job] = await ctx.db.insert(jobs).values({ enterpriseId: enterprise.id, title: '车工', validUntil: '2999-12-31' }).returning();
    const t0 = 1_800_000_000_000;
    const result = await submitLead(
      ctx,
      {
        kind: 'application',
        itemId: job!.id,
        ip: '203.0.113.7',
        lang: 'zh',
        sourcePage: `/jobs/${job!.id}`,
        fields: { started: issueFormToken(ctx, t0), name: '张三', phone: '13800000000', message: '', consent: 'on', cv: new File([PDF], '"><img src=x>.pdf') },
      },
      t0 + 10_000,
    );
    expect(result.ok).toBe(true);
    const [lead] = await ctx.db.select().from(leads);
    await makeUser(ctx.db, { enterpriseId: enterprise.id, email: 'hr@example.org' });
    const browser = apiClient(createApi(ctx));
    await browser.call('POST', '/auth/login', { email: 'hr@example.org', password: 'correct horse battery' });
    const inbox = await browser.call('GET', `/portal/enterprises/${enterprise.id}/leads/${lead!.id}`);
    expect(JSON.stringify(inbox.json)).not.toContain('<img');
    const res = await browser.call('GET', `/portal/enterprises/${enterprise.id}/leads/${lead!.id}/cv`);
    expect(res.status).toBe(200);
    const disposition = res.res.headers.get('Content-Disposition')!;
    expect(disposition).toMatch(/^attachment; /);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!)).toBe(`简历-${lead!.id}.pdf`);
    expect(disposition).not.toContain('img');
    expect(res.res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});
