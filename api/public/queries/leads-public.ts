import { and, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { formTokenUses, investmentProjects, jobs, leads, products, type Lead } from '../../db/schema/index.ts';

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

/** How long a used form nonce is remembered: past the form's maximum age its token is refused as stale anyway. */
const FORM_TOKEN_MEMORY_MS = 25 * 3_600_000;

/**
 * Records a form token's nonce as used; false when it was used before (a replay or a double submit). The database
 * decides, so every app process sharing it agrees. Old nonces are pruned on the way.
 */
export async function useFormToken(db: Db, nonce: string, now = Date.now()): Promise<boolean> {
  await db.delete(formTokenUses).where(lt(formTokenUses.usedAt, new Date(now - FORM_TOKEN_MEMORY_MS)));
  const inserted = await db.insert(formTokenUses).values({ nonce, usedAt: new Date(now) }).onConflictDoNothing().returning();
  return inserted.length === 1;
}
