import { and, eq, gte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { investmentProjects, jobs, leads, products, type Lead } from '../../db/schema/index.ts';

type NewLead = typeof leads.$inferInsert;

/** How long a visitor's confirmation link shows what was sent, and duplicates are suppressed. */
export const RECEIPT_TTL_MS = 24 * 3_600_000;

/** Stores a lead from a public form. */
export async function insertLead(db: Db, values: NewLead): Promise<Lead> {
  const [row] = await db.insert(leads).values(values).returning();
  return row!;
}

/** The same submission (same dedupe key) stored within the last day, if any. */
export async function findDuplicateLead(db: Db, dedupeKey: string, now = Date.now()): Promise<Lead | null> {
  const [row] = await db
    .select()
    .from(leads)
    .where(and(eq(leads.dedupeKey, dedupeKey), gte(leads.createdAt, new Date(now - RECEIPT_TTL_MS))))
    .limit(1);
  return row ?? null;
}

/** What the visitor sent, for the confirmation page, while the receipt link is fresh. */
export async function leadByReceipt(db: Db, token: string, now = Date.now()) {
  const [row] = await db
    .select({
      lead: leads,
      productName: products.name,
      jobTitle: jobs.title,
      projectTitle: investmentProjects.title,
    })
    .from(leads)
    .leftJoin(products, eq(products.id, leads.productId))
    .leftJoin(jobs, eq(jobs.id, leads.jobId))
    .leftJoin(investmentProjects, eq(investmentProjects.id, leads.projectId))
    .where(and(eq(leads.receiptToken, token), gte(leads.createdAt, new Date(now - RECEIPT_TTL_MS))));
  return row ?? null;
}
