import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { getJob, getProduct, getProject } from '../queries/boards.ts';
import { findDuplicateLead, insertLead, useFormToken } from '../queries/leads-public.ts';
import { networkOf } from '../../lib/client-address.ts';
import { securityEvent } from '../../lib/security-log.ts';
import type { Message } from '../../lib/errors.ts';
import { recordVisit } from './events.ts';
import { checkCv, CV_MAX_BYTES, storeCv } from './lead-cv.ts';
import { RateLimiter } from '../../lib/rate-limit.ts';
import { FormClock, LEAD_LIMITS } from './lead-guard.ts';

/** The version of the privacy notice (/privacy) a consent refers to; bump it when the notice changes. */
export const PRIVACY_NOTICE_VERSION = '2026-11-01';

export const PUBLIC_LEAD_KINDS = ['inquiry', 'application', 'investment'] as const;
export type PublicLeadKind = (typeof PUBLIC_LEAD_KINDS)[number];

/** Why a field was refused, in both languages. */
export const LEAD_FIELD_MESSAGES = {
  name: { zh: '请填写姓名（1–40 字）', en: 'Please enter your name (1–40 characters)' },
  phone: { zh: '请填写有效的手机或座机号码，例如 13800000000', en: 'Please enter a valid phone number, e.g. 13800000000' },
  email: { zh: '邮箱格式不正确', en: 'This email address is not valid' },
  contact: { zh: '请至少留下电话或邮箱之一', en: 'Please leave a phone number or an email address' },
  organisation: { zh: '单位名称不超过 80 字', en: 'Organisation: at most 80 characters' },
  message: { zh: '留言不超过 2000 字', en: 'Message: at most 2,000 characters' },
  messageRequired: { zh: '请填写留言内容', en: 'Please write a message' },
  consent: { zh: '请阅读并同意个人信息处理说明', en: 'Please read and accept the privacy notice' },
  cv: { zh: '请上传 PDF 或 DOCX 格式的简历，不超过 5 MB', en: 'Please upload your CV as PDF or DOCX, at most 5 MB' },
  cvType: { zh: '简历文件不是真正的 PDF 或 DOCX（须为 .pdf 或 .docx，且内容与之相符），未保存', en: 'The CV is not a real PDF or DOCX file (named .pdf or .docx, with matching content); nothing was stored' },
  cvSize: { zh: '简历文件超过 5 MB', en: 'The CV is larger than 5 MB' },
} satisfies Record<string, Message>;
export type LeadField = 'name' | 'phone' | 'email' | 'organisation' | 'message' | 'consent' | 'cv' | 'form';

/** Form-level refusals. */
export const LEAD_FORM_MESSAGES = {
  tooFast: { zh: '提交过快，请稍候几秒再提交', en: 'That was very quick — please wait a few seconds and submit again' },
  stale: { zh: '表单已过期，请刷新页面后重新填写', en: 'This form has expired; please reload the page and fill it in again' },
  rateIp: { zh: '提交次数过多，请稍后再试', en: 'Too many submissions; please try again later' },
  rateHall: { zh: '该企业暂时收到过多留言，请稍后再试', en: 'This firm is receiving too many messages; please try again later' },
  gone: { zh: '该信息已下线，无法提交', en: 'This listing is no longer available' },
} satisfies Record<string, Message>;

// NFKC turns full-width digits and letters into ASCII; separators people type are dropped.
const normalizePhone = (v: string) => v.normalize('NFKC').replace(/[\s\u3000()\-–—.]/gu, '');
const PHONE = /^(?:\+?86)?(?:1[3-9]\d{9}|0\d{2,3}\d{7,8})$/;
// Names are text, not markup or control characters; Astro escapes on output anyway.
const plain = (max: number) =>
  z
    .string()
    .transform((v) => v.normalize('NFKC').replace(/[\u0000-\u001f\u007f]/g, ' ').trim())
    .pipe(z.string().max(max));

