import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { todayInChina } from '../../lib/dates.ts';
import type { Db, DbLike } from '../../db/client.ts';
import { enterprises, experts, serviceRequests, serviceTeamFirms, serviceTeams, serviceVisits, visitConsents, type ServiceVisit } from '../../db/schema/index.ts';
import { VISIT_STATUSES } from '../../db/schema/service-work.ts';
import { OPEN_REQUEST_STATES } from '../../domain/requests.ts';
import { requireFirmAttachments } from '../../attachments/store.ts';
import { AppError, type Message } from '../../lib/errors.ts';
import { emptyText, idParam, isoDate } from '../../lib/fields.ts';
import { firmInScope } from '../register/queries.ts';
import { firmNotFound, type ScopeActor } from '../scope.ts';
import { requestInScope } from './request-queries.ts';
import { visitScope } from './scope.ts';

/** Days either side of a visit within which another team's visit to the same firm is announced (ADMIN.md: several agencies visiting one firm). */
export const VISIT_CLASH_DAYS = 14;


/** A visit as staff log or plan it. */
export const visitInput = z
  .object({
    enterpriseId: idParam,
    requestId: idParam.nullable().optional(),
    status: z.enum(['planned', 'done']),
    date: isoDate,
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).nullable().optional(),
    durationMinutes: z.number().int().min(1).max(24 * 60).nullable().optional(),
    expertIds: z.array(idParam).max(20).default([]),
    diagnosis: emptyText(5000),
    actionsAgreed: emptyText(5000),
    followUpDue: isoDate.nullable().optional(),
    attachmentIds: z.array(idParam).max(20).default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    const problem = visitDateProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: `${problem.message.zh} (${problem.message.en})` });
  });

/**
 * The date rules of a visit (China dates): one logged as made cannot lie ahead of `today`; a follow-up is due on or
 * after the visit. Null when the dates hold; else the field at fault and why. Used for new visits and updates.
 */
export function visitDateProblem(v: { status: string; date: string; followUpDue?: string | null }, today = todayInChina()): { field: 'date' | 'followUpDue'; message: Message } | null {
  if (v.status === 'done' && v.date > today) return { field: 'date', message: { zh: '已走访的日期不能晚于今天', en: 'a visit made cannot be dated in the future' } };
  if (v.followUpDue && v.followUpDue < v.date) return { field: 'followUpDue', message: { zh: '跟进日期不能早于走访日期', en: 'the follow-up cannot be due before the visit' } };
  return null;
}
export type VisitInput = z.infer<typeof visitInput>;

const shiftDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const notRequested = () =>
  new AppError(409, 'visit_not_requested', {
    zh: '非请勿扰：该企业没有未办结的诉求，也没有同意上门服务，不能安排或登记走访',
    en: 'Do not disturb: the firm has no open request and has not agreed to visits, so no visit can be planned or logged',
  });

/**
 * 非请勿扰 on the server: why a visit to this firm is allowed — 'request' when the firm has an open request (the
 * one given, which must be the firm's and open, or any), 'consent' when it has an explicit consent not withdrawn.
 * Throws 409 `visit_not_requested` otherwise.
 */
export async function visitBasis(db: DbLike, enterpriseId: number, requestId: number | null): Promise<'request' | 'consent'> {
  const open = await db
    .select({ id: serviceRequests.id })
    .from(serviceRequests)
    .where(and(eq(serviceRequests.enterpriseId, enterpriseId), inArray(serviceRequests.state, [...OPEN_REQUEST_STATES]), requestId ? eq(serviceRequests.id, requestId) : undefined))
    .limit(1);
  if (open.length > 0) return 'request';
  const [consent] = await db.select({ id: visitConsents.id }).from(visitConsents).where(and(eq(visitConsents.enterpriseId, enterpriseId), isNull(visitConsents.withdrawnAt))).limit(1);
  if (consent) return 'consent';
  throw notRequested();
}

/** Other teams' visits (planned or done) to the firm within VISIT_CLASH_DAYS of `date`. */
export async function visitClashes(db: DbLike, enterpriseId: number, date: string, teamId: number | null, exceptId?: number) {
  return db
    .select({ id: serviceVisits.id, date: serviceVisits.date, status: serviceVisits.status, teamId: serviceVisits.teamId, teamName: serviceTeams.name })
    .from(serviceVisits)
    .leftJoin(serviceTeams, eq(serviceTeams.id, serviceVisits.teamId))
    .where(
      and(
        eq(serviceVisits.enterpriseId, enterpriseId),
        ne(serviceVisits.status, 'cancelled'),
        gte(serviceVisits.date, shiftDays(date, -VISIT_CLASH_DAYS)),
        lte(serviceVisits.date, shiftDays(date, VISIT_CLASH_DAYS)),
        teamId === null ? undefined : sql`coalesce(${serviceVisits.teamId}, 0) <> ${teamId}`,
        exceptId ? ne(serviceVisits.id, exceptId) : undefined,
      ),
    )
    .orderBy(asc(serviceVisits.date));
}

/**
 * Plans or logs a visit: the firm must be in the actor's scope (or the request routed to the expert's team), the
 * visit allowed by 非请勿扰 (`visitBasis`, 409 otherwise), attachments the firm's own, experts existing. The team is
 * the request's, else the one serving the firm. Returns the visit and the two-week warnings.
 */
