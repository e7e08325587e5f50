import { and, eq, gte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { enterprises, halls, investmentProjects, jobs, products } from '../../db/schema/index.ts';
import { visibleHall } from './visibility.ts';

/** Every public path of hall content (without the /en prefix), with its last change, for sitemap.xml. */
export async function publicContentPaths(db: Db, today = new Date().toISOString().slice(0, 10)) {
  const published = visibleHall;
  const [hallRows, productRows, jobRows, projectRows] = await Promise.all([
    db.select({ slug: enterprises.slug, at: halls.updatedAt }).from(halls).innerJoin(enterprises, eq(enterprises.id, halls.enterpriseId)).where(published),
    db
      .select({ id: products.id, at: products.updatedAt })
      .from(products)
      .innerJoin(halls, eq(halls.enterpriseId, products.enterpriseId))
      .where(and(published, eq(products.status, 'published'))),
    db
      .select({ id: jobs.id, at: jobs.updatedAt })
      .from(jobs)
      .innerJoin(halls, eq(halls.enterpriseId, jobs.enterpriseId))
      .where(and(published, eq(jobs.status, 'published'), gte(jobs.validUntil, today))),
    db
      .select({ id: investmentProjects.id, at: investmentProjects.updatedAt })
      .from(investmentProjects)
      .innerJoin(halls, eq(halls.enterpriseId, investmentProjects.enterpriseId))
      .where(and(published, eq(investmentProjects.status, 'published'))),
  ]);
  return [
    ...hallRows.map((r) => ({ path: `/halls/${r.slug}`, at: r.at })),
    ...productRows.map((r) => ({ path: `/products/${r.id}`, at: r.at })),
    ...jobRows.map((r) => ({ path: `/jobs/${r.id}`, at: r.at })),
    ...projectRows.map((r) => ({ path: `/projects/${r.id}`, at: r.at })),
  ];
}
