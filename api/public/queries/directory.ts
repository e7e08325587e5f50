import { and, count, eq, gte, inArray, sql } from 'drizzle-orm';
import type { County, Industry, Tier } from '../../domain/program.ts';
import { panoramaPosterUrl } from '../../media/urls.ts';
import type { Db } from '../../db/client.ts';
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
} from '../../db/schema/index.ts';
import type { HallCard } from './halls.ts';
import { firmHitsSql, isLooseScore, planSearch, scoredDocsSql } from '../../db/queries/search.ts';
import { visibleHall } from './visibility.ts';
import { publicTitleSql } from '../../db/queries/titles.ts';
import { todayInChina } from '../../lib/dates.ts';

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
  /** With a query: the firm's best-matching published listing, so people see why the hall is listed. */
  matched?: { kind: 'product' | 'job' | 'project'; id: number; title: string; titleEn: string | null } | undefined;
  enterpriseId: number;
  /** With a query: found by the looser match (bigrams, prefixes) rather than the exact words. */
  near?: boolean | undefined;
}

/**
 * A page of published halls: best search match first when there is a query, else by name. Every filter narrows.
 */
export async function searchDirectory(
  db: Db,
  filter: DirectoryFilter,
  page: { offset: number; limit: number },
  today = new Date().toISOString().slice(0, 10),
): Promise<{ total: number; items: DirectoryCard[]; loose: boolean }> {
  const hits = await firmHitsSql(db, filter.q);
  if (hits === null) return { total: 0, items: [], loose: false };
  const hitsSql = hits?.sql;
  const where = and(
    visibleHall,
    filter.county ? eq(enterprises.county, filter.county) : undefined,
    filter.industry ? eq(enterprises.industry, filter.industry) : undefined,
    filter.cohortYear
      ? sql`EXISTS (SELECT 1 FROM ${cohortSelections} INNER JOIN ${cohorts} ON ${cohorts.id} = ${cohortSelections.cohortId}
          WHERE ${cohortSelections.enterpriseId} = ${enterprises.id} AND ${cohorts.year} = ${filter.cohortYear})`
      : undefined,
    filter.tier
      ? sql`EXISTS (SELECT 1 FROM ${tierRecognitions} WHERE ${tierRecognitions.enterpriseId} = ${enterprises.id}
          AND ${tierRecognitions.tier} = ${filter.tier} AND ${publicTitleSql(todayInChina())})`
      : undefined,
  );
  // One statement: matches (when searching), filters, order, page, and the total through a window function,
  // so the full-text part runs once per request. CROSS JOIN keeps the matches as the outer loop (each joined by
  // primary key): left to itself SQLite scanned every published hall and, per hall, the whole unindexed
  // materialised match list — 30 ms instead of 9 for `zc` with 1,000 halls (npm run bench:search).
  const rows = await db.all<{ id: number; total: number; score: number | null }>(
    hitsSql
      ? sql`WITH hits AS MATERIALIZED (${hitsSql})
          SELECT ${enterprises.id} AS id, count(*) OVER () AS total, hits.score AS score
          FROM hits CROSS JOIN ${enterprises} ON ${enterprises.id} = hits.eid
          INNER JOIN ${halls} ON ${halls.enterpriseId} = ${enterprises.id}
          WHERE ${where} ORDER BY hits.score, ${enterprises.name} LIMIT ${page.limit} OFFSET ${page.offset}`
      : sql`SELECT ${enterprises.id} AS id, count(*) OVER () AS total
          FROM ${halls} INNER JOIN ${enterprises} ON ${enterprises.id} = ${halls.enterpriseId}
          WHERE ${where} ORDER BY ${enterprises.name} LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && page.offset > 0) {
    // Past the last page: the window saw no rows, so count separately.
    const [c] = await db.all<{ n: number }>(
      hitsSql
        ? sql`WITH hits AS MATERIALIZED (${hitsSql}) SELECT count(*) AS n FROM hits CROSS JOIN ${enterprises} ON ${enterprises.id} = hits.eid INNER JOIN ${halls} ON ${halls.enterpriseId} = ${enterprises.id} WHERE ${where}`
        : sql`SELECT count(*) AS n FROM ${halls} INNER JOIN ${enterprises} ON ${enterprises.id} = ${halls.enterpriseId} WHERE ${where}`,
    );
    total = Number(c?.n ?? 0);
  }
  const ids = rows.map((r) => Number(r.id));
  const items = await hallCardsOf(db, ids, today);
  if (hitsSql && ids.length) {
    const matched = await bestListings(db, filter.q, ids);
    const near = new Set(rows.filter((r) => r.score !== null && isLooseScore(Number(r.score))).map((r) => Number(r.id)));
    for (const card of items) {
      card.matched = matched.get(card.enterpriseId);
      card.near = near.has(card.enterpriseId);
    }
  }
  return { total, items, loose: hits?.loose ?? false };
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
      .where(and(visibleHall, inArray(enterprises.id, enterpriseIds))),
    db
      .select({ id: tierRecognitions.enterpriseId, tier: tierRecognitions.tier, level: tierRecognitions.level, year: tierRecognitions.year })
      .from(tierRecognitions)
      .where(and(inArray(tierRecognitions.enterpriseId, enterpriseIds), publicTitleSql(todayInChina())))
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
        enterpriseId: id,
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

/** Per firm, the best-scoring published product, job or project for the query (exact matches before near ones). */
async function bestListings(db: Db, query: string | undefined, enterpriseIds: number[]) {
  const best = new Map<number, NonNullable<DirectoryCard['matched']>>();
  const plan = planSearch(query);
  const docs = plan && (await scoredDocsSql(db, plan, { enterpriseIds }));
  if (!docs) return best;
  const rows = await db.all<{ eid: number; kind: 'product' | 'job' | 'project'; ref: number; title: string; titleEn: string | null }>(
    sql`WITH d AS MATERIALIZED (${docs.sql}), m AS (SELECT eid, kind, ref_id, MIN(score) AS score FROM d
        WHERE kind != 'firm' GROUP BY doc)
      SELECT eid, kind, ref_id AS ref,
        (CASE kind WHEN 'product' THEN (SELECT name FROM products WHERE id = ref_id)
          WHEN 'job' THEN (SELECT title FROM jobs WHERE id = ref_id)
          ELSE (SELECT title FROM investment_projects WHERE id = ref_id) END) AS title,
        (CASE kind WHEN 'product' THEN (SELECT name_en FROM products WHERE id = ref_id)
          WHEN 'job' THEN (SELECT title_en FROM jobs WHERE id = ref_id)
          ELSE (SELECT title_en FROM investment_projects WHERE id = ref_id) END) AS titleEn
      FROM m ORDER BY score`,
  );
  for (const r of rows) {
    const eid = Number(r.eid);
    if (!best.has(eid)) best.set(eid, { kind: r.kind, id: Number(r.ref), title: r.title, titleEn: r.titleEn });
  }
  return best;
}

type Listing = typeof products | typeof jobs | typeof investmentProjects;

async function countBy(db: Db, table: Listing, where: ReturnType<typeof and>): Promise<Map<number, number>> {
  const rows = await db.select({ id: table.enterpriseId, n: count() }).from(table).where(where).groupBy(table.enterpriseId);
  return new Map(rows.map((r) => [r.id, r.n]));
}
