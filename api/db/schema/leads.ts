import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { enterprises } from './enterprises.ts';
import { timestamps } from './columns.ts';
import { investmentProjects, jobs, products } from './listings.ts';
import { users } from './users.ts';

export const LEAD_KINDS = ['inquiry', 'application', 'investment', 'contact'] as const;
/** 新线索 → 已联系 → 洽谈中 → 已成交 / 无效 */
export const LEAD_STATUSES = ['new', 'contacted', 'negotiating', 'won', 'invalid'] as const;

/** A visitor's inquiry, job application or investment intent, visible to that enterprise only. */
export const leads = sqliteTable(
  'leads',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    kind: text({ enum: LEAD_KINDS }).notNull(),
    productId: integer().references(() => products.id, { onDelete: 'set null' }),
    jobId: integer().references(() => jobs.id, { onDelete: 'set null' }),
    projectId: integer().references(() => investmentProjects.id, { onDelete: 'set null' }),
    contactName: text().notNull(),
    phone: text(),
    email: text(),
    organisation: text(),
    message: text().notNull().default(''),
    /** PIPL: when consent was given and to which version of the privacy notice. */
    consentAt: integer({ mode: 'timestamp_ms' }).notNull(),
    consentVersion: text().notNull(),
    sourcePage: text(),
    /** UI language the visitor wrote in: replies go out in it. */
    lang: text({ enum: ['zh', 'en'] }),
    /** Unguessable key of the visitor's confirmation page (shows what was sent, for a day). */
    receiptToken: text(),
    /** Hash of kind, item, contact and message: the same submission twice within a day is stored once. */
    dedupeKey: text(),
    /** An application's CV: file name inside the private data dir (never under media/), original name, type, size. */
    cvFile: text(),
    cvName: text(),
    cvType: text({ enum: ['pdf', 'docx'] }),
    cvBytes: integer(),
    status: text({ enum: LEAD_STATUSES }).notNull().default('new'),
    assigneeUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('leads_ent_idx').on(t.enterpriseId, t.status, t.createdAt),
    uniqueIndex('leads_receipt_uq').on(t.receiptToken),
    index('leads_dedupe_idx').on(t.dedupeKey, t.createdAt),
  ],
);

export type Lead = typeof leads.$inferSelect;

/** A note an enterprise user keeps on a lead (a call made, what was agreed). */
export const leadNotes = sqliteTable(
  'lead_notes',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    leadId: integer()
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    body: text().notNull(),
    ...timestamps,
  },
  (t) => [index('lead_notes_lead_idx').on(t.leadId)],
);

export type LeadNote = typeof leadNotes.$inferSelect;

/**
 * Public form tokens already used (ASVS V2: a signed form start is good for one submission). The nonce is the
 * token's random part; rows older than the form's maximum age are pruned, since such tokens are stale anyway.
 */
export const formTokenUses = sqliteTable('form_token_uses', {
  nonce: text().primaryKey(),
  usedAt: integer({ mode: 'timestamp_ms' }).notNull(),
});
