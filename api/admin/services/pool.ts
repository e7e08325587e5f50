import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/client.ts';
import { experts, serviceProviders, servicePoolEvents, serviceTeamMembers, users } from '../../db/schema/index.ts';
import { POOL_STATUSES, type PoolStatus } from '../../domain/services.ts';
import { AppError } from '../../lib/errors.ts';
import type { ScopeActor } from '../scope.ts';

/**
 * Admission review and dynamic management (动态管理) of the alliance and the pool: allowed status changes. A pending
 * application is admitted or turned down (retired); an active member may be suspended or retired; a suspended one
 * reinstated or retired; retirement is final.
 */
export const POOL_MOVES: Record<PoolStatus, readonly PoolStatus[]> = {
  pending: ['active', 'retired'],
  active: ['suspended', 'retired'],
  suspended: ['active', 'retired'],
  retired: [],
};

/**
 * Changes a provider's or an expert's status with a reason (required), recording the history; 409
 * `pool_move_not_allowed` when POOL_MOVES has no such move, 404 when the record does not exist.
 */
export async function changePoolStatus(db: Db, actor: ScopeActor, subject: 'provider' | 'expert', id: number, to: PoolStatus, reason: string, now = new Date()) {
  const table = subject === 'provider' ? serviceProviders : experts;
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ status: table.status, version: table.version }).from(table).where(eq(table.id, id));
    if (!row) throw new AppError(404, 'not_found', { zh: subject === 'provider' ? '找不到该服务商' : '找不到该专家', en: `No such ${subject}` });
    if (!POOL_MOVES[row.status].includes(to)) {
      throw new AppError(409, 'pool_move_not_allowed', { zh: `不能从“${row.status}”改为“${to}”`, en: `Cannot move from ${row.status} to ${to}` });
    }
    await tx.update(table).set({ status: to, statusReason: reason, version: row.version + 1, updatedAt: now }).where(eq(table.id, id));
    await tx.insert(servicePoolEvents).values({ subject, subjectId: id, fromStatus: row.status, toStatus: to, reason, actorId: actor.id, at: now });
    return { id, status: to };
  });
}

/** A provider's or an expert's status history, newest first. */
export async function poolHistory(db: DbLike, subject: 'provider' | 'expert', id: number) {
  const rows = await db
    .select({ e: servicePoolEvents, actorName: users.displayName })
    .from(servicePoolEvents)
    .leftJoin(users, eq(users.id, servicePoolEvents.actorId))
    .where(and(eq(servicePoolEvents.subject, subject), eq(servicePoolEvents.subjectId, id)))
    .orderBy(desc(servicePoolEvents.id));
  return rows.map((r) => ({ ...r.e, at: r.e.at.toISOString(), actorName: r.actorName }));
}

/** Providers with their experts' count and rating (mean of the experts' ratings weighted by count). */
export async function listProviders(db: DbLike, status?: PoolStatus) {
  return db
    .select({
      id: serviceProviders.id,
      name: serviceProviders.name,
      county: serviceProviders.county,
      specialties: serviceProviders.specialties,
      qualifications: serviceProviders.qualifications,
      status: serviceProviders.status,
      statusReason: serviceProviders.statusReason,
      experts: sql<number>`(select count(*) from ${experts} where ${experts.providerId} = ${serviceProviders.id})`.mapWith(Number),
      rating: sql<number | null>`(select round(sum(${experts.rating} * ${experts.ratingCount}) / nullif(sum(${experts.ratingCount}), 0), 2) from ${experts} where ${experts.providerId} = ${serviceProviders.id})`,
    })
    .from(serviceProviders)
    .where(status ? eq(serviceProviders.status, status) : undefined)
    .orderBy(asc(serviceProviders.name));
}

/** Experts of the pool (optionally by status), with their provider's name. */
export async function listExperts(db: DbLike, status?: PoolStatus) {
  return db
    .select({
      id: experts.id,
      name: experts.name,
      title: experts.title,
      providerId: experts.providerId,
      providerName: serviceProviders.name,
      specialties: experts.specialties,
      counties: experts.counties,
      qualifications: experts.qualifications,
      status: experts.status,
      statusReason: experts.statusReason,
      rating: experts.rating,
      ratingCount: experts.ratingCount,
      hasAccount: sql<number>`${experts.userId} is not null`.mapWith(Boolean),
    })
    .from(experts)
    .leftJoin(serviceProviders, eq(serviceProviders.id, experts.providerId))
    .where(status ? eq(experts.status, status) : undefined)
    .orderBy(asc(experts.name));
}

export { POOL_STATUSES };

/** An application to the alliance (provider) or the pool (expert): stored `pending` with its first history entry. */
export async function applyToPool(
  db: Db,
  actor: ScopeActor,
  input: { subject: 'provider'; row: typeof serviceProviders.$inferInsert } | { subject: 'expert'; row: typeof experts.$inferInsert },
  now = new Date(),
): Promise<{ id: number; status: PoolStatus }> {
  return db.transaction(async (tx) => {
    const [row] =
      input.subject === 'provider'
        ? await tx.insert(serviceProviders).values({ ...input.row, status: 'pending' }).returning({ id: serviceProviders.id })
        : await tx.insert(experts).values({ ...input.row, status: 'pending', userId: null }).returning({ id: experts.id });
    await tx.insert(servicePoolEvents).values({ subject: input.subject, subjectId: row!.id, fromStatus: null, toStatus: 'pending', reason: '提交入库申请', actorId: actor.id, at: now });
    return { id: row!.id, status: 'pending' };
  });
}

/**
 * Adds a member to a team: an active expert as lead or member, or a staff account (county or bureau) as the
 * 服务专员 (liaison). 400 `member_invalid` otherwise; 409 `member_exists` when already in the team.
 */
export async function addTeamMember(db: Db, teamId: number, input: { role: 'lead' | 'member'; expertId: number } | { role: 'liaison'; userId: number }) {
  if (input.role === 'liaison') {
    const [staff] = await db.select({ role: users.role }).from(users).where(and(eq(users.id, input.userId), eq(users.disabled, false)));
    if (!staff || (staff.role !== 'county' && staff.role !== 'bureau')) throw new AppError(400, 'member_invalid', { zh: '服务专员须为县区或市局工作人员', en: 'A liaison must be a county or bureau staff account' });
  } else {
    const [expert] = await db.select({ status: experts.status }).from(experts).where(eq(experts.id, input.expertId));
    if (expert?.status !== 'active') throw new AppError(400, 'member_invalid', { zh: '只有在库专家可以加入服务团', en: 'Only active experts can join a team' });
  }
  const values = input.role === 'liaison' ? { teamId, userId: input.userId, role: input.role } : { teamId, expertId: input.expertId, role: input.role };
  const [row] = await db.insert(serviceTeamMembers).values(values).onConflictDoNothing().returning({ id: serviceTeamMembers.id });
  if (!row) throw new AppError(409, 'member_exists', { zh: '已是该服务团成员', en: 'Already a member of this team' });
  return { id: row.id };
}
