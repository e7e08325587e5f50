import { and, asc, count, desc, eq, gte, max, sql, sum } from 'drizzle-orm';
import type { DbLike } from '../../db/client.ts';
import {
  cohorts,
  cohortSelections,
  enterpriseNotes,
  enterpriseYears,
  halls,
  hotspots,
  leads,
  scenes,
  tierRecognitions,
  users,
  visitCounts,
  type User,
} from '../../db/schema/index.ts';
import { firmOutcomes } from '../outcomes/queries.ts';
import { firmNotFound, type ScopeActor } from '../scope.ts';
import { fieldHistory } from './history.ts';
import { firmServices } from '../services/firm-services.ts';
import { effectiveTitleStatus, firmInScope } from './queries.ts';

type Actor = ScopeActor;

/**
 * The firm's dossier (一企一档) as the bureau sees it: the register record (the same row the firm edits in the
 * portal), its title ledger with today's status, yearly data with sources, the hall (status, scenes, hotspots, last
 * update, visits and leads of the last 30 days, public link), cohorts, the firm's portal users, notes, field-level
 * history, its service outcomes, and the services it asked for and received (requests with their state, visits,
 * consent to visits). 404 outside the actor's scope. `today` is an ISO date.
 */
export async function dossier(db: DbLike, actor: Actor, id: number, today: string) {
  const firm = await firmInScope(db, actor, id);
  if (!firm) throw firmNotFound();
  const since = new Date(Date.parse(today + 'T00:00:00Z') - 29 * 86_400_000).toISOString().slice(0, 10);
  const [titles, years, hallRows, cohortRows, people, notes, history, outcomes, services] = await Promise.all([
    db.select().from(tierRecognitions).where(eq(tierRecognitions.enterpriseId, id)).orderBy(desc(tierRecognitions.year), asc(tierRecognitions.tier)),
    db.select().from(enterpriseYears).where(eq(enterpriseYears.enterpriseId, id)).orderBy(desc(enterpriseYears.fiscalYear)),
    db.select().from(halls).where(eq(halls.enterpriseId, id)),
    db
      .select({ year: cohorts.year, title: cohorts.title })
      .from(cohortSelections)
      .innerJoin(cohorts, eq(cohorts.id, cohortSelections.cohortId))
      .where(eq(cohortSelections.enterpriseId, id))
      .orderBy(desc(cohorts.year)),
    db
      .select({ id: users.id, displayName: users.displayName, email: users.email, disabled: users.disabled })
      .from(users)
      .where(eq(users.enterpriseId, id)),
    db
      .select({ id: enterpriseNotes.id, body: enterpriseNotes.body, createdAt: enterpriseNotes.createdAt, userName: users.displayName })
      .from(enterpriseNotes)
      .leftJoin(users, eq(users.id, enterpriseNotes.userId))
      .where(eq(enterpriseNotes.enterpriseId, id))
      .orderBy(desc(enterpriseNotes.createdAt)),
    fieldHistory(db, id, 200),
    firmOutcomes(db, id),
    firmServices(db, id, today),
  ]);
  const hallRow = hallRows[0];
  let hall = null;
  if (hallRow) {
    const [[sceneStats], [visits], [leadStats]] = await Promise.all([
      db
        .select({ scenes: count(scenes.id), lastScene: max(scenes.updatedAt), hotspots: sql<number>`(SELECT count(*) FROM ${hotspots} INNER JOIN ${scenes} s2 ON s2.id = ${hotspots.sceneId} WHERE s2.hall_id = ${hallRow.id})`.mapWith(Number) })
        .from(scenes)
        .where(eq(scenes.hallId, hallRow.id)),
      db
        .select({ n: sql<number>`coalesce(${sum(visitCounts.count)}, 0)`.mapWith(Number) })
        .from(visitCounts)
        .where(and(eq(visitCounts.enterpriseId, id), eq(visitCounts.kind, 'hall_view'), gte(visitCounts.day, since))),
      db
        .select({ total: count(), open: sql<number>`sum(CASE WHEN ${leads.status} IN ('new', 'contacted', 'negotiating') THEN 1 ELSE 0 END)`.mapWith(Number) })
        .from(leads)
        .where(eq(leads.enterpriseId, id)),
    ]);
    const lastScene = sceneStats?.lastScene ? new Date(Number(sceneStats.lastScene)) : null;
    hall = {
      id: hallRow.id,
      status: hallRow.status,
      publishedAt: hallRow.publishedAt?.toISOString() ?? null,
      lastUpdate: new Date(Math.max(hallRow.updatedAt.getTime(), lastScene?.getTime() ?? 0)).toISOString(),
      scenes: sceneStats?.scenes ?? 0,
      hotspots: sceneStats?.hotspots ?? 0,
      visits30d: visits?.n ?? 0,
      leads: leadStats?.total ?? 0,
      openLeads: leadStats?.open ?? 0,
      publicPath: hallRow.status === 'published' ? `/halls/${firm.slug}` : null,
    };
  }
  return {
    firm: { ...firm, createdAt: firm.createdAt.toISOString(), updatedAt: firm.updatedAt.toISOString(), deletedAt: null },
    titles: titles.map((t) => ({ ...t, effectiveStatus: effectiveTitleStatus(t, today), createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString() })),
    years: years.map((y) => ({ ...y, createdAt: y.createdAt.toISOString(), updatedAt: y.updatedAt.toISOString() })),
    hall,
    cohorts: cohortRows,
    users: people,
    notes: notes.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })),
    history,
    /** Service outcomes (千企服务成果数据库), newest first, verified or marked unverified. */
    outcomes,
    services,
  };
}

export type Dossier = Awaited<ReturnType<typeof dossier>>;
