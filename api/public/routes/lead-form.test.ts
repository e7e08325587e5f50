import { existsSync, readdirSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leads, products, jobs } from '../../db/schema/index.ts';
import { createTestContext, makeHall, type TestContext } from '../../testing.ts';
import { cvDir } from './lead-cv.ts';
import { docxOf } from '../testing/zip.ts';
import { issueFormToken, submitLead, type LeadSubmission } from './lead-form.ts';

let ctx: TestContext;
let productId: number;
let jobId: number;
const T0 = 1_800_000_000_000;

beforeEach(async () => {
  ctx = await createTestContext();
  const { enterprise } = await makeHall(ctx.db);
  productId = (await ctx.db.insert(products).values({ enterpriseId: enterprise.id, name: '深沟球轴承' }).returning())[0]!.id;
  jobId = (await ctx.db.insert(jobs).values({ enterpriseId: enterprise.id, title: '车工', validUntil: '2999-12-31' }).returning())[0]!.id;
});
afterEach(() => ctx.cleanup());

const inquiry = (fields: Record<string, string | File>, over: Partial<LeadSubmission> = {}): LeadSubmission => ({
  kind: 'inquiry',
  itemId: productId,
  ip: '203.0.113.7',
  lang: 'zh',
  sourcePage: `/products/${productId}`,
  fields: { started: issueFormToken(ctx, T0), name: '王经理', phone: '13800000000', message: '请报价 1000 套', consent: 'on', ...fields },
  ...over,
});
const later = T0 + 10_000;
const stored = async () => ctx.db.select().from(leads);
const pdf = (bytes = 2000) => new File([Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes), Buffer.from('\n%%EOF\n')])], '简历.pdf', { type: 'application/pdf' });

describe('public lead forms', () => {
  it('stores an inquiry with consent time and notice version, and returns a receipt', async () => {
    const r = await submitLead(ctx, inquiry({}), later);
    expect(r).toMatchObject({ ok: true, duplicate: false });
    const [lead] = await stored();
    expect(lead).toMatchObject({ kind: 'inquiry', productId, contactName: '王经理', phone: '13800000000', consentVersion: '2026-11-01' });
    expect(lead!.consentAt.getTime()).toBe(later);
  });

  it('explains every missing or malformed field in both languages', async () => {
    const r = await submitLead(ctx, inquiry({ name: '', phone: '12345', email: 'not-an-email', consent: '', message: '' }), later);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['consent', 'email', 'name', 'phone']);
    expect(r.errors.phone?.zh).toContain('号码');
    expect(r.errors.phone?.en).toContain('phone');
    expect(await stored()).toHaveLength(0);
  });

  it('needs a phone or an email, and refuses oversized text', async () => {
    const none = await submitLead(ctx, inquiry({ phone: '', email: '' }), later);
    expect(none.ok || none.errors.phone?.en).toBe('Please leave a phone number or an email address');
    const long = await submitLead(ctx, inquiry({ name: '名'.repeat(41), message: 'x'.repeat(2001) }), later);
    expect(long.ok ? [] : Object.keys(long.errors).sort()).toEqual(['message', 'name']);
  });

  it('accepts full-width digits and spaces in phone numbers, refuses emoji; keeps markup as plain text', async () => {
    expect((await submitLead(ctx, inquiry({ phone: '📞13800000000' }), later)).ok).toBe(false);
    const r = await submitLead(ctx, inquiry({ phone: '＋86 138-0000 0000', name: '<img src=x onerror=alert(1)>' }), later);
    expect(r.ok).toBe(true);
    const [lead] = await stored();
    expect(lead!.phone).toBe('+8613800000000');
    expect(lead!.contactName).toBe('<img src=x onerror=alert(1)>');
  });

  it('stores the same submission once', async () => {
    await submitLead(ctx, inquiry({}), later);
    const b = await submitLead(ctx, inquiry({}), later + 1000);
    expect(b).toMatchObject({ ok: true, receipt: null, duplicate: true });
    expect(await stored()).toHaveLength(1);
  });

  it('drops honeypot submissions silently, refuses forms sent too fast or forged', async () => {
    expect(await submitLead(ctx, inquiry({ website: 'http://spam.example' }), later)).toEqual({ ok: true, receipt: null, duplicate: false });
    expect(await submitLead(ctx, inquiry({}), T0 + 500)).toMatchObject({ ok: false, status: 429 });
    expect(await submitLead(ctx, inquiry({ started: `${T0}.forged` }), later)).toMatchObject({ ok: false, status: 400 });
    expect(await stored()).toHaveLength(0);
  });

  it('limits a flood from one address, then from many addresses to one hall', async () => {
    const results = [];
    for (let i = 0; i < 8; i++) results.push((await submitLead(ctx, inquiry({ message: `第 ${i} 次` }), later + i)).ok);
    expect(results).toEqual([true, true, true, true, true, false, false, false]);
    const many = [];
    for (let i = 0; i < 40; i++) many.push((await submitLead(ctx, inquiry({ message: `批量 ${i}` }, { ip: `198.51.100.${i}` }), later + 100 + i)).ok);
    expect(many.filter(Boolean)).toHaveLength(10); // 10 an hour per hall from one /24 network
    expect(await stored()).toHaveLength(15);
  });

  it('refuses a job for a product id and listings that are not public', async () => {
    const r = await submitLead(ctx, inquiry({}, { itemId: 999_999 }), later);
    expect(r).toMatchObject({ ok: false, status: 404 });
  });
});

describe('job applications with a CV', () => {
  const apply = (cv: File | string) => ({
    ...inquiry({ cv, message: '' }),
    kind: 'application' as const,
    itemId: jobId,
  });

  it('stores a real PDF privately, outside the public media folder', async () => {
    const r = await submitLead(ctx, apply(pdf()), later);
    expect(r.ok).toBe(true);
    const [lead] = await stored();
    expect(lead).toMatchObject({ kind: 'application', jobId, cvType: 'pdf', cvName: '简历.pdf' });
    const file = `${cvDir(ctx.config.dataDir)}/${lead!.cvFile}`;
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(file.startsWith(ctx.mediaDir)).toBe(false);
  });

  it('refuses an executable named .pdf, a missing CV and a CV over 5 MB, storing nothing', async () => {
    const exe = new File([Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(100)])], 'cv.pdf', { type: 'application/pdf' });
    const elf = new File([Buffer.from('\x7fELF\x02\x01\x01')], 'cv.docx');
    const zip = new File([Buffer.from('PK\x03\x04 payload.exe')], 'cv.docx');
    for (const [cv, field] of [[exe, 'cvType'], [elf, 'cvType'], [zip, 'cvType'], ['', 'cv'], [pdf(5 * 1024 * 1024), 'cvSize']] as const) {
      const r = await submitLead(ctx, apply(cv), later);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.cv?.en).toMatch(field === 'cvType' ? /not a real PDF or DOCX/ : field === 'cvSize' ? /larger than 5 MB/ : /upload your CV/);
    }
    expect(await stored()).toHaveLength(0);
    expect(existsSync(cvDir(ctx.config.dataDir)) ? readdirSync(cvDir(ctx.config.dataDir)) : []).toEqual([]);
  });

  it('accepts a real DOCX', async () => {
    const docx = new File([docxOf()], 'cv.docx');
    expect((await submitLead(ctx, apply(docx), later)).ok).toBe(true);
  });
});
