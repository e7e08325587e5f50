import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/client.ts';
import { enterprises, experts, serviceRequests, serviceTeamFirms, serviceTeamMembers, serviceTeams, serviceVisits, users } from '../../db/schema/index.ts';
import { OPEN_REQUEST_STATES } from '../../domain/requests.ts';
import { overdueCondition } from './request-queries.ts';

/**
 * The ten teams with their members (experts and the 服务专员) and workload: firms served, open requests, overdue
 * requests (on `today`), visits in the last 90 days and planned ones ahead.
 */
export async function teamsWithWorkload(db: DbLike, today: string) {
  const since = new Date(Date.parse(`${today}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10);
  const [teams, members, firms, open, overdue, visits] = await Promise.all([
    db.select().from(serviceTeams).orderBy(asc(serviceTeams.number)),
    db
      .select({ id: serviceTeamMembers.id, teamId: serviceTeamMembers.teamId, role: serviceTeamMembers.role, expertId: experts.id, expertName: experts.name, expertStatus: experts.status, userName: users.displayName })
      .from(serviceTeamMembers)
      .leftJoin(experts, eq(experts.id, serviceTeamMembers.expertId))
      .leftJoin(users, eq(users.id, serviceTeamMembers.userId))
      .orderBy(asc(serviceTeamMembers.role), asc(experts.name)),
    db.select({ teamId: serviceTeamFirms.teamId, n: sql<number>`count(*)`.mapWith(Number) }).from(serviceTeamFirms).groupBy(serviceTeamFirms.teamId),
    db
      .select({ teamId: serviceRequests.teamId, n: sql<number>`count(*)`.mapWith(Number) })
      .from(serviceRequests)
      .where(inArray(serviceRequests.state, [...OPEN_REQUEST_STATES]))
      .groupBy(serviceRequests.teamId),
    db.select({ teamId: serviceRequests.teamId, n: sql<number>`count(*)`.mapWith(Number) }).from(serviceRequests).where(overdueCondition(today)).groupBy(serviceRequests.teamId),
    db
      .select({
        teamId: serviceVisits.teamId,
        done: sql<number>`sum(case when ${serviceVisits.status} = 'done' and ${serviceVisits.date} >= ${since} and ${serviceVisits.date} <= ${today} then 1 else 0 end)`.mapWith(Number),
        planned: sql<number>`sum(case when ${serviceVisits.status} = 'planned' and ${serviceVisits.date} >= ${today} then 1 else 0 end)`.mapWith(Number),
      })
      .from(serviceVisits)
      .groupBy(serviceVisits.teamId),
  ]);
  const by = <T extends { teamId: number | null }>(rows: T[]) => new Map(rows.map((r) => [r.teamId, r]));
  const [f, o, d, v] = [by(firms), by(open), by(overdue), by(visits)];
  return teams.map((t) => ({
    id: t.id,
    number: t.number,
    name: t.name,
    focus: t.focus,
    members: members.filter((m) => m.teamId === t.id).map(({ teamId: _t, ...m }) => m),
    firms: f.get(t.id)?.n ?? 0,
    openRequests: o.get(t.id)?.n ?? 0,
    overdueRequests: d.get(t.id)?.n ?? 0,
    visits90d: v.get(t.id)?.done ?? 0,
    plannedVisits: v.get(t.id)?.planned ?? 0,
  }));
}

/**
 * Assigns firms to a team in bulk (from the register's selection, saved view or filters): each firm served by at
 * most one team, so a firm served by another team moves to this one. Only live firms among `ids` are assigned.
 * Returns how many were newly assigned and how many moved from another team.
 */
export async function assignFirms(db: Db, teamId: number, ids: number[], by: number): Promise<{ assigned: number; moved: number }> {
  return db.transaction(async (tx) => {
    let assigned = 0;
    let moved = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const live = await tx.select({ id: enterprises.id }).from(enterprises).where(and(inArray(enterprises.id, chunk), isNull(enterprises.deletedAt)));
      const liveIds = live.map((r) => r.id);
      if (liveIds.length === 0) continue;
      const existing = await tx.select({ enterpriseId: serviceTeamFirms.enterpriseId, teamId: serviceTeamFirms.teamId }).from(serviceTeamFirms).where(inArray(serviceTeamFirms.enterpriseId, liveIds));
      const current = new Map(existing.map((r) => [r.enterpriseId, r.teamId]));
      const toMove = liveIds.filter((id) => current.has(id) && current.get(id) !== teamId);
      const toAdd = liveIds.filter((id) => !current.has(id));
      if (toMove.length) await tx.update(serviceTeamFirms).set({ teamId, assignedBy: by, updatedAt: new Date() }).where(inArray(serviceTeamFirms.enterpriseId, toMove));
      if (toAdd.length) await tx.insert(serviceTeamFirms).values(toAdd.map((enterpriseId) => ({ teamId, enterpriseId, assignedBy: by })));
      assigned += toAdd.length;
      moved += toMove.length;
    }
    return { assigned, moved };
  });
}
