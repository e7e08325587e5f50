import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { County, Industry } from '../../domain/program.ts';
import type { Db } from '../../db/client.ts';
import { enterprises, halls, investmentProjects, jobs, products } from '../../db/schema/index.ts';
import { matchingIds } from '../../db/queries/search.ts';
import { visibleHall } from './visibility.ts';

/** The firm behind a listing, as boards and item pages show it. */
const firm = {
  slug: enterprises.slug,
  name: enterprises.name,
  nameEn: enterprises.nameEn,
  county: enterprises.county,
  industry: enterprises.industry,
  fictional: enterprises.fictional,
};

export interface BoardFilter {
  county?: County | undefined;
  industry?: Industry | undefined;
  q?: string | undefined;
}
export interface JobFilter extends BoardFilter {
  /** Jobs whose range reaches at least this monthly salary (yuan). */
  salaryMin?: number | undefined;
  /** Posted within this many days. */
  postedDays?: number | undefined;
}
export interface ProjectFilter extends BoardFilter {
  sector?: string | undefined;
  amountMinWan?: number | undefined;
  amountMaxWan?: number | undefined;
}
export interface Page {
  offset: number;
  limit: number;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function firmWhere(f: BoardFilter, searching = false): SQL | undefined {
  return and(
    // With a search, the listing ids are the selective part: unary + keeps SQLite from starting at the halls
    // status index and probing every id for every hall.
    searching ? sql`(+${halls.status} = 'published' AND ${visibleHall})` : visibleHall,
    f.county ? eq(enterprises.county, f.county) : undefined,
    f.industry ? eq(enterprises.industry, f.industry) : undefined,
  );
}

/** Open jobs across all published halls, newest first. */
export async function listJobs(db: Db, f: JobFilter, page: Page, now = new Date()) {
  const ids = await matchingIds(db, 'job', f.q);
  const where = and(
    firmWhere(f, ids !== null),
    eq(jobs.status, 'published'),
    gte(jobs.validUntil, isoDay(now)),
    f.salaryMin ? gte(sql`coalesce(${jobs.salaryMax}, ${jobs.salaryMin}, 0)`, f.salaryMin) : undefined,
    f.postedDays ? gte(jobs.createdAt, new Date(now.getTime() - f.postedDays * 86_400_000)) : undefined,
    ids ? inArray(jobs.id, ids) : undefined,
  );
  const [[total], items] = await Promise.all([
    db
      .select({ n: count() })
      .from(jobs)
      .innerJoin(enterprises, eq(enterprises.id, jobs.enterpriseId))
      .innerJoin(halls, eq(halls.enterpriseId, enterprises.id))
      .where(where),
    db
      .select({ job: jobs, firm })
      .from(jobs)
      .innerJoin(enterprises, eq(enterprises.id, jobs.enterpriseId))
      .innerJoin(halls, eq(halls.enterpriseId, enterprises.id))
      .where(where)
      .orderBy(desc(jobs.createdAt), desc(jobs.id))
      .limit(page.limit)
      .offset(page.offset),
  ]);
  return { total: total?.n ?? 0, items };
}

/** Investment projects across all published halls, newest first. */
export async function listProjects(db: Db, f: ProjectFilter, page: Page) {
  const ids = await matchingIds(db, 'project', f.q);
  const where = and(
    firmWhere(f, ids !== null),
    eq(investmentProjects.status, 'published'),
    f.sector ? eq(investmentProjects.sector, f.sector) : undefined,
    f.amountMinWan ? gte(investmentProjects.amountWan, f.amountMinWan) : undefined,
    f.amountMaxWan ? lte(investmentProjects.amountWan, f.amountMaxWan) : undefined,
    ids ? inArray(investmentProjects.id, ids) : undefined,
  );
  const [[total], items] = await Promise.all([
    db
      .select({ n: count() })
      .from(investmentProjects)
      .innerJoin(enterprises, eq(enterprises.id, investmentProjects.enterpriseId))
      .innerJoin(halls, eq(halls.enterpriseId, enterprises.id))
      .where(where),
    db
      .select({ project: investmentProjects, firm })
      .from(investmentProjects)
      .innerJoin(enterprises, eq(enterprises.id, investmentProjects.enterpriseId))
      .innerJoin(halls, eq(halls.enterpriseId, enterprises.id))
      .where(where)
      .orderBy(desc(investmentProjects.createdAt), desc(investmentProjects.id))
      .limit(page.limit)
      .offset(page.offset),
  ]);
  return { total: total?.n ?? 0, items };
}

/** Products across all published halls, by firm then product. */
export async function listProducts(db: Db, f: BoardFilter, page: Page) {
  const ids = await matchingIds(db, 'product', f.q);
  const where = and(firmWhere(f, ids !== null), eq(products.status, 'published'), ids ? inArray(products.id, ids) : undefined);
  const [[total], items] = await Promise.all([
    db
      .select({ n: count() })
      .from(products)
      .innerJoin(enterprises, eq(enterprises.id, products.enterpriseId))
      .innerJoin(halls, eq(halls.enterpriseId, enterprises.id))
      .where(where),
    db
      .select({ product: products, firm })
      .from(products)
      .innerJoin(enterprises, eq(enterprises.id, products.enterpriseId))
      .innerJoin(halls, eq(halls.enterpriseId, enterprises.id))
      .where(where)
      .orderBy(asc(enterprises.name), asc(products.id))
      .limit(page.limit)
      .offset(page.offset),
  ]);
  return { total: total?.n ?? 0, items };
}

/** Sectors of published projects, for the board's filter. */
export async function projectSectors(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ sector: investmentProjects.sector })
    .from(investmentProjects)
    .where(eq(investmentProjects.status, 'published'))
    .orderBy(asc(investmentProjects.sector));
  return rows.map((r) => r.sector);
}

