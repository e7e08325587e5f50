/**
 * Entries into a round: the firm's application (pre-filled from the register, confirmed or corrected, never
 * retyped) and staff nominations from the register; one per firm per round. Lists and details are scoped by
 * `firmScope`, like every admin query.
 */
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { requireFirmAttachments } from '../../attachments/store.ts';
import type { Db, DbLike } from '../../db/client.ts';
import { enterpriseYears, enterprises, selectionApplications, selectionHistory, selectionReviews, experts, users, type SelectionRound } from '../../db/schema/index.ts';
import { APPLICATION_STATES, type ApplicationState } from '../../domain/selection.ts';
import { AppError } from '../../lib/errors.ts';
import { optionalEmail, optionalPhone, plainText } from '../../lib/fields.ts';
import { firmScope, liveFirms } from '../scope.ts';
import type { Actor } from './transitions.ts';
import { movesFor, STATE_LABELS, WORKFLOW } from './workflow.ts';

/** What the firm confirms or corrects: the register's values are the defaults. Money in 万元. */
export const applicationData = z
  .object({
    name: plainText(100, 2),
    contactName: plainText(40, 1),
    contactPhone: optionalPhone,
    contactEmail: optionalEmail,
    mainProduct: plainText(200),
    revenue: z.number().min(0).max(1e8).nullable(),
    employees: z.number().int().min(0).max(1e6).nullable(),
    rdSpend: z.number().min(0).max(1e8).nullable(),
    /** Why the firm wants a hall / the title, in its own words. */
    statement: plainText(2000),
  })
  .strict();
export type ApplicationData = z.infer<typeof applicationData>;

/** The firm's application: the confirmed data, its own attachments, and the free-of-charge notice (must be true). */
export const applyBody = z
  .object({ data: applicationData, attachmentIds: z.array(z.number().int().positive()).max(20).default([]), freeNoticeConfirmed: z.literal(true) })
  .strict();

/** The register's data of a firm as an application's defaults (latest fiscal year's figures). */
export async function prefill(db: DbLike, enterpriseId: number): Promise<ApplicationData> {
  const [firm] = await db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
  if (!firm) throw new AppError(404, 'not_found', { zh: '找不到该企业', en: 'No such enterprise' });
  const [year] = await db.select().from(enterpriseYears).where(eq(enterpriseYears.enterpriseId, enterpriseId)).orderBy(desc(enterpriseYears.fiscalYear)).limit(1);
  return {
    name: firm.name,
    contactName: firm.contactName ?? '',
    contactPhone: firm.contactPhone ?? null,
    contactEmail: firm.contactEmail ?? null,
    mainProduct: firm.mainProduct ?? '',
    revenue: year?.revenue ?? null,
    employees: year?.employees ?? null,
    rdSpend: year?.rdSpend ?? null,
    statement: '',
  };
}

const duplicate = () => new AppError(409, 'already_applied', { zh: '该企业已在本轮次中申报或被提名', en: 'This firm already has an entry in this round' });
const closed = () => new AppError(409, 'round_not_open', { zh: '本轮次当前不接受申报', en: 'This round is not taking applications now' });

