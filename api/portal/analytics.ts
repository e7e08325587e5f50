import { and, count, desc, eq, gte, sql, sum } from 'drizzle-orm';
import type { DbLike } from '../db/client.ts';
import { hotspots, leads, scenes, visitCounts } from '../db/schema/index.ts';

/** The hall's visitors over the last `days` days: per day, top scenes and hotspots, and the lead funnel. */
export async function hallAnalytics(db: DbLike, enterpriseId: number, days: number, today = new Date()) {
  const since = new Date(today.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const inRange = and(eq(visitCounts.enterpriseId, enterpriseId), gte(visitCounts.day, since));
  const total = sql<number>`coalesce(${sum(visitCounts.count)}, 0)`.mapWith(Number);

  const [perDay, byKind, topScenes, topHotspots, leadRows] = await Promise.all([
    db
      .select({ day: visitCounts.day, kind: visitCounts.kind, n: total })
      .from(visitCounts)
      .where(inRange)
      .groupBy(visitCounts.day, visitCounts.kind)
      .orderBy(visitCounts.day),
    db.select({ kind: visitCounts.kind, n: total }).from(visitCounts).where(inRange).groupBy(visitCounts.kind),
    db
      .select({ sceneId: scenes.id, title: scenes.title, views: total })
      .from(visitCounts)
      .innerJoin(scenes, eq(scenes.id, visitCounts.sceneId))
      .where(and(inRange, eq(visitCounts.kind, 'scene_view')))
      .groupBy(scenes.id)
      .orderBy(desc(total))
      .limit(10),
    db
      .select({ hotspotId: hotspots.id, label: hotspots.label, kind: hotspots.kind, opens: total })
      .from(visitCounts)
      .innerJoin(hotspots, eq(hotspots.id, visitCounts.hotspotId))
      .where(and(inRange, eq(visitCounts.kind, 'hotspot_open')))
      .groupBy(hotspots.id)
      .orderBy(desc(total))
      .limit(10),
    db
      .select({ status: leads.status, n: count() })
      .from(leads)
      .where(and(eq(leads.enterpriseId, enterpriseId), gte(leads.createdAt, new Date(`${since}T00:00:00Z`))))
      .groupBy(leads.status),
  ]);

  const dayList = Array.from({ length: days }, (_, i) => new Date(new Date(`${since}T00:00:00Z`).getTime() + i * 86_400_000).toISOString().slice(0, 10));
  const kindTotal = (kind: string) => byKind.find((k) => k.kind === kind)?.n ?? 0;
  const leadTotal = leadRows.reduce((a, r) => a + r.n, 0);
  return {
    days: dayList.map((day) => ({
      day,
      hallViews: perDay.find((r) => r.day === day && r.kind === 'hall_view')?.n ?? 0,
      sceneViews: perDay.find((r) => r.day === day && r.kind === 'scene_view')?.n ?? 0,
    })),
    topScenes,
    topHotspots,
    funnel: {
      hallViews: kindTotal('hall_view'),
      hotspotOpens: kindTotal('hotspot_open'),
      formSubmits: kindTotal('form_submit'),
      leads: leadTotal,
      qualified: leadRows.filter((r) => r.status === 'negotiating' || r.status === 'won').reduce((a, r) => a + r.n, 0),
      won: leadRows.find((r) => r.status === 'won')?.n ?? 0,
    },
  };
}