/** One published product of a published hall, with its firm; null otherwise. */
export async function getProduct(db: Db, id: number) {
  const [row] = await db
    .select({ product: products, firm: { ...firm, id: enterprises.id } })
    .from(products)
    .innerJoin(enterprises, eq(enterprises.id, products.enterpriseId))
    .innerJoin(halls, eq(halls.enterpriseId, enterprises.id))
    .where(and(eq(products.id, id), eq(products.status, 'published'), visibleHall));
  return row ?? null;
}

/** One open job of a published hall, with its firm; null when unknown, closed or expired. */
export async function getJob(db: Db, id: number, now = new Date()) {
  const [row] = await db
    .select({ job: jobs, firm: { ...firm, id: enterprises.id, address: enterprises.address } })
    .from(jobs)
    .innerJoin(enterprises, eq(enterprises.id, jobs.enterpriseId))
    .innerJoin(halls, eq(halls.enterpriseId, enterprises.id))
    .where(and(eq(jobs.id, id), eq(jobs.status, 'published'), gte(jobs.validUntil, isoDay(now)), visibleHall));
  return row ?? null;
}

/** One published investment project of a published hall, with its firm; null otherwise. */
export async function getProject(db: Db, id: number) {
  const [row] = await db
    .select({ project: investmentProjects, firm: { ...firm, id: enterprises.id } })
    .from(investmentProjects)
    .innerJoin(enterprises, eq(enterprises.id, investmentProjects.enterpriseId))
    .innerJoin(halls, eq(halls.enterpriseId, enterprises.id))
    .where(and(eq(investmentProjects.id, id), eq(investmentProjects.status, 'published'), visibleHall));
  return row ?? null;
}

/** Published halls per county and per industry, for the home page's entry points. */
export async function hallsByPlaceAndIndustry(db: Db) {
  const published = visibleHall;
  const [byCounty, byIndustry] = await Promise.all([
    db.select({ county: enterprises.county, n: count() }).from(halls).innerJoin(enterprises, eq(enterprises.id, halls.enterpriseId)).where(published).groupBy(enterprises.county),
    db.select({ industry: enterprises.industry, n: count() }).from(halls).innerJoin(enterprises, eq(enterprises.id, halls.enterpriseId)).where(published).groupBy(enterprises.industry),
  ]);
  return { byCounty: new Map(byCounty.map((r) => [r.county, r.n])), byIndustry: new Map(byIndustry.map((r) => [r.industry, r.n])) };
}
