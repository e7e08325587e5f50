import { and, count, eq, gte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { halls, investmentProjects, jobs, products } from '../../db/schema/index.ts';
import { visibleHall } from './visibility.ts';

export interface ProgramStats {
  halls: number;
  products: number;
  jobs: number;
  projects: number;
}

/** Headline counts for the home page: published halls and the open listings across them. */
export async function programStats(db: Db, today: string = new Date().toISOString().slice(0, 10)): Promise<ProgramStats> {
  const [[h], [p], [j], [pr]] = await Promise.all([
    db.select({ n: count() }).from(halls).where(visibleHall),
    db.select({ n: count() }).from(products).where(eq(products.status, 'published')),
    db
      .select({ n: count() })
      .from(jobs)
      .where(and(eq(jobs.status, 'published'), gte(jobs.validUntil, today))),
    db.select({ n: count() }).from(investmentProjects).where(eq(investmentProjects.status, 'published')),
  ]);
  return { halls: h?.n ?? 0, products: p?.n ?? 0, jobs: j?.n ?? 0, projects: pr?.n ?? 0 };
}
