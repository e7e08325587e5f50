import { cvDownloadName } from '../public/routes/lead-cv.ts';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { DbLike } from '../db/client.ts';
import { investmentProjects, jobs, leadNotes, leads, products, users, type Lead } from '../db/schema/index.ts';
import { notOwned } from './scope.ts';

export interface LeadFilter {
  status?: Lead['status'] | undefined;
  kind?: Lead['kind'] | undefined;
}

/** The firm's leads, newest first, with the title of the product, job or project each is about. */
export async function listLeads(db: DbLike, enterpriseId: number, filter: LeadFilter = {}, limit = 500) {
  const where: (SQL | undefined)[] = [
    eq(leads.enterpriseId, enterpriseId),
    filter.status ? eq(leads.status, filter.status) : undefined,
    filter.kind ? eq(leads.kind, filter.kind) : undefined,
  ];
  const rows = await db
    .select({
      lead: leads,
      productName: products.name,
      jobTitle: jobs.title,
      projectTitle: investmentProjects.title,
      assigneeName: users.displayName,
    })
    .from(leads)
    .leftJoin(products, eq(products.id, leads.productId))
    .leftJoin(jobs, eq(jobs.id, leads.jobId))
    .leftJoin(investmentProjects, eq(investmentProjects.id, leads.projectId))
    .leftJoin(users, eq(users.id, leads.assigneeUserId))
    .where(and(...where))
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(limit);
  return rows.map(({ lead, productName, jobTitle, projectTitle, assigneeName }) => ({
    ...leadView(lead),
    subject: productName ?? jobTitle ?? projectTitle ?? null,
    assigneeName,
  }));
}

/** What the inbox shows of a lead: private file names and spam-defence keys stay on the server. */
export function leadView(lead: Lead) {
  const { cvFile, receiptToken, dedupeKey, ...shown } = lead;
  // The firm sees the CV under the name it downloads as, never the applicant's own file name.
  const cvName = cvFile !== null && lead.cvType ? cvDownloadName(lead.id, lead.cvType === 'docx' ? 'docx' : 'pdf') : null;
  return { ...shown, cvName, hasCv: cvFile !== null };
}

export async function ownedLead(db: DbLike, enterpriseId: number, leadId: number): Promise<Lead> {
  const [lead] = await db.select().from(leads).where(and(eq(leads.id, leadId), eq(leads.enterpriseId, enterpriseId)));
  if (!lead) throw notOwned({ zh: '线索', en: 'lead' });
  return lead;
}

export async function notesOf(db: DbLike, leadId: number) {
  return db
    .select({ id: leadNotes.id, body: leadNotes.body, createdAt: leadNotes.createdAt, author: users.displayName })
    .from(leadNotes)
    .leftJoin(users, eq(users.id, leadNotes.userId))
    .where(eq(leadNotes.leadId, leadId))
    .orderBy(leadNotes.id);
}

/** A colleague the lead may be assigned to: a user of the same enterprise. */
export async function assertColleague(db: DbLike, enterpriseId: number, userId: number): Promise<void> {
  const [user] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, userId), eq(users.enterpriseId, enterpriseId)));
  if (!user) throw notOwned({ zh: '同事账号', en: 'colleague' });
}