export async function createVisit(db: Db, actor: ScopeActor, input: VisitInput) {
  const requestId = input.requestId ?? null;
  let teamId: number | null = null;
  if (requestId !== null) {
    const found = await requestInScope(db, actor, requestId);
    if (!found || found.request.enterpriseId !== input.enterpriseId) throw new AppError(404, 'not_found', { zh: '找不到该诉求', en: 'No such request' });
    teamId = found.request.teamId;
  } else if (!(await firmInScope(db, actor, input.enterpriseId))) {
    throw firmNotFound();
  }
  return db.transaction(async (tx) => {
    const basis = await visitBasis(tx, input.enterpriseId, requestId);
    await requireFirmAttachments(tx, input.enterpriseId, input.attachmentIds);
    if (input.expertIds.length) {
      const known = await tx.select({ id: experts.id }).from(experts).where(inArray(experts.id, input.expertIds));
      if (known.length !== new Set(input.expertIds).size) throw new AppError(400, 'expert_unknown', { zh: '专家不存在', en: 'No such expert' });
    }
    // An expert logging its own visit is one of the people who went, unless it named others.
    if (input.expertIds.length === 0 && actor.role === 'expert') {
      const [me] = await tx.select({ id: experts.id }).from(experts).where(eq(experts.userId, actor.id));
      if (me) input = { ...input, expertIds: [me.id] };
    }
    if (teamId === null) {
      const [served] = await tx.select({ teamId: serviceTeamFirms.teamId }).from(serviceTeamFirms).where(eq(serviceTeamFirms.enterpriseId, input.enterpriseId));
      teamId = served?.teamId ?? null;
    }
    const [visit] = await tx
      .insert(serviceVisits)
      .values({ ...input, requestId, teamId, basis, startTime: input.startTime ?? null, durationMinutes: input.durationMinutes ?? null, followUpDue: input.followUpDue ?? null, loggedBy: actor.id })
      .returning();
    const warnings = await visitClashes(tx, input.enterpriseId, input.date, teamId, visit!.id);
    return { visit: visitView(visit!), warnings };
  });
}

/** A visit for JSON (timestamps as ISO strings). */
export function visitView(v: ServiceVisit) {
  return { ...v, createdAt: v.createdAt.toISOString(), updatedAt: v.updatedAt.toISOString() };
}

export const calendarQuery = z.object({
  from: isoDate,
  to: isoDate,
  team: idParam.optional(),
  firm: idParam.optional(),
});

/**
 * The shared calendar: visits (not cancelled) between `from` and `to` in the actor's scope, across all teams,
 * each with `clash` = another team visits or plans to visit the same firm within VISIT_CLASH_DAYS. At most 2,000.
 */
export async function visitCalendar(db: DbLike, actor: ScopeActor, q: z.infer<typeof calendarQuery>) {
  const other = sql`exists (select 1 from service_visits v2 where v2.enterprise_id = ${serviceVisits.enterpriseId} and v2.id <> ${serviceVisits.id}
    and v2.status <> 'cancelled' and coalesce(v2.team_id, 0) <> coalesce(${serviceVisits.teamId}, 0)
    and v2.date between date(${serviceVisits.date}, '-${sql.raw(String(VISIT_CLASH_DAYS))} days') and date(${serviceVisits.date}, '+${sql.raw(String(VISIT_CLASH_DAYS))} days'))`;
  const rows = await db
    .select({ visit: serviceVisits, enterpriseName: enterprises.name, teamName: serviceTeams.name, clash: sql<number>`${other}`.mapWith(Number) })
    .from(serviceVisits)
    .innerJoin(enterprises, eq(enterprises.id, serviceVisits.enterpriseId))
    .leftJoin(serviceTeams, eq(serviceTeams.id, serviceVisits.teamId))
    .where(
      and(
        visitScope(actor),
        isNull(enterprises.deletedAt),
        ne(serviceVisits.status, 'cancelled'),
        gte(serviceVisits.date, q.from),
        lte(serviceVisits.date, q.to),
        q.team ? eq(serviceVisits.teamId, q.team) : undefined,
        q.firm ? eq(serviceVisits.enterpriseId, q.firm) : undefined,
      ),
    )
    .orderBy(asc(serviceVisits.date), asc(serviceVisits.startTime))
    .limit(2000);
  return rows.map((r) => ({ ...visitView(r.visit), enterpriseName: r.enterpriseName, teamName: r.teamName, clash: r.clash === 1 }));
}

/** A firm's visits (dossier, portal), newest first. */
export async function visitsOfFirm(db: DbLike, enterpriseId: number) {
  const rows = await db
    .select({ visit: serviceVisits, teamName: serviceTeams.name })
    .from(serviceVisits)
    .leftJoin(serviceTeams, eq(serviceTeams.id, serviceVisits.teamId))
    .where(eq(serviceVisits.enterpriseId, enterpriseId))
    .orderBy(desc(serviceVisits.date), desc(serviceVisits.id))
    .limit(500);
  return rows.map((r) => ({ ...visitView(r.visit), teamName: r.teamName }));
}

export { VISIT_STATUSES };
