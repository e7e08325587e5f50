import { and, asc, count, eq, exists, gte, inArray, sql } from 'drizzle-orm';
import type { County, Industry, Tier } from '../../domain/program.ts';
import { panoramaPosterUrl } from '../../media/urls.ts';
import type { Db } from '../client.ts';
import {
  cohorts,
  cohortSelections,
  enterprises,
  halls,
  investmentProjects,
  jobs,
  panoramas,
  products,
  scenes,
  tierRecognitions,
} from '../schema/index.ts';
import type { HallCard } from './halls.ts';
import { firmHitsSql, searchTerms } from './search.ts';

export interface DirectoryFilter {
  county?: County | undefined;
  industry?: Industry | undefined;
  cohortYear?: number | undefined;
  /** Firms holding this verified tier at any level. */
  tier?: Tier | undefined;
  /** Full-text query across firms, products, jobs and projects. */
  q?: string | undefined;
}

export interface DirectoryCard extends HallCard {
  counts: { products: number; jobs: number; projects: number };
}

/**
 * A page of published halls: best search match first when there is a query, else by name. Every filter narrows.
 */
export async function searchDirectory(
  db: Db,
  filter: DirectoryFilter,
  page: { offset: number; limit: number },
  today = new Date().toISOString().slice(0, 10),
): Promise<{ total: number; items: DirectoryCard[] }> {
  const hitsSql = firmHitsSql(searchTerms(filter.q));
  const scores = new Map<number, number>();
  if (hitsSql) {
    for (const r of await db.all<{ eid: number; score: number }>(hitsSql)) scores.set(Number(r.eid), Number(r.score));
    if (scores.size === 0) return { total: 0, items: [] };
  }
  const rows = await db
    .select({ id: enterprises.id })
    .from(halls)
    .innerJoin(enterprises, eq(enterprises.id, halls.enterpriseId))
    .where(
      and(
        eq(halls.status, 'published'),
        filter.county ? eq(enterprises.county, filter.county) : undefined,
        filter.industry ? eq(enterprises.industry, filter.industry) : undefined,
        filter.cohortYear
          ? exists(
              db
                .select({ one: sql`1` })
                .from(cohortSelections)
                .innerJoin(cohorts, eq(cohorts.id, cohortSelections.cohortId))
                .where(and(eq(cohortSelections.enterpriseId, enterprises.id), eq(cohorts.year, filter.cohortYear))),
            )
          : undefined,
        filter.tier
          ? exists(
              db
                .select({ one: sql`1` })
                .from(tierRecognitions)
                .where(
                  and(
                    eq(tierRecognitions.enterpriseId, enterprises.id),
                    eq(tierRecognitions.tier, filter.tier),
                    eq(tierRecognitions.verified, true),
                  ),
                ),
            )
          : undefined,
        hitsSql ? inArray(enterprises.id, [...scores.keys()]) : undefined,
      ),
    )
    .orderBy(asc(enterprises.name));
  let ids = rows.map((r) => r.id);
  // Stable: equal scores keep the name order.
  if (hitsSql) ids = ids.map((id, i) => [id, i] as const).sort((a, b) => scores.get(a[0])! - scores.get(b[0])! || a[1] - b[1]).map(([id]) => id);
  const pageIds = ids.slice(page.offset, page.offset + page.limit);
  return { total: ids.length, items: await hallCardsOf(db, pageIds, today) };
}

/** Cards (poster, verified tiers, open listing counts) of these firms' published halls, in the given order. */
export async function hallCardsOf(db: Db, enterpriseIds: number[], today = new Date().toISOString().slice(0, 10)): Promise<DirectoryCard[]> {
  if (enterpriseIds.length === 0) return [];
  const cover = db
    .select({ hallId: scenes.hallId, panoramaId: sql<string>`${scenes.panoramaId}`.as('cover_panorama_id') })
    .from(scenes)
    .where(eq(scenes.position, 0))
    .as('cover');
  const [rows, tierRows, productRows, jobRows, projectRows] = await Promise.all([
    db
      .select({ e: enterprises, tagline: halls.tagline, taglineEn: halls.taglineEn, p: panoramas })
      .from(halls)
      .innerJoin(enterprises, eq(enterprises.id, halls.enterpriseId))
      .leftJoin(cover, eq(cover.hallId, halls.id))
      .leftJoin(panoramas, eq(panoramas.id, cover.panoramaId))
      .where(and(eq(halls.status, 'published'), inArray(enterprises.id, enterpriseIds))),
    db
      .select({ id: tierRecognitions.enterpriseId, tier: tierRecognitions.tier, level: tierRecognitions.level, year: tierRecognitions.year })
      .from(tierRecognitions)
      .where(and(inArray(tierRecognitions.enterpriseId, enterpriseIds), eq(tierRecognitions.verified, true)))
      .orderBy(sql`${tierRecognitions.year} desc`),
    countBy(db, products, and(inArray(products.enterpriseId, enterpriseIds), eq(products.status, 'published'))),
    countBy(db, jobs, and(inArray(jobs.enterpriseId, enterpriseIds), eq(jobs.status, 'published'), gte(jobs.validUntil, today))),
    countBy(db, investmentProjects, and(inArray(investmentProjects.enterpriseId, enterpriseIds), eq(investmentProjects.status, 'published'))),
  ]);
  const byId = new Map(rows.map((r) => [r.e.id, r]));
  return enterpriseIds.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        slug: r.e.slug,
        name: r.e.name,
        nameEn: r.e.nameEn,
        tagline: r.tagline,
        county: r.e.county,
        industry: r.e.industry,
        fictional: r.e.fictional,
        poster: r.p
          ? { url: panoramaPosterUrl(r.p.id, r.p.posterFile), width: r.p.posterWidth, height: r.p.posterHeight, placeholder: r.p.placeholder }
          : null,
        tiers: tierRows.filter((t) => t.id === id).map(({ tier, level, year }) => ({ tier, level, year })),
        counts: { products: productRows.get(id) ?? 0, jobs: jobRows.get(id) ?? 0, projects: projectRows.get(id) ?? 0 },
      },
    ];
  });
}

type Listing = typeof products | typeof jobs | typeof investmentProjects;

async function countBy(db: Db, table: Listing, where: ReturnType<typeof and>): Promise<Map<number, number>> {
  const rows = await db.select({ id: table.enterpriseId, n: count() }).from(table).where(where).groupBy(table.enterpriseId);
  return new Map(rows.map((r) => [r.id, r.n]));
}
