/**
 * The quality of the services (有求必应) for the dashboard and the annual report: how many requests firms filed, how
 * many the firms confirmed solved, how fast someone first contacted them, how often firms reopened a request, how
 * they rated the service and how many requests are overdue now. Counts only, never per-person rows.
 */
import { and, eq, isNull, min, sql, type SQL } from 'drizzle-orm';
import type { DbLike } from '../../db/client.ts';
import { enterprises, serviceRequestEvents, serviceRequests } from '../../db/schema/index.ts';
import type { County } from '../../domain/program.ts';
import { todayInChina } from '../../lib/dates.ts';
import { workingDaysBetween } from '../../lib/working-days.ts';
import { memoised } from './indicators/memo.ts';
import { overdueCondition } from '../services/request-queries.ts';

export interface ServiceFigures {
  /** Requests filed in the window (by the China date they were filed). */
  filed: number;
  /** Of those, confirmed solved by the firm. */
  solved: number;
  /** solved / filed, 0–1; null when nothing was filed. */
  solvedRate: number | null;
  /** Median working days from filing to the first contact (requests contacted so far); null when none. */
  medianContactDays: number | null;
  /** Share of filed requests the firm reopened at least once, 0–1; null when nothing was filed. */
  reopenRate: number | null;
  /** Mean of the firms' ratings (1–5) of the solved requests rated; null when none. */
  satisfaction: number | null;
  rated: number;
  /** Requests overdue today in their current state (whatever year they were filed). */
  overdue: number;
}

/** Median of a list of numbers (mean of the middle two for an even count); null when empty. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Service figures of the plan's window (`year` narrows it to one year) and optionally one area, for live firms.
 * Time to first contact counts working days (State Council calendar, api/lib/working-days.ts) from the filing date to
 * the first move into 已联系, as the SLA does. `today` is the China date for the overdue count.
 */
export async function computeServiceFigures(db: DbLike, q: { startYear: number; endYear: number; year?: number; county?: County }, today: string): Promise<ServiceFigures> {
  const from = Date.parse(`${q.year ?? q.startYear}-01-01T00:00:00+08:00`);
  const to = Date.parse(`${(q.year ?? q.endYear) + 1}-01-01T00:00:00+08:00`);
  const firm: SQL[] = [isNull(enterprises.deletedAt)];
  if (q.county) firm.push(eq(enterprises.county, q.county));
  const inWindow = and(...firm, sql`${serviceRequests.createdAt} >= ${from} and ${serviceRequests.createdAt} < ${to}`);
  const [totals] = await db
    .select({
      filed: sql<number>`count(*)`.mapWith(Number),
      solved: sql<number>`coalesce(sum(${serviceRequests.state} = 'resolved'), 0)`.mapWith(Number),
      reopened: sql<number>`coalesce(sum(${serviceRequests.reopenCount} > 0), 0)`.mapWith(Number),
      rated: sql<number>`coalesce(sum(${serviceRequests.state} = 'resolved' and ${serviceRequests.rating} is not null), 0)`.mapWith(Number),
      ratingSum: sql<number>`coalesce(sum(case when ${serviceRequests.state} = 'resolved' then ${serviceRequests.rating} end), 0)`.mapWith(Number),
    })
    .from(serviceRequests)
    .innerJoin(enterprises, eq(enterprises.id, serviceRequests.enterpriseId))
    .where(inWindow);
  // Filing and first-contact instants of the window's contacted requests; working days between their China dates,
  // each distinct pair of dates counted once (a few thousand pairs at most over five years).
  const contacts = await db
    .select({ filed: serviceRequests.createdAt, contacted: min(serviceRequestEvents.at) })
    .from(serviceRequests)
    .innerJoin(enterprises, eq(enterprises.id, serviceRequests.enterpriseId))
    .innerJoin(serviceRequestEvents, and(eq(serviceRequestEvents.requestId, serviceRequests.id), eq(serviceRequestEvents.toState, 'contacted')))
    .where(inWindow)
    .groupBy(serviceRequests.id);
  const between = new Map<string, number>();
  const days = contacts.flatMap((r) => {
    if (!r.contacted) return [];
    const [from, to] = [todayInChina(r.filed), todayInChina(r.contacted)];
    let n = between.get(`${from}|${to}`);
    if (n === undefined) between.set(`${from}|${to}`, (n = workingDaysBetween(from, to)));
    return [n];
  });
  const filed = totals?.filed ?? 0;
  const solved = totals?.solved ?? 0;
  const rated = totals?.rated ?? 0;
  const [overdue] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(serviceRequests)
    .innerJoin(enterprises, eq(enterprises.id, serviceRequests.enterpriseId))
    .where(and(...firm, overdueCondition(today)));
  return {
    filed,
    solved,
    solvedRate: filed ? solved / filed : null,
    medianContactDays: median(days),
    reopenRate: filed ? (totals?.reopened ?? 0) / filed : null,
    satisfaction: rated ? (totals?.ratingSum ?? 0) / rated : null,
    rated,
    overdue: overdue?.n ?? 0,
  };
}

/**
 * computeServiceFigures for the dashboard, memoised per process for a minute (about 0.1–0.2 s over 50,000 requests at
 * ten times the city's size, bench:admin) with the indicators' stale-while-revalidate memo. `fresh` (publishing a
 * report) always computes.
 */
export function serviceFigures(db: DbLike, q: { startYear: number; endYear: number; year?: number; county?: County }, today: string, fresh = false): Promise<ServiceFigures> {
  if (fresh) return computeServiceFigures(db, q, today);
  const key = `service-figures:${JSON.stringify([q.startYear, q.endYear, q.year ?? null, q.county ?? null, today])}`;
  return memoised(db, key, 60_000, () => computeServiceFigures(db, q, today));
}