const leadSchema = z
  .object({
    name: plain(40).pipe(z.string().min(1, 'name')),
    phone: z
      .string()
      .transform(normalizePhone)
      .refine((v) => v === '' || PHONE.test(v), 'phone'),
    email: z
      .string()
      .transform((v) => v.normalize('NFKC').trim().toLowerCase())
      .refine((v) => v === '' || z.email().safeParse(v).success, 'email'),
    organisation: plain(80),
    message: z
      .string()
      .transform((v) => v.normalize('NFC').replace(/\r\n/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim())
      .pipe(z.string().max(2000, 'message')),
    consent: z.literal('on', 'consent'),
  })
  .refine((v) => v.phone !== '' || v.email !== '', { message: 'contact', path: ['phone'] });

export interface LeadSubmission {
  kind: PublicLeadKind;
  itemId: number;
  fields: Record<string, string | File | undefined>;
  ip: string;
  lang: 'zh' | 'en';
  sourcePage: string;
}

export type LeadResult =
  | { ok: true; receipt: string | null; duplicate: boolean }
  | { ok: false; status: number; errors: Partial<Record<LeadField, Message>> };

interface Guards {
  clock: FormClock;
  perIp: RateLimiter;
  perHallNetwork: RateLimiter;
  perHall: RateLimiter;
}
const guards = new WeakMap<AppContext, Guards>();
function guardsOf(ctx: AppContext): Guards {
  let g = guards.get(ctx);
  if (!g) {
    g = {
      clock: new FormClock(ctx.config.dataDir),
      perIp: new RateLimiter(ctx.db, 'lead-ip', ...LEAD_LIMITS.perIp),
      perHallNetwork: new RateLimiter(ctx.db, 'lead-hall-network', ...LEAD_LIMITS.perHallNetwork),
      perHall: new RateLimiter(ctx.db, 'lead-hall', ...LEAD_LIMITS.perHall),
    };
    guards.set(ctx, g);
  }
  return g;
}

/** A signed start time for a freshly rendered form (the hidden `started` field). */
export function issueFormToken(ctx: AppContext, now = Date.now()): string {
  return guardsOf(ctx).clock.issue(now);
}

const str = (v: string | File | undefined) => (typeof v === 'string' ? v : '');

/** What a duplicate, a replayed form or a honeypot hit is told: thank you, and nothing about anyone's earlier submission. */
const GENERIC_THANKS = { ok: true, receipt: null, duplicate: false } as const satisfies LeadResult;

/**
 * Checks and stores one public form submission: validation, spam defences, duplicate suppression, private CV.
 * Order matters (ASVS V2, PIPL): rate limits come before the duplicate check, and a duplicate or a form token used
 * before gets the same generic thank-you as a new submission would — never the earlier submission's receipt.
 */
export async function submitLead(ctx: AppContext, s: LeadSubmission, now = Date.now()): Promise<LeadResult> {
  const fail = (status: number, errors: Partial<Record<LeadField, Message>>): LeadResult => ({ ok: false, status, errors });
  const { clock, perIp, perHallNetwork, perHall } = guardsOf(ctx);
  // Honeypot: people never see the field; a bot that fills it is told "thank you" and nothing is stored.
  if (str(s.fields.website) !== '') return GENERIC_THANKS;
  const timing = clock.check(str(s.fields.started), now);
  if (timing === 'invalid') return fail(400, { form: LEAD_FORM_MESSAGES.stale });
  if (timing === 'too_fast') return fail(429, { form: LEAD_FORM_MESSAGES.tooFast });

  const parsed = leadSchema.safeParse({
    name: str(s.fields.name),
    phone: str(s.fields.phone),
    email: str(s.fields.email),
    organisation: str(s.fields.organisation),
    message: str(s.fields.message),
    consent: str(s.fields.consent),
  });
  const errors: Partial<Record<LeadField, Message>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form') as LeadField;
      const key = issue.message in LEAD_FIELD_MESSAGES ? (issue.message as keyof typeof LEAD_FIELD_MESSAGES) : field;
      errors[field] ??= LEAD_FIELD_MESSAGES[key as keyof typeof LEAD_FIELD_MESSAGES] ?? LEAD_FIELD_MESSAGES.name;
    }
  }
  if (parsed.success && s.kind === 'inquiry' && parsed.data.message === '') errors.message = LEAD_FIELD_MESSAGES.messageRequired;

  let cv: { bytes: Uint8Array; type: 'pdf' | 'docx'; name: string } | null = null;
  if (s.kind === 'application') {
    const file = s.fields.cv;
    if (!(file instanceof File) || file.size === 0) errors.cv = LEAD_FIELD_MESSAGES.cv;
    else if (file.size > CV_MAX_BYTES) errors.cv = LEAD_FIELD_MESSAGES.cvSize;
    else {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const type = await checkCv(bytes, file.name);
      if (!type) errors.cv = LEAD_FIELD_MESSAGES.cvType;
      else cv = { bytes, type, name: file.name.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(-120) };
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return fail(400, errors);
  const form = parsed.data;

  const item = await itemOf(ctx, s.kind, s.itemId);
  if (!item) return fail(404, { form: LEAD_FORM_MESSAGES.gone });

  const dedupeKey = createHash('sha256')
    .update(JSON.stringify([s.kind, s.itemId, form.name, form.phone, form.email, form.message, cv?.bytes.length ?? 0]))
    .digest('base64url');
  const limited = (key: 'rateIp' | 'rateHall', scope: string) => {
    securityEvent({ type: 'rate_limited', ip: s.ip, route: `POST ${s.sourcePage.slice(0, 100)}`, detail: { scope, enterpriseId: item.enterpriseId } });
    return fail(429, { form: LEAD_FORM_MESSAGES[key] });
  };
  if (!(await perIp.take(s.ip, now))) return limited('rateIp', 'ip');
  if (!(await perHallNetwork.take(`${item.enterpriseId}|${networkOf(s.ip)}`, now))) return limited('rateHall', 'hall_network');
  if (!(await perHall.take(String(item.enterpriseId), now))) return limited('rateHall', 'hall');

  if (!(await useFormToken(ctx.db, clock.nonceOf(str(s.fields.started)), now))) return GENERIC_THANKS;
  if (await findDuplicateLead(ctx.db, dedupeKey, now)) return { ...GENERIC_THANKS, duplicate: true };

  const receipt = randomBytes(18).toString('base64url');
  const cvFile = cv ? await storeCv(ctx.config.dataDir, cv.bytes, cv.type) : null;
  await insertLead(ctx.db, {
    enterpriseId: item.enterpriseId,
    kind: s.kind,
    productId: s.kind === 'inquiry' ? s.itemId : null,
    jobId: s.kind === 'application' ? s.itemId : null,
    projectId: s.kind === 'investment' ? s.itemId : null,
    contactName: form.name,
    phone: form.phone || null,
    email: form.email || null,
    organisation: form.organisation || null,
    message: form.message,
    consentAt: new Date(now),
    consentVersion: PRIVACY_NOTICE_VERSION,
    sourcePage: s.sourcePage.slice(0, 300),
    lang: s.lang,
    receiptToken: receipt,
    dedupeKey,
    cvFile,
    cvName: cv?.name ?? null,
    cvType: cv?.type ?? null,
    cvBytes: cv?.bytes.length ?? null,
    createdAt: new Date(now),
    updatedAt: new Date(now),
  });
  recordVisit(ctx, { kind: 'form_submit', enterpriseId: item.enterpriseId });
  return { ok: true, receipt, duplicate: false };
}

async function itemOf(ctx: AppContext, kind: PublicLeadKind, id: number): Promise<{ enterpriseId: number } | null> {
  const row = kind === 'inquiry' ? await getProduct(ctx.db, id) : kind === 'application' ? await getJob(ctx.db, id) : await getProject(ctx.db, id);
  return row ? { enterpriseId: row.firm.id } : null;
}
