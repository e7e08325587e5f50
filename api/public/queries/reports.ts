import { and, desc, eq } from 'drizzle-orm';
import type { DbLike } from '../../db/client.ts';
import { publishedReports } from '../../db/schema/index.ts';
import type { ReportSnapshot } from '../../admin/reports/snapshot.ts';
import { chinaDateTime } from '../../lib/dates.ts';

/** A published annual report as the public sees it: the newest version, its snapshot and date (China time). */
export interface PublicReport {
  id: number;
  year: number;
  version: number;
  publishedAt: string;
  snapshot: ReportSnapshot;
}

/** The newest published annual report of a year, or null (drafts are never public). */
export async function publicReport(db: DbLike, year: number): Promise<PublicReport | null> {
  const [row] = await db
    .select()
    .from(publishedReports)
    .where(and(eq(publishedReports.kind, 'annual'), eq(publishedReports.year, year)))
    .orderBy(desc(publishedReports.version))
    .limit(1);
  if (!row) return null;
  return { id: row.id, year: row.year, version: row.version, publishedAt: chinaDateTime(row.publishedAt.toISOString()).slice(0, 10), snapshot: row.snapshot as ReportSnapshot };
}

/** Years with a published annual report, newest first. */
export async function publicReportYears(db: DbLike): Promise<number[]> {
  const rows = await db.selectDistinct({ year: publishedReports.year }).from(publishedReports).where(eq(publishedReports.kind, 'annual')).orderBy(desc(publishedReports.year));
  return rows.map((r) => r.year);
}
