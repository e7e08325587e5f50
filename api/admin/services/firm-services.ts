import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbLike } from '../../db/client.ts';
import { experts, serviceRequests, serviceTeams, visitConsents } from '../../db/schema/index.ts';
import { isOverdue, SLA_STATES } from '../../domain/sla.ts';
import { visitsOfFirm } from './visits.ts';

/**
 * The services part of a firm's dossier: its requests (newest first, with team, expert, deadline, rating), its visits
 * (planned and done) and its current consent to visits. `today` is the China date deciding what is overdue.
 */
export async function firmServices(db: DbLike, enterpriseId: number, today: string) {
  const [requests, visits, [consent]] = await Promise.all([
    db
      .select({
        id: serviceRequests.id,
        title: serviceRequests.title,
        supportAction: serviceRequests.supportAction,
        serviceItem: serviceRequests.serviceItem,
        state: serviceRequests.state,
        priority: serviceRequests.priority,
        reopenCount: serviceRequests.reopenCount,
        dueAt: serviceRequests.dueAt,
        rating: serviceRequests.rating,
        feedback: serviceRequests.feedback,
        teamName: serviceTeams.name,
        expertName: experts.name,
        createdAt: serviceRequests.createdAt,
      })
      .from(serviceRequests)
      .leftJoin(serviceTeams, eq(serviceTeams.id, serviceRequests.teamId))
      .leftJoin(experts, eq(experts.id, serviceRequests.expertId))
      .where(eq(serviceRequests.enterpriseId, enterpriseId))
      .orderBy(desc(serviceRequests.id))
      .limit(200),
    visitsOfFirm(db, enterpriseId),
    db.select().from(visitConsents).where(and(eq(visitConsents.enterpriseId, enterpriseId), isNull(visitConsents.withdrawnAt))).limit(1),
  ]);
  return {
    requests: requests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), overdue: (SLA_STATES as readonly string[]).includes(r.state) && isOverdue(r.dueAt, today) })),
    visits: visits.slice(0, 200),
    consent: consent ? { givenAt: consent.givenAt.toISOString(), note: consent.note } : null,
  };
}