/** A firm's own application (portal). 409 when the round is not open or the firm already has an entry. */
export async function applyToRound(db: Db, round: SelectionRound, actor: Actor, enterpriseId: number, body: z.infer<typeof applyBody>, now = new Date()) {
  if (round.state !== 'open') throw closed();
  return db.transaction(async (tx) => {
    await requireFirmAttachments(tx, enterpriseId, body.attachmentIds);
    const [firm] = await tx.select({ county: enterprises.county }).from(enterprises).where(eq(enterprises.id, enterpriseId));
    const [row] = await tx
      .insert(selectionApplications)
      .values({ roundId: round.id, enterpriseId, origin: 'applied', county: firm!.county, data: body.data, attachmentIds: body.attachmentIds, freeNoticeConfirmed: true, submittedBy: actor.id, stateChangedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) throw duplicate();
    await tx.insert(selectionHistory).values({ applicationId: row.id, fromState: null, toState: 'submitted', userId: actor.id, role: actor.role, reason: null, at: now });
    return row;
  });
}

/**
 * Staff nominate firms of their scope (ids ticked in the register or a saved view's matches). Firms out of scope
 * are refused (404); firms already in the round are skipped. Returns the created and skipped counts.
 */
export async function nominate(db: Db, round: SelectionRound, actor: Actor, enterpriseIds: readonly number[], now = new Date()) {
  if (round.state !== 'open') throw closed();
  if (enterpriseIds.length === 0) return { created: 0, skipped: 0 };
  return db.transaction(async (tx) => {
    const firms = enterpriseIds.length ? await tx.select({ id: enterprises.id, county: enterprises.county }).from(enterprises).where(and(inArray(enterprises.id, [...enterpriseIds]), liveFirms(actor))) : [];
    if (firms.length !== new Set(enterpriseIds).size) throw new AppError(404, 'not_found', { zh: '部分企业不存在或不在您的管辖范围内', en: 'Some firms do not exist or are outside your area' });
    let created = 0;
    for (const firm of firms) {
      const data = await prefill(tx, firm.id);
      const [row] = await tx
        .insert(selectionApplications)
        .values({ roundId: round.id, enterpriseId: firm.id, origin: 'nominated', county: firm.county, data, submittedBy: actor.id, stateChangedAt: now })
        .onConflictDoNothing()
        .returning({ id: selectionApplications.id });
      if (!row) continue;
      created += 1;
      await tx.insert(selectionHistory).values({ applicationId: row.id, fromState: null, toState: 'submitted', userId: actor.id, role: actor.role, reason: '提名 (nominated)', at: now });
    }
    return { created, skipped: firms.length - created };
  });
}

/** `?state=&limit=&offset=` of a round's application list. */
export const applicationListQuery = z.object({
  state: z.enum(APPLICATION_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A round's applications in the actor's scope: `{ items: [{ id, enterpriseId, name, county, state, score, … }], total }`, best score first. */
export async function listApplications(db: DbLike, actor: Actor, roundId: number, q: z.infer<typeof applicationListQuery>) {
  const where = and(eq(selectionApplications.roundId, roundId), firmScope(actor), q.state ? eq(selectionApplications.state, q.state) : undefined);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: selectionApplications.id,
        enterpriseId: selectionApplications.enterpriseId,
        name: enterprises.name,
        county: selectionApplications.county,
        origin: selectionApplications.origin,
        state: selectionApplications.state,
        score: selectionApplications.score,
        spread: selectionApplications.spread,
        flagged: selectionApplications.flagged,
        override: selectionApplications.override,
        stateChangedAt: selectionApplications.stateChangedAt,
      })
      .from(selectionApplications)
      .innerJoin(enterprises, eq(enterprises.id, selectionApplications.enterpriseId))
      .where(where)
      .orderBy(sql`${selectionApplications.score} is null`, desc(selectionApplications.score), asc(selectionApplications.id))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(selectionApplications).innerJoin(enterprises, eq(enterprises.id, selectionApplications.enterpriseId)).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Counts per state of a round in the actor's scope (the board's columns). */
export async function stateCounts(db: DbLike, actor: Actor, roundId: number): Promise<Partial<Record<ApplicationState, number>>> {
  const rows = await db
    .select({ state: selectionApplications.state, n: count() })
    .from(selectionApplications)
    .innerJoin(enterprises, eq(enterprises.id, selectionApplications.enterpriseId))
    .where(and(eq(selectionApplications.roundId, roundId), firmScope(actor)))
    .groupBy(selectionApplications.state);
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** The history of an application, oldest first, with both labels of each move. */
export async function historyOf(db: DbLike, applicationId: number) {
  const rows = await db
    .select({ from: selectionHistory.fromState, to: selectionHistory.toState, role: selectionHistory.role, reason: selectionHistory.reason, at: selectionHistory.at, by: users.displayName })
    .from(selectionHistory)
    .leftJoin(users, eq(users.id, selectionHistory.userId))
    .where(eq(selectionHistory.applicationId, applicationId))
    .orderBy(asc(selectionHistory.at), asc(selectionHistory.id));
  return rows.map((r) => {
    const move = r.from ? WORKFLOW[r.from].find((t) => t.to === r.to) : undefined;
    return { ...r, at: r.at.toISOString(), labelFirm: move?.labelFirm ?? STATE_LABELS[r.to].firm, labelStaff: move?.labelStaff ?? STATE_LABELS[r.to].staff };
  });
}

/** The reviews of an application as the bureau sees them (expert names, totals, submitted or not). */
export async function reviewsOf(db: DbLike, applicationId: number) {
  return db
    .select({ id: selectionReviews.id, expertId: selectionReviews.expertId, expert: experts.name, total: selectionReviews.total, scores: selectionReviews.scores, comment: selectionReviews.comment, submittedAt: selectionReviews.submittedAt })
    .from(selectionReviews)
    .innerJoin(experts, eq(experts.id, selectionReviews.expertId))
    .where(eq(selectionReviews.applicationId, applicationId))
    .orderBy(asc(selectionReviews.id));
}

export { movesFor };
