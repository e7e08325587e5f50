import { z } from 'zod';
import { COOPERATION_MODES } from '../db/schema/index.ts';
import { isoDate, optionalHttpUrl, optionalText, plainText } from '../lib/fields.ts';

const status = z.enum(['draft', 'published', 'archived']).optional();

const product = z.object({
  name: plainText(80, 1),
  nameEn: optionalText(120),
  summary: plainText(200),
  summaryEn: optionalText(300),
  description: plainText(5000),
  specs: z.array(z.tuple([plainText(30, 1), plainText(100, 1)])).max(30),
  /** Yuan; null means 面议 (price on request). Stored in fen. */
  price: z.number().nonnegative().max(1e9).nullable(),
  priceUnit: optionalText(10),
  purchaseUrl: optionalHttpUrl,
  status,
});
const toProductRow = <T extends { price?: number | null }>({ price, ...rest }: T) => ({
  ...rest,
  ...(price === undefined ? {} : { priceFen: price === null ? null : Math.round(price * 100) }),
});

const job = z.object({
  title: plainText(60, 1),
  titleEn: optionalText(100),
  salaryMin: z.number().int().nonnegative().max(1_000_000).nullable(),
  salaryMax: z.number().int().nonnegative().max(1_000_000).nullable(),
  location: plainText(100),
  headcount: z.number().int().min(1).max(9999),
  requirements: plainText(3000),
  description: plainText(5000),
  validUntil: isoDate,
  status,
});
const salaryOrder = (j: { salaryMin?: number | null; salaryMax?: number | null }) =>
  j.salaryMin == null || j.salaryMax == null || j.salaryMin <= j.salaryMax;
const salaryMessage = { message: '最低薪资不能高于最高薪资 (minimum salary above maximum)', path: ['salaryMin'] };

const project = z.object({
  title: plainText(80, 1),
  titleEn: optionalText(120),
  sector: plainText(40, 1),
  amountWan: z.number().int().nonnegative().max(100_000_000).nullable(),
  cooperationMode: z.enum(COOPERATION_MODES),
  summary: plainText(300),
  description: plainText(5000),
  status,
});

type RecordRule = (merged: Record<string, unknown>) => { field: string; zh: string; en: string } | null;

/** Rules over a whole stored listing, checked after a PATCH is merged into it (ASVS V2: validate the record). */
export const LISTING_RECORD_RULES: Record<'product' | 'job' | 'project', RecordRule> = {
  product: () => null,
  job: (j) =>
    salaryOrder(j as { salaryMin?: number | null; salaryMax?: number | null })
      ? null
      : { field: 'salaryMin', zh: '最低薪资不能高于最高薪资', en: 'minimum salary above maximum' },
  project: () => null,
};

/** What the portal may send for each kind of listing: `create` needs the essentials, `patch` any subset. */
export const LISTING_INPUTS = {
  product: {
    create: product.partial().required({ name: true }).transform(toProductRow),
    patch: product.partial().transform(toProductRow),
  },
  job: {
    create: job.partial().required({ title: true, validUntil: true }).refine(salaryOrder, salaryMessage),
    patch: job.partial().refine(salaryOrder, salaryMessage),
  },
  project: {
    create: project.partial().required({ title: true, sector: true, cooperationMode: true }),
    patch: project.partial(),
  },
};
